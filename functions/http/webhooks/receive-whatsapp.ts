import { httpRoute } from '../../adapters/http/route.js';
import { metaAppId, metaAppSecret, wabaIntakeDeps } from '../../adapters/wiring/shared.js';
import { receiveWabaWebhook } from '../../core/whatsapp/intake.js';
import { whatsappWebhookReceiveRoute } from './routes.js';

const deps = wabaIntakeDeps();
const appSecret = metaAppSecret();
const appId = metaAppId();

/**
 * POST /webhooks/whatsapp (public: Meta's WhatsApp Business Account webhooks, authenticated by
 * X-Hub-Signature-256 over the raw body): verifies, de-duplicates, enqueues one job per change for
 * the worker, answers 200. 401 for a forged or missing signature, 413 above 256 KB; an unknown field
 * or object is logged and answered 200 (Meta retries anything else with the same bytes).
 */
export const handler = httpRoute(
  whatsappWebhookReceiveRoute,
  async ({ rawBody, headers, requestId, log }) => {
    const result = await receiveWabaWebhook(deps, {
      rawBody,
      signature: headers['x-hub-signature-256'],
      secrets: [await appSecret()],
      appId,
      deliveryId: requestId,
    });
    if (result.ignored || result.skipped.length > 0) {
      log.warn('whatsapp webhook skipped', { ...result, bytes: rawBody.length });
    } else log.info('whatsapp webhook received', { ...result });
    const { skipped, ...counts } = result;
    return { status: 200, json: { received: true, ...counts, skipped: skipped.length } };
  }
);
