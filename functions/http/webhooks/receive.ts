import { httpRoute } from '../../adapters/http/route.js';
import { metaAppSecret } from '../../adapters/wiring/shared.js';
import { pageWebhookDeps } from '../../adapters/wiring/webhooks.js';
import { receivePageWebhook } from '../../core/sync/intake.js';
import { webhookReceiveRoute } from './routes.js';

const deps = pageWebhookDeps();
const appSecret = metaAppSecret();

/**
 * POST /webhooks/meta (public: Meta's Page webhooks, authenticated by X-Hub-Signature-256 over the
 * raw body): verifies, de-duplicates, enqueues one sync job per link of the Page with sync on, and
 * answers 200 at once. 401 for a forged or missing signature, 413 above 256 KB; a signed body that
 * is not a Page webhook (not JSON, another object, nested too deep) is logged and answered 200,
 * since Meta retries any other answer with the same bytes for 36 hours. A 5xx only ever means
 * "try again" (the store or the queue failed), and Meta does.
 */
export const handler = httpRoute(
  webhookReceiveRoute,
  async ({ rawBody, headers, requestId, log }) => {
    const result = await receivePageWebhook(deps, {
      rawBody,
      signature: headers['x-hub-signature-256'],
      secrets: [await appSecret()],
      deliveryId: requestId,
    });
    // A signed body that is not a Page webhook is Meta's: acknowledged so it is not sent again.
    if (result.ignored) log.warn('webhook ignored', { ...result, bytes: rawBody.length });
    else log.info('webhook received', { ...result });
    return { status: 200, json: { received: true, ...result } };
  }
);
