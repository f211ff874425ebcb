import { formatIssues } from '../../adapters/config.js';
import { ValidationError } from '../../core/errors.js';
import { LINK_ID } from '../../core/linking/model.js';
import { RUN_ID } from '../../core/reconcile/model.js';
import * as z from '../../core/zod.js';

/** Request schemas of the reconcile API: strict (unknown fields refused), ids by their exact format. */

const linkId = z
  .string()
  .check(z.regex(LINK_ID, 'must be a link id: lnk_ followed by 32 hex digits'));
const runId = z
  .string()
  .check(z.regex(RUN_ID, 'must be a run id as returned by POST /reconcile/runs (rcn_...)'));

const runParams = z.strictObject({ runId });
const linkParams = z.strictObject({ linkId });

const historyQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
});

/** Optional: no body (or `{}`) reconciles all the tenant's links, `linkId` just that one. */
const startRunBody = z.strictObject({ linkId: z.optional(linkId) });

/** The start route accepts an empty body, which the route wrapper's JSON parsing refuses. */
const parseStartRunBody = (raw: Buffer, contentType: string | undefined) => {
  if (raw.length === 0) return {};
  if (contentType && !/^application\/([\w.+-]+\+)?json/.test(contentType)) {
    throw new ValidationError('Send the body as application/json, or send no body.');
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ValidationError('The request body is not valid JSON.', undefined, 'malformed_json');
  }
  const parsed = startRunBody.safeParse(value);
  if (!parsed.success) {
    throw new ValidationError(`Invalid body: ${formatIssues(parsed.error)}`, {
      issues: parsed.error.issues.map((issue) => ({
        path: ['body', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    });
  }
  return parsed.data;
};

export { historyQuery, linkParams, parseStartRunBody, runParams, startRunBody };
