import type { TestProject } from 'vitest/node';
import { startLocalSystem } from '../../infra/local/runtime/system.js';
import type { ProvidedSystem } from './system.js';

/**
 * Starts ONE local system for the integration (and e2e) project: ephemeral ports, a 2 s visibility
 * timeout so retries happen within a test, and no timed reconciler: tests start runs themselves with
 * `runReconcilerNow()` (the gateway's local-only `POST /_local/reconcile`, which calls
 * `scheduler.runNow()` in this process). Test workers get the system's details through `inject`.
 */
export default async function setup(project: TestProject) {
  const system = await startLocalSystem({
    visibilityTimeoutSeconds: 2,
    scheduleEverySeconds: 0,
    quiet: true,
  });
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
    await system.stop();
  };
}
