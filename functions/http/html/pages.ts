import type { GrantAssets } from '../../core/linking/grants.js';
import type { Link } from '../../core/linking/model.js';
import type { DeletionRequest } from '../../core/linking/ports.js';
import { Html, html } from './escape.js';

/**
 * The server-rendered pages of the linking journey. Plain HTML forms with no script, styled inline
 * (the pages' CSP allows inline styles only, and form posts to Tandem's own origin).
 */

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1c1e21}
main{max-width:40rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin-top:0}fieldset{border:1px solid #ccd0d5;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
label{display:block;padding:.25rem 0}.muted{color:#606770;font-size:.9rem}.problem{background:#fdecea;border-left:4px solid #d93025;padding:.5rem 1rem}
.ok{background:#e6f4ea;border-left:4px solid #1e8e3e;padding:.5rem 1rem}button,.button{background:#1877f2;color:#fff;border:0;border-radius:6px;padding:.6rem 1.2rem;font-size:1rem;text-decoration:none;display:inline-block}
code{background:#f0f2f5;padding:0 .25rem;border-radius:3px}`;

/** The stylesheet is a constant of this module, so it is trusted markup. */
const STYLESHEET = new Html(STYLE);

const layout = (title: string, body: Html): string =>
  html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Tandem</title>
<style>${STYLESHEET}</style>
</head>
<body><main>
${body}
</main></body>
</html>`.value;

interface ErrorView {
  title: string;
  message: string;
  code: string;
  requestId: string;
  /** The client app's returnUrl with the outcome, when the browser is being sent back there. */
  returnTo?: string;
}

const errorPage = (view: ErrorView): string =>
  layout(
    view.title,
    html`<h1>${view.title}</h1>
<p class="problem">${view.message}</p>
${view.returnTo ? html`<p><a href="${view.returnTo}">Back to your app</a></p>` : ''}<p class="muted">Reference: <code>${view.code}</code> · request <code>${view.requestId}</code></p>`
  );

/** Why Tandem needs each permission, shown when one is missing. */
const SCOPE_REASONS: Record<string, string> = {
  pages_show_list: 'to list the Facebook Pages you manage',
  pages_read_engagement: "to read your Page's business details (about, address, website...)",
  pages_manage_metadata: 'to be told when your Page changes',
  whatsapp_business_management: 'to see your WhatsApp numbers and update their business profile',
  business_management: 'to reach Pages and WhatsApp accounts owned by your business portfolio',
};

/**
 * What to do about missing permissions: ask Facebook again (classic login), or, when a Login for
 * Business configuration left them out, tell the person it is the deployment's to fix.
 */
const missingScopesPage = (view: {
  missing: string[];
  retryUrl?: string;
  configurationIncomplete?: true;
}): string =>
  layout(
    'Permissions missing',
    html`<h1>Tandem needs a few more permissions</h1>
<p class="problem">Facebook did not grant ${view.missing.length === 1 ? 'this permission' : 'these permissions'}, so nothing was linked:</p>
<ul>${view.missing.map(
      (scope) =>
        html`<li><code>${scope}</code>: ${SCOPE_REASONS[scope] ?? 'required for linking'}</li>`
    )}</ul>
${
  view.retryUrl
    ? html`<p><a class="button" href="${view.retryUrl}">Grant the missing permissions</a></p>
<p class="muted">Facebook will ask again only for what was declined. The ads permissions are optional.</p>`
    : html`<p>This app's Facebook login configuration does not include ${view.missing.length === 1 ? 'it' : 'them'}, so signing in again will not help. Ask whoever runs this app to add ${view.missing.length === 1 ? 'it' : 'them'} to the configuration in the Meta App Dashboard (Facebook Login for Business &gt; Configurations).</p>`
}`
  );

interface SignInPageView {
  tenantName: string;
  state: string;
  expiresAt: string;
  /** Where the form posts (POST /oauth/begin). */
  action: string;
}

/**
 * The sign-in's first page: which tenant the Pages will be linked to, before anything reaches Meta
 * or Tandem. Continuing is a form post, so a link preview fetching the page continues nothing.
 */
const signInPage = (view: SignInPageView): string =>
  layout(
    'Link your Facebook Page',
    html`<h1>Link your Facebook Page to ${view.tenantName}</h1>
<p>You are about to sign in with Facebook so that <strong>${view.tenantName}</strong> can link a Facebook Page you manage to a WhatsApp Business number, and keep its business details in step.</p>
<p class="muted">Only continue if you expected to link your Page to ${view.tenantName}. If you did not start this, close this window: nothing has been shared.</p>
<form method="post" action="${view.action}">
<input type="hidden" name="state" value="${view.state}">
<button type="submit">Continue with Facebook</button>
</form>
<p class="muted">This link works until ${view.expiresAt}, in this browser only.</p>`
  );

interface PickerView {
  /** The tenant the chosen Page and number will be linked to. */
  tenantName: string;
  assets: GrantAssets;
  selectionId: string;
  selectionExpiresAt: string;
  action: string;
  problem?: string;
}

const pickerPage = (view: PickerView): string => {
  const { pages, phoneNumbers } = view.assets;
  const nothingToLink = pages.length === 0 || phoneNumbers.length === 0;
  return layout(
    'Choose what to link',
    html`<h1>Choose a Page and a WhatsApp number</h1>
<p>They will be linked for <strong>${view.tenantName}</strong>.</p>
${view.problem ? html`<p class="problem" role="alert">${view.problem}</p>` : ''}
${
  nothingToLink
    ? html`<p class="problem">${
        pages.length === 0
          ? 'This Facebook account manages no Page Tandem can reach. '
          : 'This Facebook account shared no WhatsApp Business number with Tandem. '
      }Start linking again from your app and select them in the Facebook dialog.</p>`
    : html`<form method="post" action="${view.action}">
<input type="hidden" name="selection" value="${view.selectionId}">
<fieldset><legend>Facebook Page</legend>
${pages.map(
  (page) =>
    html`<label><input type="radio" name="pageId" value="${page.id}" required${page.linked ? html` disabled` : ''}> ${page.name}${page.linked ? html` <span class="muted">(already linked)</span>` : ''}</label>`
)}
</fieldset>
<fieldset><legend>WhatsApp number</legend>
${phoneNumbers.map(
  (number) =>
    html`<label><input type="radio" name="phoneNumberId" value="${number.id}" required${number.linked ? html` disabled` : ''}> ${number.displayPhoneNumber}${number.verifiedName ? html` <span class="muted">${number.verifiedName}</span>` : ''}${number.linked ? html` <span class="muted">(already linked)</span>` : ''}</label>`
)}
</fieldset>
<p class="muted">Sync stays off until you turn it on in your app. Choose before ${view.selectionExpiresAt}.</p>
<button type="submit">Link</button>
</form>`
}`
  );
};

/**
 * The last page. With a `returnTo` (the sign-in's returnUrl, on a registered origin, with the
 * outcome added) it sends the browser back at once with a meta refresh, which the pages' CSP (no
 * script; forms to Tandem only) allows, and offers the same link by hand.
 */
const linkedPage = (link: Link, tenantName: string, returnTo?: string): string =>
  layout(
    'Linked',
    html`${returnTo ? html`<meta http-equiv="refresh" content="0;url=${returnTo}">` : ''}<h1>Linked</h1>
<p class="ok">Your Facebook Page <strong>${link.pageName}</strong> is now linked to the WhatsApp number <strong>${link.displayPhoneNumber}</strong>, for <strong>${tenantName}</strong>.</p>
<p>Sync is <strong>off</strong>: turn it on in your app when you are ready, and choose which fields to copy.</p>
${link.unsupported.map((field) => html`<p class="muted">Note: ${field.reason}</p>`)}
<p class="muted">Link id: <code>${link.linkId}</code>. ${returnTo ? html`<a href="${returnTo}">Back to your app</a>` : 'You can close this window.'}</p>`
  );

const storyPermissionsPage = (view: { tenantName: string; missing: string[] }): string =>
  layout(
    'Story permissions',
    view.missing.length === 0
      ? html`<h1>Stories allowed</h1>
<p class="ok"><strong>${view.tenantName}</strong> may now publish the stories you turn on to your Page and its Instagram account.</p>
<p class="muted">Nothing is posted until you send a story from your app. You can close this window.</p>`
      : html`<h1>Some permissions are missing</h1>
<p>Facebook did not grant ${view.missing.join(', ')}, so the stories that need ${view.missing.length === 1 ? 'it' : 'them'} cannot be published. Turn story consent on again in your app to retry.</p>`
  );

const deletionStatusPage = (request: DeletionRequest): string =>
  layout(
    'Data deletion status',
    html`<h1>Your data deletion request</h1>
<p class="ok">Status: <strong>${request.status === 'completed' ? 'Completed' : request.status}</strong></p>
<p>Tandem deleted everything it held for your Facebook account: ${request.deletedLinks} link${request.deletedLinks === 1 ? '' : 's'} between a Page and a WhatsApp number${request.deletedAdOperations ? `, the records of ${request.deletedAdOperations} ad creation${request.deletedAdOperations === 1 ? '' : 's'}` : ''}, and ${request.deletedGrants} stored sign-in${request.deletedGrants === 1 ? '' : 's'} with ${request.deletedGrants === 1 ? 'its' : 'their'} access tokens.</p>
<p class="muted">Requested ${request.requestedAt}, completed ${request.completedAt}. Confirmation code <code>${request.confirmationCode}</code>.</p>`
  );

export type { ErrorView, PickerView, SignInPageView };
export {
  deletionStatusPage,
  errorPage,
  layout,
  linkedPage,
  missingScopesPage,
  pickerPage,
  signInPage,
  storyPermissionsPage,
};
