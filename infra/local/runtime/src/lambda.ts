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

interface InvokerOptions {
  region: string;
  accountId: string;
  /**
   * Each function's own environment (env.ts `functionEnvs`). With it, `preload` imports each handler
   * with only its own variables of these set, as Lambda starts it, so a variable its needs do not
   * grant fails the start; without it, handlers are imported with the process's environment.
   */
  envs?: Record<FunctionName, Record<string, string>>;
}

/**
 * Runs `run` with exactly `env` of the variables named in `managed` set (the others unset), then
 * puts them back as they were.
 */
const withOnly = async <T>(
  env: Record<string, string>,
  managed: readonly string[],
  run: () => Promise<T>
): Promise<T> => {
  const saved = managed.map((name) => [name, process.env[name]] as const);
  for (const name of managed) delete process.env[name];
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
};

/** Handler modules read their configuration when imported: set the environment before the first call. */
const createInvoker = ({ region, accountId, envs }: InvokerOptions): Invoker => {
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
      const names = Object.keys(functions) as FunctionName[];
      if (!envs) {
        await Promise.all(names.map(load));
        return;
      }
      // One at a time: the environment is the process's, so two imports cannot overlap.
      const managed = [...new Set(Object.values(envs).flatMap((env) => Object.keys(env)))];
      for (const fn of names) {
        await withOnly(envs[fn], managed, () =>
          load(fn).catch((error: unknown) => {
            throw new Error(`${functions[fn].entry} failed to start with its needs' environment`, {
              cause: error,
            });
          })
        );
      }
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

export type { InvocationStats, Invoker, InvokerOptions };
export { createContext, createInvoker, LambdaTimeoutError, REPO_ROOT };
