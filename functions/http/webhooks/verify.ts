import { httpRoute } from '../../adapters/http/route.js';
import { webhookVerifyToken } from '../../adapters/meta/webhook-verify-token.js';
import { answerChallenge } from '../../core/sync/webhook.js';
import { webhookVerifyRoute } from './routes.js';

const verifyToken = webhookVerifyToken();

/**
 * GET /webhooks/meta (public: Meta's subscription handshake): echoes hub.challenge when
 * hub.verify_token matches (compared in constant time); 401 otherwise.
 */
export const handler = httpRoute(webhookVerifyRoute, async ({ query }) => ({
  status: 200,
  text: answerChallenge(query, await verifyToken()),
}));
