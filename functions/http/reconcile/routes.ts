import { defineRoute, errors } from '../../adapters/http/contract.js';
import { driftHistory, runStarted, runView } from './responses.js';
import { historyQuery, linkParams, runParams, startRunBody } from './schemas.js';

const reconcileRunStartRoute = defineRoute({
  method: 'POST',
  path: '/reconcile/runs',
  access: 'tenant',
  summary: "Reconcile the caller's links (or one) now; 202 with the run to poll",
  body: startRunBody,
  bodyOptional: true,
  cooldowns: ['reconcileRuns'],
  responses: {
    202: {
      description: 'The run started or joined, to poll',
      schema: runStarted,
      headers: { Location: 'The run to poll: /reconcile/runs/{runId}.' },
    },
    ...errors(400, 404, 409, 413, 415),
  },
});

const reconcileRunLatestRoute = defineRoute({
  method: 'GET',
  path: '/reconcile/runs/latest',
  access: 'tenant',
  summary: "The newest reconcile run that covered the caller's links",
  responses: {
    200: { description: "The run with the caller's counts", schema: runView },
    // No run has covered the tenant's links yet.
    ...errors(404),
  },
});

const reconcileRunGetRoute = defineRoute({
  method: 'GET',
  path: '/reconcile/runs/{runId}',
  access: 'tenant',
  summary: "A reconcile run's status and the caller's drift counts",
  params: runParams,
  responses: {
    200: { description: "The run with the caller's counts", schema: runView },
    ...errors(400, 404),
  },
});

const linkDriftRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/drift',
  access: 'tenant',
  summary: "A link's drift history, field by field, newest first",
  params: linkParams,
  query: historyQuery,
  responses: {
    200: { description: 'Drift per run, newest first', schema: driftHistory },
    ...errors(400, 404),
  },
});

export { linkDriftRoute, reconcileRunGetRoute, reconcileRunLatestRoute, reconcileRunStartRoute };
