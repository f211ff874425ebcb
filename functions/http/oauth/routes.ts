import { defineRoute, errors, pageErrors } from '../../adapters/http/contract.js';
import { MAX_BODY_BYTES } from '../links/schemas.js';
import { signInStarted, tenantOrigins } from './responses.js';
import {
  beginForm,
  beginQuery,
  callbackQuery,
  originsBody,
  selectionForm,
  startBody,
} from './schemas.js';

const oauthStartRoute = defineRoute({
  method: 'POST',
  path: '/links/oauth/start',
  access: 'tenant',
  summary:
    "Start a sign-in with Facebook ({ returnUrl? }); answers the begin URL for the user's browser",
  body: startBody,
  bodyOptional: true,
  maxBodyBytes: MAX_BODY_BYTES,
  quotas: ['signIns'],
  responses: {
    200: {
      description:
        'The begin page to send the browser to. With a `returnUrl`, the sign-in ends there with `tandem_outcome`: `linked` (and `link_id`), `cancelled`, `failed`, `expired` or `nothing_selectable`.',
      schema: signInStarted,
    },
    ...errors(400, 409, 413, 415),
  },
});

const settingsOriginsGetRoute = defineRoute({
  method: 'GET',
  path: '/settings/origins',
  access: 'tenant',
  summary: "The tenant's registered origins (where a sign-in may return the browser)",
  responses: {
    200: { description: "The tenant's registered origins", schema: tenantOrigins },
  },
});

const settingsOriginsPutRoute = defineRoute({
  method: 'PUT',
  path: '/settings/origins',
  access: 'tenant',
  summary: "Replace the tenant's registered origins",
  body: originsBody,
  maxBodyBytes: MAX_BODY_BYTES,
  responses: {
    200: { description: 'The origins as registered', schema: tenantOrigins },
    ...errors(400, 409, 413, 415),
  },
});

const oauthBeginRoute = defineRoute({
  method: 'GET',
  path: '/oauth/begin',
  access: 'public',
  summary: "Sign-in's first page: names the tenant, sets the browser's sign-in cookie",
  publicReason:
    "The client app sends the user's browser here, which carries no JWT; it only shows the tenant's name for a single-use, 10-minute OAuth state and sets an HttpOnly SameSite cookie, changing nothing.",
  query: beginQuery,
  responses: {
    200: {
      description: "The begin page; sets the browser's sign-in cookie",
      html: true,
      headers: { 'Set-Cookie': "The browser's sign-in cookie (HttpOnly, SameSite)." },
    },
    ...pageErrors(400, 500, 503),
  },
});

const oauthContinueRoute = defineRoute({
  method: 'POST',
  path: '/oauth/begin',
  access: 'public',
  summary: "Begin page's form: binds the sign-in to the browser, redirects to Meta's dialog",
  publicReason:
    "Posted by the user's browser from Tandem's own begin page, which has no JWT; it needs the single-use OAuth state and the browser's SameSite sign-in cookie, and binds the state to that browser once.",
  body: beginForm,
  bodyFormat: 'form',
  maxBodyBytes: MAX_BODY_BYTES,
  responses: {
    303: { description: "To Meta's login dialog", headers: { Location: "Meta's login dialog." } },
    ...pageErrors(400, 403, 413, 415, 500, 503),
  },
});

const oauthCallbackRoute = defineRoute({
  method: 'GET',
  path: '/oauth/callback',
  access: 'public',
  summary: 'OAuth redirect URI: completes the sign-in, shows the Page/number picker',
  publicReason:
    "Meta's login dialog redirects the user's browser here, which carries no JWT; the request is bound to its tenant by a single-use, 10-minute OAuth state plus PKCE, and to the browser that began it by its sign-in cookie.",
  query: callbackQuery,
  responses: {
    200: { description: 'The Page/number picker, or the story permissions page', html: true },
    303: {
      description:
        'Back to the client app with `tandem_outcome`; the page says the same, with the link',
      html: true,
      headers: { Location: 'The return URL.' },
    },
    ...pageErrors(400, 403, 500, 502, 503),
  },
});

const oauthSelectRoute = defineRoute({
  method: 'POST',
  path: '/oauth/select',
  access: 'public',
  summary: 'Picker form post: links the chosen Page and number',
  publicReason:
    "Posted by the user's browser from Tandem's own picker page, which has no JWT; authorised by a single-use, tenant-bound selection id that expires in 15 minutes, together with the sign-in cookie of the browser that signed in.",
  body: selectionForm,
  bodyFormat: 'form',
  maxBodyBytes: MAX_BODY_BYTES,
  responses: {
    201: { description: 'Linked', html: true },
    303: {
      description:
        'Back to the client app with `tandem_outcome`; the page says the same, with the link',
      html: true,
      headers: { Location: 'The return URL.' },
    },
    ...pageErrors(400, 403, 409, 413, 415, 500, 502, 503),
  },
});

export {
  oauthBeginRoute,
  oauthCallbackRoute,
  oauthContinueRoute,
  oauthSelectRoute,
  oauthStartRoute,
  settingsOriginsGetRoute,
  settingsOriginsPutRoute,
};
