import { defineRoute, errors, RETRY_AFTER } from '../../adapters/http/contract.js';
import { liveness, metaStatus, readiness } from './responses.js';

const healthRoute = defineRoute({
  method: 'GET',
  path: '/health',
  access: 'public',
  summary: 'Liveness check',
  publicReason:
    'Liveness probe for uptime monitors and deploy checks; returns only build and API versions, no tenant data.',
  responses: { 200: { description: 'Alive', schema: liveness } },
});

const readinessRoute = defineRoute({
  method: 'GET',
  path: '/health/ready',
  access: 'public',
  summary: 'Readiness check: 503 naming any table or queue that does not answer',
  publicReason:
    'Readiness probe for monitors and deploy checks; answers only ok/down per dependency, reads nothing but a probe key no item has, and caches its answer for 5 seconds.',
  responses: {
    200: { description: 'Every table and queue answers', schema: readiness },
    503: {
      description: 'A table or queue does not answer; `checks` names it',
      schema: readiness,
      headers: RETRY_AFTER,
    },
  },
});

const metaStatusRoute = defineRoute({
  method: 'GET',
  path: '/status',
  access: 'public',
  summary:
    "Each Meta surface as Tandem sees it: its breaker's state, since when, and when calls resume",
  publicReason:
    'Outage status for status pages and clients deciding when to retry; names no tenant, reads only the breakers table, and caches its answer for 5 seconds.',
  responses: {
    200: { description: 'Each Meta surface as the breakers see it', schema: metaStatus },
    ...errors(500, 503),
  },
});

export { healthRoute, metaStatusRoute, readinessRoute };
