import { defineRoute, errors } from '../../adapters/http/contract.js';
import {
  bulkOperation,
  fleetSummary,
  grantAssets,
  grantDeletion,
  grantPage,
  linkPage,
  linkUpdated,
  linkView,
  metaLinkChange,
  unlinkResult,
  whatsappSide,
} from './responses.js';
import {
  bulkBody,
  bulkParams,
  createLinkBody,
  fleetQuery,
  grantParams,
  LINK_ETAG,
  linkParams,
  MAX_BODY_BYTES,
  metaLinkBody,
  pageQuery,
  updateLinkBody,
} from './schemas.js';

const grantsListRoute = defineRoute({
  method: 'GET',
  path: '/grants',
  access: 'tenant',
  summary: "List the tenant's grants",
  query: pageQuery,
  responses: {
    200: { description: "A page of the tenant's grants", schema: grantPage },
    ...errors(400),
  },
});

const grantAssetsRoute = defineRoute({
  method: 'GET',
  path: '/grants/{grantId}/assets',
  access: 'tenant',
  summary: 'List the Pages, WhatsApp numbers and ad accounts a grant reaches',
  params: grantParams,
  quotas: ['metaReads'],
  responses: {
    200: {
      description: 'The Pages, numbers and ad accounts the grant reaches',
      schema: grantAssets,
    },
    ...errors(400, 404, 502),
  },
});

const grantDeleteRoute = defineRoute({
  method: 'DELETE',
  path: '/grants/{grantId}',
  access: 'tenant',
  summary:
    'Delete a sign-in no link uses (409 while links use it) and revoke it on Meta; 404 once gone',
  params: grantParams,
  quotas: ['linkWrites'],
  responses: {
    200: {
      description:
        'Deleted with its sealed token; `revocation` says whether the app was revoked on Meta. A retry after success answers 404 `grant_not_found`: the grant is gone.',
      schema: grantDeletion,
    },
    ...errors(400, 404, 409, 502),
  },
});

const linkCreateRoute = defineRoute({
  method: 'POST',
  path: '/links',
  access: 'tenant',
  summary: 'Create a link',
  body: createLinkBody,
  maxBodyBytes: MAX_BODY_BYTES,
  quotas: ['linkWrites'],
  responses: {
    201: { description: 'Linked', schema: linkView },
    ...errors(400, 404, 409, 413, 415, 502),
  },
});

const linksListRoute = defineRoute({
  method: 'GET',
  path: '/links',
  access: 'tenant',
  summary: 'List links, filtered by status or pause reason, sync, drift class and Page',
  query: fleetQuery,
  responses: {
    200: {
      description:
        "A page of the tenant's links that pass every filter given, each with its last sync outcome. A page may hold fewer than `limit` links: follow `nextCursor` until it is absent.",
      schema: linkPage,
    },
    ...errors(400),
  },
});

const fleetSummaryRoute = defineRoute({
  method: 'GET',
  path: '/summary',
  access: 'tenant',
  summary: "Count the tenant's links by status, pause reason, sync and drift class",
  quotas: ['fleetScans'],
  responses: {
    200: { description: "The tenant's links, counted", schema: fleetSummary },
  },
});

const linksBulkStartRoute = defineRoute({
  method: 'POST',
  path: '/links/bulk',
  access: 'tenant',
  summary: 'Resume, or turn sync on or off for, every link of a filter; 202 with the operation',
  body: bulkBody,
  maxBodyBytes: MAX_BODY_BYTES,
  quotas: ['bulkActions'],
  responses: {
    202: {
      description: 'The operation, running; poll its Location',
      schema: bulkOperation,
      headers: { Location: 'The operation to poll: /links/bulk/{operationId}.' },
    },
    ...errors(400, 409, 413, 415),
  },
});

const linksBulkGetRoute = defineRoute({
  method: 'GET',
  path: '/links/bulk/{operationId}',
  access: 'tenant',
  summary: "A bulk action's status and progress",
  params: bulkParams,
  responses: {
    200: { description: 'The operation and its progress', schema: bulkOperation },
    ...errors(400, 404),
  },
});

const linkGetRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}',
  access: 'tenant',
  summary: 'Read a link',
  params: linkParams,
  responses: {
    200: { description: 'The link', schema: linkView, headers: LINK_ETAG },
    ...errors(400, 404),
  },
});

const linkUpdateRoute = defineRoute({
  method: 'PATCH',
  path: '/links/{linkId}',
  access: 'tenant',
  summary: "Change a link's sync settings",
  params: linkParams,
  body: updateLinkBody,
  maxBodyBytes: MAX_BODY_BYTES,
  requestHeaders: {
    'If-Match': 'The link version last read, as an ETag ("3"); or send `version` in the body.',
  },
  responses: {
    200: {
      description:
        'The link as changed; `firstSync` names the sync enqueued when sync was turned on',
      schema: linkUpdated,
      headers: LINK_ETAG,
    },
    ...errors(400, 404, 409, 413, 415),
  },
});

const linkDeleteRoute = defineRoute({
  method: 'DELETE',
  path: '/links/{linkId}',
  access: 'tenant',
  summary: 'Unlink',
  params: linkParams,
  quotas: ['linkWrites'],
  responses: {
    200: { description: 'Unlinked; what was deleted and revoked', schema: unlinkResult },
    ...errors(400, 404, 409, 502),
  },
});

const linkWhatsAppRoute = defineRoute({
  method: 'GET',
  path: '/links/{linkId}/whatsapp',
  access: 'tenant',
  summary: "The link's WhatsApp side read from Meta now: Meta's Page link, the number's health",
  params: linkParams,
  quotas: ['metaReads'],
  responses: {
    200: { description: "The link's WhatsApp side, read from Meta now", schema: whatsappSide },
    ...errors(400, 404, 502),
  },
});

const linkMetaLinkRoute = defineRoute({
  method: 'PUT',
  path: '/links/{linkId}/meta-link',
  access: 'tenant',
  summary: "Link the Page to the number on Meta's side: {} sends a code, { code } confirms",
  params: linkParams,
  body: metaLinkBody,
  maxBodyBytes: MAX_BODY_BYTES,
  quotas: ['linkWrites'],
  responses: {
    200: { description: 'A code was sent, or the Page is linked', schema: metaLinkChange },
    ...errors(400, 404, 409, 413, 415, 502),
  },
});

export {
  fleetSummaryRoute,
  grantAssetsRoute,
  grantDeleteRoute,
  grantsListRoute,
  linkCreateRoute,
  linkDeleteRoute,
  linkGetRoute,
  linkMetaLinkRoute,
  linksBulkGetRoute,
  linksBulkStartRoute,
  linksListRoute,
  linkUpdateRoute,
  linkWhatsAppRoute,
};
