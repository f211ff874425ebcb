import { httpRoute } from '../../adapters/http/route.js';
import { quotaCounter, whatsappRequestDeps } from '../../adapters/wiring/shared.js';
import { refreshWhatsAppSide } from '../../core/whatsapp/requests.js';
import { linkWhatsAppRoute } from './routes.js';

const deps = whatsappRequestDeps();

/**
 * GET /links/{linkId}/whatsapp (tenant): the link's WhatsApp side read from Meta now (Meta's Page
 * <-> number link and the number's health, two Graph calls), stored when it changed, with the fixes
 * and what Tandem cannot see.
 */
export const handler = httpRoute(
  { ...linkWhatsAppRoute, quotaCounter: quotaCounter() },
  async ({ tenant, params }) => ({
    status: 200,
    json: await refreshWhatsAppSide(deps, tenant, params.linkId),
  })
);
