import { z } from 'zod';
import { httpRoute } from '../../adapters/http/route.js';
import { getDeletionStatus } from '../../core/linking/meta-callbacks.js';
import { deletionStatusPage } from '../html/pages.js';
import { htmlError } from '../html/respond.js';
import { deletionRepository } from '../links/wiring.js';

const deps = { deletions: deletionRepository() };

/** Any string up to 64 characters reaches the use case, which answers 404 for anything unknown. */
const params = z.strictObject({ code: z.string().max(64) });

/** GET /meta/data-deletion/{code} (public: the user follows Meta's link): the request's status page. */
export const handler = httpRoute(
  { access: 'public', params },
  async ({ params: { code }, requestId, log }) => {
    try {
      return { status: 200, html: deletionStatusPage(await getDeletionStatus(deps, code)) };
    } catch (error) {
      return htmlError(error, requestId, log);
    }
  }
);
