import { httpRoute } from '../../adapters/http/route.js';
import { quotaCounter, whatsappRequestDeps } from '../../adapters/wiring/shared.js';
import { linkPageOnMeta } from '../../core/whatsapp/requests.js';
import { linkMetaLinkRoute } from './routes.js';

const deps = whatsappRequestDeps();

/**
 * PUT /links/{linkId}/meta-link (tenant) `{}` or `{ code }`: links the Page to the link's number on
 * Meta's side (the Page's WhatsApp button). Without a code Meta sends one to the number
 * (`code_sent`); with it the link is made (`linked`). 409 with what to do when no code is pending,
 * it expired or too many were refused; 400 `verification_code_invalid` for a code Meta refused.
 */
export const handler = httpRoute(
  { ...linkMetaLinkRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params, body }) => ({
    status: 200,
    json: await linkPageOnMeta(deps, tenant, params.linkId, {
      ...(body.code ? { code: body.code } : {}),
    }),
  })
);
