import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type FunctionName, type FunctionSpec, functions } from '../../../shared/functions.js';

/**
 * Runs Tandem's functions in this process, as Lambda would: the `handler` export of the spec's entry,
 * a Lambda-like context whose remaining time honours the spec's timeout, and a timeout that fails the
 * invocation. (In-process, a timed-out handler cannot be frozen: it runs on, but its result is ignored.)
 */

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

class LambdaTimeoutError extends Error {
  constructor(fn: string, seconds: number) {
    super(`Task timed out after ${seconds.toFixed(2)} seconds (${fn})`);
    this.name = 'LambdaTimeoutError';
  }
}

const createContext = (spec: FunctionSpec, region: string, accountId: string): Context => {
  const deadline = Date.now() + spec.timeoutSeconds * 1000;
  const functionName = `tandem-local-${spec.id}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
    memoryLimitInMB: String(spec.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

/** How often a function ran and for how long in total (billed-duration estimates in benchmarks). */
interface InvocationStats {
  count: number;
  totalMs: number;
}

interface Invoker {
  /** Imports every handler module now, so a bad configuration fails the start, not the first call. */
  preload(): Promise<void>;
  invoke(fn: FunctionName, event: unknown): Promise<unknown>;
  /** Invocations so far, per function. */
  stats(): Partial<Record<FunctionName, InvocationStats>>;
}

/** Handler modules read their configuration when imported: set the environment before the first call. */
const createInvoker = ({ region, accountId }: { region: string; accountId: string }): Invoker => {
  const modules = new Map<FunctionName, Promise<LambdaHandler>>();
  const stats: Partial<Record<FunctionName, InvocationStats>> = {};
  const load = (fn: FunctionName): Promise<LambdaHandler> => {
    let loaded = modules.get(fn);
    if (!loaded) {
      const entry = pathToFileURL(resolve(REPO_ROOT, functions[fn].entry)).href;
      loaded = import(entry).then((module: { handler?: unknown }) => {
        if (typeof module.handler !== 'function') {
          throw new Error(`${functions[fn].entry} does not export a handler function`);
        }
        return module.handler as LambdaHandler;
      });
      modules.set(fn, loaded);
    }
    return loaded;
  };
  return {
    preload: async () => {
      await Promise.all((Object.keys(functions) as FunctionName[]).map(load));
    },
    invoke: async (fn, event) => {
      const spec = functions[fn];
      const handler = await load(fn);
      const context = createContext(spec, region, accountId);
      let timer: NodeJS.Timeout | undefined;
      const started = performance.now();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new LambdaTimeoutError(spec.id, spec.timeoutSeconds)),
          spec.timeoutSeconds * 1000
        );
      });
      try {
        return await Promise.race([handler(event, context), timeout]);
      } finally {
        clearTimeout(timer);
        const entry = stats[fn] ?? { count: 0, totalMs: 0 };
        entry.count += 1;
        entry.totalMs += performance.now() - started;
        stats[fn] = entry;
      }
    },
    stats: () => structuredClone(stats),
  };
};

export type { InvocationStats, Invoker };
export { createContext, createInvoker, LambdaTimeoutError, REPO_ROOT };
