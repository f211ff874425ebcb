import { defineRoute, errors } from '../../adapters/http/contract.js';
import { statsQuery } from '../../core/stats/read.js';
import { linkParams } from '../links/schemas.js';
import { linkStats, tenantStats } from './responses.js';

const linkStatsRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/stats',
  access: 'tenant',
  summary: "A link's messages sent, delivered and priced, and its ads' results, per day or month",
  params: linkParams,
  query: statsQuery,
  responses: {
    200: { description: "The link's statistics over the range", schema: linkStats },
    ...errors(400, 404),
  },
});

const tenantStatsRoute = defineRoute({
  method: 'GET',
  path: '/stats',
  access: 'tenant',
  summary: "The message statistics of all the tenant's links, summed per day or month",
  query: statsQuery,
  responses: {
    200: { description: "The tenant's statistics over the range", schema: tenantStats },
    ...errors(400),
  },
});

export { linkStatsRoute, tenantStatsRoute };
