/**
 * Readiness: whether Tandem's own dependencies answer, each checked once, in parallel, within a
 * deadline. Liveness (GET /health) touches nothing; readiness (GET /health/ready) says which
 * dependency is down, so a deploy check or a load balancer can tell "up" from "able to work".
 */

type Check = (signal: AbortSignal) => Promise<void>;

interface Readiness {
  status: 'ready' | 'unavailable';
  /** Per dependency: `ok`, or `down` (never why: the answer is public). */
  checks: Record<string, 'ok' | 'down'>;
}

/**
 * Runs every check with one deadline; a check that throws or outlasts it is `down`.
 *
 * @example
 * const { status } = await checkReadiness({ links: probe(linksTable) }, 2000);
 */
const checkReadiness = async (
  checks: Record<string, Check>,
  timeoutMs: number
): Promise<Readiness> => {
  const signal = AbortSignal.timeout(timeoutMs);
  const deadline = new Promise<'down'>((resolve) =>
    signal.addEventListener('abort', () => resolve('down'), { once: true })
  );
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const outcome = await Promise.race([
        check(signal).then(
          () => 'ok' as const,
          () => 'down' as const
        ),
        deadline,
      ]);
      return [name, outcome] as const;
    })
  );
  const byName = Object.fromEntries(results);
  return {
    status: results.every(([, outcome]) => outcome === 'ok') ? 'ready' : 'unavailable',
    checks: byName,
  };
};

export type { Check, Readiness };
export { checkReadiness };
