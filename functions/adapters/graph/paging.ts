import type * as z from '../../core/zod.js';
import type { GraphHttp, GraphRequest, GraphResult } from './http.js';
import { listOf } from './schemas.js';
import { EMPTY_USAGE } from './usage.js';

/** Upper bound on pages followed, so a looping cursor or a huge account cannot run a Lambda out. */
const DEFAULT_MAX_PAGES = 20;

/**
 * Follows a cursor-paged Graph list and returns every item, up to `maxPages` pages. It follows
 * `paging.cursors.after` rather than `paging.next`, because Meta's `next` URLs embed the access
 * token and we never put tokens in URLs.
 */
const collectPages = async <S extends z.ZodMiniType>(
  http: GraphHttp,
  request: GraphRequest,
  item: S,
  maxPages = DEFAULT_MAX_PAGES
): Promise<GraphResult<z.output<S>[]> & { truncated: boolean }> => {
  const schema = listOf(item);
  const items: z.output<S>[] = [];
  let usage = EMPTY_USAGE;
  let after: string | undefined;
  for (let page = 1; page <= maxPages; page += 1) {
    const result = await http.request(
      { ...request, query: { ...request.query, ...(after ? { after } : {}) } },
      schema
    );
    items.push(...result.data.data);
    // The latest reading is the one that reflects every call made so far.
    usage = result.usage;
    after = result.data.paging?.next ? result.data.paging.cursors?.after : undefined;
    if (!after) return { data: items, usage, truncated: false };
  }
  return { data: items, usage, truncated: true };
};

export { collectPages, DEFAULT_MAX_PAGES };
