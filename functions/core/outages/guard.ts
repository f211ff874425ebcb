import { MetaOutageError } from '../errors.js';
import {
  admit,
  afterFailure,
  afterSuccess,
  type BreakerPolicy,
  type BreakerState,
  type BreakerTransition,
  initialState,
  SURFACE_NAMES,
  SURFACES,
  type Surface,
  type SurfaceView,
  staleCallers,
  viewOf,
} from './breaker.js';

/** Where the breakers live, shared by every function (functions/adapters/dynamodb/breakers.ts). */
interface BreakerStore {
  /** The surface's state; undefined when no breaker was ever written. */
  read(surface: Surface): Promise<BreakerState | undefined>;
  /** Records `caller`'s failure at `at` (creating the breaker if need be); answers the new state. */
  recordFailure(surface: Surface, caller: string, at: Date): Promise<BreakerState>;
  /** Stores `next` if the stored version is still `expectedVersion`; false when another won. */
  replace(next: BreakerState, expectedVersion: number): Promise<boolean>;
  /** Drops these callers' failures (they left the window). */
  forget(surface: Surface, callers: readonly string[]): Promise<void>;
}

interface OutageGuardDeps {
  store: BreakerStore;
  clock: { now(): Date };
  policy: BreakerPolicy;
  /** Told of every transition this process made: logs, and the meta.outage.* events. */
  onTransition?: (transition: BreakerTransition) => void | Promise<void>;
  /**
   * How long a closed breaker's state is trusted without reading it again, in ms. A call then costs
   * no read; an outage another function saw is noticed at most this late.
   */
  cacheMs?: number;
}

/** What the Graph client asks before and tells after each call. */
interface OutageGuard {
  /**
   * Throws MetaOutageError when any of `surfaces` is open; answers the surfaces this call probes
   * (it must report their outcome).
   */
  admit(surfaces: readonly Surface[]): Promise<Surface[]>;
  /** A transient Graph failure (codes 1 and 2, 5xx, timeouts) of `caller` on `surface`. */
  failed(surface: Surface, caller: string): Promise<void>;
  /** A call on `surface` got an answer Meta meant (success or the caller's own error). */
  answered(surface: Surface, probe: boolean): Promise<void>;
  /** Every surface, as GET /status shows it. */
  status(): Promise<SurfaceView[]>;
}

/** Failures older than the window are dropped once this many pile up. */
const PRUNE_AT = 20;

const createOutageGuard = (deps: OutageGuardDeps): OutageGuard => {
  const { store, clock, policy } = deps;
  const cacheMs = deps.cacheMs ?? 2_000;
  const cache = new Map<Surface, { state: BreakerState; readAt: number }>();

  const remember = (state: BreakerState) =>
    cache.set(state.surface, { state, readAt: clock.now().getTime() });

  const current = async (surface: Surface, fresh = false): Promise<BreakerState> => {
    const cached = cache.get(surface);
    if (
      !fresh &&
      cached &&
      cached.state.status === 'closed' &&
      clock.now().getTime() - cached.readAt < cacheMs
    ) {
      return cached.state;
    }
    const state = (await store.read(surface)) ?? initialState(surface, clock.now());
    remember(state);
    return state;
  };

  const commit = async (
    previous: BreakerState,
    change: { next: BreakerState; transition: BreakerTransition }
  ): Promise<boolean> => {
    if (!(await store.replace(change.next, previous.version))) {
      cache.delete(previous.surface);
      return false;
    }
    remember(change.next);
    await deps.onTransition?.(change.transition);
    return true;
  };

  const refuse = (surface: Surface, retryAfterSeconds: number): never => {
    throw new MetaOutageError(surface, SURFACE_NAMES[surface], retryAfterSeconds);
  };

  const admitOne = async (surface: Surface): Promise<boolean> => {
    const state = await current(surface);
    const admission = admit(state, clock.now(), policy);
    if (admission.kind === 'pass') return false;
    if (admission.kind === 'refuse') return refuse(surface, admission.retryAfterSeconds);
    // Several callers may see the cool-down end at once: the conditional write picks one probe.
    if (await commit(state, admission)) return true;
    const now = await current(surface, true);
    const again = admit(now, clock.now(), policy);
    return again.kind === 'pass' ? false : refuse(surface, policy.probeTimeoutSeconds);
  };

  return {
    admit: async (surfaces) => {
      const probes: Surface[] = [];
      for (const surface of new Set(surfaces)) {
        if (await admitOne(surface)) probes.push(surface);
      }
      return probes;
    },
    failed: async (surface, caller) => {
      const state = await store.recordFailure(surface, caller, clock.now());
      const change = afterFailure(state, clock.now(), policy);
      if (change) {
        await commit(state, change);
        return;
      }
      remember(state);
      const stale = staleCallers(state, clock.now(), policy);
      if (stale.length >= PRUNE_AT) await store.forget(surface, stale);
    },
    answered: async (surface, probe) => {
      if (!probe) return;
      const state = await current(surface, true);
      const change = afterSuccess(state, clock.now());
      if (change) await commit(state, change);
    },
    status: async () => {
      const states = await Promise.all(
        SURFACES.map(async (surface) => (await store.read(surface)) ?? surface)
      );
      return states.map((state) => viewOf(state, clock.now()));
    },
  };
};

export type { BreakerStore, OutageGuard, OutageGuardDeps };
export { createOutageGuard };
