import { deletionStatusDeps } from '../../adapters/wiring/linking.js';
import { getDeletionStatus } from '../../core/linking/meta-callbacks.js';
import { deletionStatusPage } from '../html/pages.js';
import { htmlRoute } from '../html/respond.js';
import { metaDataDeletionStatusRoute } from './routes.js';

const deps = deletionStatusDeps();

/** GET /meta/data-deletion/{code} (public: the user follows Meta's link): the request's status page. */
export const handler = htmlRoute(metaDataDeletionStatusRoute, async ({ params: { code } }) => {
  return { status: 200, html: deletionStatusPage(await getDeletionStatus(deps, code)) };
});
