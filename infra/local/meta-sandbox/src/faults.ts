import * as z from 'zod';
import { GraphError, isTransientCode } from './graph-error.js';
import type { LimitKind } from './usage.js';

/**
 * Injected failures for tests: match Graph calls by method and path regex, then add latency, answer a
 * Graph error, force a rate limit, drop the connection, apply the call and lose its answer, or run
 * past Meta's own wait, for `times` calls or until cleared.
 */

const faultInput = z.object({
  match: z
    .object({
      method: z.string().optional(),
      /** A regular expression tested against the path with and without its version prefix. */
      path: z.string().optional(),
    })
    .default({}),
  times: z.number().int().positive().optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  error: z
    .object({
      status: z.number().int().min(400).max(599),
      code: z.number().int(),
      subcode: z.number().int().optional(),
      type: z.string().optional(),
      message: z.string().optional(),
      isTransient: z.boolean().optional(),
      userTitle: z.string().optional(),
      userMessage: z.string().optional(),
    })
    .optional(),
  rateLimit: z
    .object({
      kind: z.enum(['app', 'page', 'waba', 'ads', 'user']),
      status: z.number().int().optional(),
    })
    .optional(),
  dropConnection: z.literal(true).optional(),
  /**
   * Apply the call, then cut the connection instead of answering: with `latencyMs` above the
   * client's timeout, a write that lands after the client gave up on it (Meta keeps processing a
   * request whose caller has gone).
   */
  loseAnswer: z.literal(true).optional(),
  /**
   * The call runs longer than Meta waits: a batch answers null for such an item, as Meta documents
   * (https://developers.facebook.com/docs/graph-api/batch-requests); a lone call loses its connection.
   */
  timeOut: z.literal(true).optional(),
});

type FaultInput = z.infer<typeof faultInput>;

interface Fault extends FaultInput {
  id: string;
  pathPattern?: RegExp;
  hits: number;
}

/** What a matching fault asks the dispatcher to do for one call. */
interface FaultEffect {
  latencyMs: number;
  error?: GraphError;
  rateLimit?: { kind: LimitKind; status?: number };
  dropConnection: boolean;
  loseAnswer: boolean;
  timeOut: boolean;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  1: 'An unknown error occurred',
  2: 'An unexpected error has occurred. Please retry your request later.',
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  100: '(#100) Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  200: '(#200) Permissions error',
};

const errorFromFault = (spec: NonNullable<FaultInput['error']>): GraphError => {
  const transient = spec.isTransient ?? isTransientCode(spec.code);
  return new GraphError(
    {
      message: spec.message ?? DEFAULT_MESSAGES[spec.code] ?? 'An unknown error occurred',
      type: spec.type ?? 'OAuthException',
      code: spec.code,
      ...(spec.subcode !== undefined ? { error_subcode: spec.subcode } : {}),
      ...(spec.userTitle ? { error_user_title: spec.userTitle } : {}),
      ...(spec.userMessage ? { error_user_msg: spec.userMessage } : {}),
      ...(transient ? { is_transient: true } : {}),
    },
    { status: spec.status }
  );
};

class FaultBook {
  private faults: Fault[] = [];
  private nextId = 0;

  add(input: FaultInput): Fault {
    this.nextId += 1;
    const fault: Fault = {
      ...input,
      id: `fault-${this.nextId}`,
      hits: 0,
      ...(input.match.path ? { pathPattern: new RegExp(input.match.path) } : {}),
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Omit<Fault, 'pathPattern'>[] {
    return this.faults.map(({ pathPattern: _pattern, ...rest }) => rest);
  }

  /** Consumes one use of every fault matching this call and merges what they ask for. */
  take(method: string, fullPath: string, path: string): FaultEffect | undefined {
    const matching = this.faults.filter((fault) => this.matches(fault, method, fullPath, path));
    if (matching.length === 0) return undefined;
    const effect: FaultEffect = {
      latencyMs: 0,
      dropConnection: false,
      loseAnswer: false,
      timeOut: false,
    };
    for (const fault of matching) {
      fault.hits += 1;
      effect.latencyMs += fault.latencyMs ?? 0;
      if (fault.error && !effect.error) effect.error = errorFromFault(fault.error);
      if (fault.rateLimit && !effect.rateLimit) effect.rateLimit = fault.rateLimit;
      if (fault.dropConnection) effect.dropConnection = true;
      if (fault.loseAnswer) effect.loseAnswer = true;
      if (fault.timeOut) effect.timeOut = true;
    }
    this.faults = this.faults.filter(
      (fault) => fault.times === undefined || fault.hits < fault.times
    );
    return effect;
  }

  private matches(fault: Fault, method: string, fullPath: string, path: string): boolean {
    if (fault.match.method && fault.match.method.toUpperCase() !== method) return false;
    if (!fault.pathPattern) return true;
    return fault.pathPattern.test(path) || fault.pathPattern.test(fullPath);
  }
}

export type { Fault, FaultEffect, FaultInput };
export { FaultBook, faultInput };
