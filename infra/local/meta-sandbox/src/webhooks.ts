import { createHmac, randomInt } from 'node:crypto';
import type { Services } from './context.js';
import { sleep } from './http.js';
import type { WebhookDelivery } from './store.js';

/**
 * Page and WhatsApp Business Account webhooks as Meta sends them: the standard envelope, signed with X-Hub-Signature-256 over the
 * exact bytes sent, retried on failure, every attempt recorded for tests to inspect.
 */

const MAX_KEPT = 10_000;
const ATTEMPT_TIMEOUT_MS = 5_000;

/** Meta signs "an escaped unicode version of the payload": non-ASCII goes out as \uXXXX. */
const escapeUnicode = (json: string): string =>
  json.replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  );

/** X-Hub-Signature-256: the HMAC-SHA256 of the exact bytes sent, keyed with the app secret. */
const signatureOf = (body: string | Buffer, secret: string): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

type WebhookObject = NonNullable<WebhookDelivery['object']>;

interface DeliverOptions {
  forgeSignature?: boolean;
  duplicate?: boolean;
}

/** The standard envelope of one change to one entry, escaped as Meta signs it. */
const changeBody = (
  object: WebhookObject,
  entryId: string,
  field: string,
  value: unknown
): string =>
  escapeUnicode(
    JSON.stringify({
      object,
      entry: [{ id: entryId, time: Math.floor(Date.now() / 1000), changes: [{ field, value }] }],
    })
  );

const postOnce = async (url: string, body: string, signature: string): Promise<number> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signature,
      'user-agent': 'facebookexternalua',
    },
    body,
    signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  return response.status;
};

const keep = (services: Services, delivery: WebhookDelivery): void => {
  services.store.deliveries.push(delivery);
  if (services.store.deliveries.length > MAX_KEPT) services.store.deliveries.shift();
};

/** Sends one signed body, retrying non-2xx answers and network errors with doubling backoff. */
const send = async (
  services: Services,
  delivery: WebhookDelivery,
  url: string
): Promise<WebhookDelivery> => {
  const { webhookRetries, webhookBackoffMs } = services.store.settings;
  for (let attempt = 0; attempt <= webhookRetries; attempt += 1) {
    if (attempt > 0) await sleep(webhookBackoffMs * 2 ** (attempt - 1));
    delivery.attempts = attempt + 1;
    try {
      delivery.status = await postOnce(url, delivery.body, delivery.signature);
      delete delivery.error;
    } catch (error) {
      delivery.status = 0;
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    if (delivery.status >= 200 && delivery.status < 300) {
      delivery.delivered = true;
      return delivery;
    }
  }
  return delivery;
};

/**
 * Signs one change and delivers it to `callbackUrl`, twice when asked for a duplicate. Resolves
 * when every copy has been delivered or has run out of retries; callers that must not wait can
 * ignore the promise.
 */
const deliverChange = async (
  services: Services,
  callbackUrl: string,
  change: { object: WebhookObject; entryId: string; field: string; value: unknown },
  options: DeliverOptions
): Promise<WebhookDelivery[]> => {
  const { object, entryId, field, value } = change;
  const body = changeBody(object, entryId, field, value);
  const secret = options.forgeSignature ? `forged-${randomInt(1e9)}` : services.config.appSecret;
  const copies = options.duplicate ? 2 : 1;
  const deliveries = Array.from(
    { length: copies },
    (): WebhookDelivery => ({
      id: `delivery-${services.store.deliveries.length + 1}-${randomInt(1e6)}`,
      // A delivery without `object` is a Page's (store.ts WebhookDelivery).
      ...(object === 'page' ? {} : { object }),
      pageId: entryId,
      field,
      body,
      signature: signatureOf(body, secret),
      attempts: 0,
      status: 0,
      delivered: false,
      time: new Date().toISOString(),
    })
  );
  for (const delivery of deliveries) keep(services, delivery);
  // Copies go one after another so a duplicate really arrives second, as Meta's redeliveries do.
  for (const delivery of deliveries) await send(services, delivery, callbackUrl);
  return deliveries;
};

/**
 * Delivers a Page field change to the configured callback (see deliverChange).
 *
 * Nothing is sent unless the app subscribed the Page to that field: "only fields with
 * subscriptions at both the page and app levels will get Webhooks"
 * (https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps). The configured
 * callback is the app-level subscription.
 */
const deliverPageChange = async (
  services: Services,
  pageId: string,
  field: string,
  value: unknown,
  options: DeliverOptions = {}
): Promise<WebhookDelivery[]> => {
  const target = services.config.webhook;
  if (!target) return [];
  if (!services.store.pages.get(pageId)?.subscribedFields.includes(field)) return [];
  return deliverChange(
    services,
    target.callbackUrl,
    { object: 'page', entryId: pageId, field, value },
    options
  );
};

/**
 * Delivers a WhatsApp Business Account change (account_update, account_alerts,
 * phone_number_name_update, ...) to the app's WABA callback, signed the same way. Nothing is sent
 * for a WABA the app has not subscribed to: "you must subscribe your app to the WABA"
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/webhooks).
 */
const deliverWabaChange = async (
  services: Services,
  wabaId: string,
  field: string,
  value: unknown,
  options: DeliverOptions = {}
): Promise<WebhookDelivery[]> => {
  const target = services.config.whatsappWebhook;
  if (!target || services.store.wabas.get(wabaId)?.subscribed !== true) return [];
  return deliverChange(
    services,
    target.callbackUrl,
    { object: 'whatsapp_business_account', entryId: wabaId, field, value },
    options
  );
};

interface VerifyResult {
  ok: boolean;
  status: number;
  challenge: string;
  body: string;
  error?: string;
}

/** Meta's subscription handshake: GET the callback with a challenge and expect it echoed. */
const verifyCallback = async (services: Services, verifyToken?: string): Promise<VerifyResult> => {
  const target = services.config.webhook;
  const challenge = String(randomInt(1e9, 2e9));
  if (!target)
    return { ok: false, status: 0, challenge, body: '', error: 'No webhook callback configured' };
  const url = new URL(target.callbackUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.verify_token', verifyToken ?? target.verifyToken);
  url.searchParams.set('hub.challenge', challenge);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
    const body = await response.text();
    return {
      ok: response.status === 200 && body.trim() === challenge,
      status: response.status,
      challenge,
      body,
    };
  } catch (error) {
    return { ok: false, status: 0, challenge, body: '', error: String(error) };
  }
};

export type { DeliverOptions, VerifyResult };
export { deliverPageChange, deliverWabaChange, signatureOf, verifyCallback };
