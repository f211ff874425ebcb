/** The few HTML pages the sandbox shows a browser: the consent dialog and its error page. */

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const layout = (title: string, body: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f0f2f5;margin:0;padding:2rem;color:#1c1e21}
main{max-width:28rem;margin:auto;background:#fff;border-radius:8px;padding:1.5rem;box-shadow:0 1px 2px #0003}
h1{font-size:1.25rem}label{display:block;margin:.4rem 0}
button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem;border-radius:6px;border:0;cursor:pointer}
button[value=continue]{background:#1877f2;color:#fff}.note{color:#65676b;font-size:.85rem}
</style>
</head>
<body><main>${body}</main></body>
</html>`;

interface ConsentView {
  formAction: string;
  sessionId: string;
  appName: string;
  userName: string;
  scopes: string[];
  /** A Login for Business configuration: the permissions are listed, not offered one by one. */
  allOrNothing: boolean;
}

const scopeList = (view: ConsentView): string =>
  view.allOrNothing
    ? `<ul>${view.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('')}</ul>`
    : view.scopes
        .map(
          (scope) =>
            `<label><input type="checkbox" name="scope" value="${escapeHtml(scope)}" checked> ${escapeHtml(scope)}</label>`
        )
        .join('\n');

const consentPage = (view: ConsentView): string =>
  layout(
    `Log in with Facebook: ${view.appName}`,
    `<h1>${escapeHtml(view.appName)} is requesting access</h1>
<p>Continue as <strong>${escapeHtml(view.userName)}</strong>. ${
      view.allOrNothing
        ? `${escapeHtml(view.appName)} will be able to:`
        : `Choose what ${escapeHtml(view.appName)} may do:`
    }</p>
<form method="post" action="${escapeHtml(view.formAction)}">
<input type="hidden" name="session" value="${escapeHtml(view.sessionId)}">
${scopeList(view)}
<p class="note">Meta sandbox: no real Facebook account is used.</p>
<button type="submit" name="action" value="continue">Continue</button>
<button type="submit" name="action" value="cancel">Cancel</button>
</form>`
  );

const errorPage = (title: string, message: string): string =>
  layout(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);

export { consentPage, errorPage, escapeHtml };
