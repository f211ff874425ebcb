/**
 * Doing many I/O calls in bounded batches: split a list to a service's batch limit, and run calls
 * with a bounded number in flight.
 */

/** `items` in consecutive slices of at most `size`. */
const chunksOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, index * size + size)
  );

/**
 * Maps `items` through `fn` with at most `limit` calls in flight, answering results in input order.
 * After the first failure no new call starts; the calls in flight are awaited (none is abandoned to
 * run on after the caller has answered, which in Lambda means frozen half-way), then that failure is
 * thrown.
 *
 * @example
 * const links = await mapConcurrently(pageIds, 16, (pageId) => pages.linksOfPage(pageId));
 */
const mapConcurrently = async <T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await fn(items[index] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failure) throw failure.error;
  return results;
};

export { chunksOf, mapConcurrently };
