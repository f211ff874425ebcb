import { GRAPH_API_VERSION } from '../adapters/config.js';
import { httpRoute } from '../adapters/http/route.js';

const startedAt = new Date().toISOString();

/** Liveness: answers without touching any dependency, so it stays cheap for uptime monitors. */
export const handler = httpRoute({ access: 'public' }, async () => ({
  status: 200,
  json: { status: 'ok', service: 'tandem', graphApiVersion: GRAPH_API_VERSION, startedAt },
}));
