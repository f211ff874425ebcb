import type { TestProject } from 'vitest/node';
import { type LocalSystem, startLocalSystem } from '../../infra/local/runtime/src/system.js';
import { createContractCheck, formatViolations, TEST_HEADER } from './contract-check.js';
import type { ProvidedSystem } from './system.js';

/**
 * Starts ONE local system for the integration and e2e projects: ephemeral ports, a 2 s visibility
 * timeout so retries happen within a test, Graph requests timing out after 5 s (so a test of a
 * timed-out write waits seconds, not tens), and no timed reconciler: tests start runs themselves with
 * `runReconcilerNow()` (the gateway's local-only `POST /_local/reconcile`, which calls
 * `scheduler.runNow()` in this process). Test workers get the system's details through `inject`.
 *
 * Vitest runs every project's global setup in its own main process, and a local system runs its
 * handlers there too, configured through process.env. A second system would overwrite the first's
 * environment and leave both talking to a mix of tables, queues and sandboxes, so the projects share
 * one (their files run one at a time: neither project allows file parallelism) and the last project
 * to finish stops it.
 *
 * Every answer the gateway gives to a route is held to that route's contract
 * (test/helpers/contract-check.ts); the last teardown fails the run, listing each violation, if a
 * handler answered a status or a body its contract does not declare.
 */
/** Above every latency a test injects for other reasons (3 s at most), far below the client's 10 s. */
const GRAPH_TIMEOUT_MS = 5_000;

interface Shared {
  system: Promise<LocalSystem>;
  users: number;
  contracts: ReturnType<typeof createContractCheck>;
}

const KEY = Symbol.for('tandem.test.localSystem');
const registry = globalThis as { [KEY]?: Shared };

export default async function setup(project: TestProject) {
  if (!registry[KEY]) {
    const contracts = createContractCheck();
    registry[KEY] = {
      system: startLocalSystem({
        visibilityTimeoutSeconds: 2,
        scheduleEverySeconds: 0,
        graphTimeoutMs: GRAPH_TIMEOUT_MS,
        quiet: true,
        onAnswer: ({ route, url, requestHeaders, ...answer }) => {
          const test = requestHeaders[TEST_HEADER];
          const named = Array.isArray(test) ? test[0] : test;
          contracts.record(route, answer, {
            url,
            test: named === undefined ? undefined : decodeURIComponent(named),
          });
        },
      }),
      users: 0,
      contracts,
    };
  }
  const shared = registry[KEY];
  shared.users += 1;
  const system = await shared.system;
  const provided: ProvidedSystem = {
    urls: system.urls,
    env: system.env,
    tables: system.tables,
    queues: system.queues,
    region: system.region,
    tokenSigner: system.tokenSigner,
  };
  project.provide('system', provided);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[KEY];
    await system.stop();
    const violations = shared.contracts.violations();
    if (violations.length > 0) {
      throw new Error(
        `${violations.length} kinds of answer (of ${shared.contracts.checked()} checked) break their route's contract (functions/http/<area>/routes.ts): fix the contract or the handler.\n${formatViolations(violations)}`
      );
    }
  };
}
