import { defineRoute, errors } from '../../adapters/http/contract.js';
import { LINK_ETAG, linkParams } from '../links/schemas.js';
import { enqueued, profileComparison, resumed, syncStatus } from './responses.js';
import { MAX_BODY_BYTES, resumeBody } from './schemas.js';

const syncRequestRoute = defineRoute({
  method: 'POST',
  path: '/links/{linkId}/sync',
  access: 'tenant',
  summary: 'Sync now: enqueue a sync of the link (202 with the job id)',
  params: linkParams,
  maxBodyBytes: 1024,
  quotas: ['syncRequests', 'linkSyncRequests'],
  responses: {
    202: { description: 'The sync job is on the queue', schema: enqueued },
    ...errors(400, 404, 409, 413),
  },
});

const syncResumeRoute = defineRoute({
  method: 'POST',
  path: '/links/{linkId}/resume',
  access: 'tenant',
  summary: 'Resume a link paused by a direct WhatsApp edit ({ overwrite })',
  params: linkParams,
  body: resumeBody,
  maxBodyBytes: MAX_BODY_BYTES,
  requestHeaders: { 'If-Match': 'Optional: the link version last read, as an ETag ("3").' },
  quotas: ['syncRequests', 'linkSyncRequests'],
  responses: {
    202: {
      description: 'Resumed; the sync job is on the queue',
      schema: resumed,
      headers: LINK_ETAG,
    },
    ...errors(400, 404, 409, 413, 415),
  },
});

const syncStatusRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/sync',
  access: 'tenant',
  summary: "A link's sync status: last run, outcome, notes, pause reason",
  params: linkParams,
  responses: {
    200: { description: "The link's sync status", schema: syncStatus },
    ...errors(400, 404),
  },
});

const linkProfilesRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/profiles',
  access: 'tenant',
  summary: "The link's Page and WhatsApp profile now, side by side, with the differences",
  params: linkParams,
  quotas: ['metaReads'],
  responses: {
    200: {
      description: 'The Page and the WhatsApp profile now, field by field',
      schema: profileComparison,
    },
    ...errors(400, 404, 502),
  },
});

export { linkProfilesRoute, syncRequestRoute, syncResumeRoute, syncStatusRoute };
