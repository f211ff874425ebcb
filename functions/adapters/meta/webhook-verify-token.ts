import { createHmac } from 'node:crypto';
import * as z from '../../core/zod.js';
import { metaAppSecret } from '../aws/meta-secret.js';
import { loadConfig } from '../config.js';

/**
 * The token Meta sends back in the webhook subscription handshake (entered in the App Dashboard).
 * META_WEBHOOK_VERIFY_TOKEN when set (the embedded default sets it); otherwise derived from the app
 * secret, so a deployment has no second secret to keep: HMAC-SHA256(app secret,
 * "tandem:webhook-verify-token") in hex (docs/sync.md shows how to compute it for the dashboard).
 *
 * Apart from the shared wiring, whose DynamoDB and SQS clients the handshake function does not need
 * and would otherwise carry in its bundle.
 */
const webhookVerifyToken = (): (() => Promise<string>) => {
  const config = loadConfig(
    z.object({
      META_WEBHOOK_VERIFY_TOKEN: z.optional(
        z
          .string()
          .check(z.minLength(16, 'META_WEBHOOK_VERIFY_TOKEN must be at least 16 characters'))
      ),
    })
  );
  const configured = config.META_WEBHOOK_VERIFY_TOKEN;
  if (configured) return async () => configured;
  const appSecret = metaAppSecret();
  return async () =>
    createHmac('sha256', await appSecret())
      .update('tandem:webhook-verify-token')
      .digest('hex');
};

export { webhookVerifyToken };
