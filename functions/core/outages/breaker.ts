import type { EventBroadcastJob } from '../jobs.js';

/**
 * A circuit breaker per Meta surface, as a pure state machine: the DynamoDB adapter stores its state
 * so every worker and API function shares one view, and the Graph client asks it before each call.
 *
 * closed    -> calls pass; a transient Graph failure (codes 1 and 2, HTTP 5xx, timeouts) records its
 *              caller (the tenant). When `minCallers` distinct callers failed within `windowSeconds`
 *              it opens: many tenants failing together is Meta's outage, one tenant failing is not.
 * open      -> calls are refused with `retryAfterSeconds` until `retryAt`; then the first caller to
 *              claim it becomes the probe and the breaker is half-open.
 * half_open -> only the probe is in flight; its success closes the breaker, its transient failure
 *              opens it again for twice as long (up to `maxCoolDownSeconds`). A probe that never
 *              reports (its Lambda died) is given up at `retryAt`, and another caller may probe.
 *
 * docs/outages.md gives the thresholds and why.
 */

const SURFACES = ['pages', 'whatsapp', 'marketing', 'login'] as const;
type Surface = (typeof SURFACES)[number];

/** Display names, for messages a caller reads. */
const SURFACE_NAMES: Record<Surface, string> = {
  pages: 'Facebook Pages',
  whatsapp: 'WhatsApp Cloud API',
  marketing: 'Marketing API',
  login: 'Facebook Login',
};

interface BreakerPolicy {
  /** How far back failures count towards opening. */
  windowSeconds: number;
  /** Distinct callers (tenants) that must fail within the window to open the breaker. */
  minCallers: number;
  /** How long the first opening lasts before a probe may go. */
  coolDownSeconds: number;
  /** The longest an opening lasts, however many probes failed in a row. */
  maxCoolDownSeconds: number;
  /** How long a probe may stay unanswered before another caller may probe. */
  probeTimeoutSeconds: number;
}

/** The production thresholds; docs/outages.md says why these. */
const DEFAULT_POLICY: BreakerPolicy = {
  windowSeconds: 60,
  minCallers: 5,
  coolDownSeconds: 30,
  maxCoolDownSeconds: 300,
  probeTimeoutSeconds: 45,
};

type BreakerStatus = 'closed' | 'open' | 'half_open';

interface BreakerState {
  surface: Surface;
  status: BreakerStatus;
  /** When the breaker entered `status` (ISO 8601). */
  since: string;
  /** open: when a probe may go; half_open: when an unanswered probe is given up. */
  retryAt?: string | undefined;
  /** Openings since it last closed: each failed probe doubles the next cool-down. */
  openings: number;
  /** closed: each caller's latest transient failure (ISO 8601); emptied on every transition. */
  failures: Readonly<Record<string, string>>;
  /** Bumped on every transition; the store writes transitions conditionally on it. */
  version: number;
}

/** A change of status, for logs and the meta.outage.started / ended events. */
interface BreakerTransition {
  surface: Surface;
  from: BreakerStatus;
  to: BreakerStatus;
  at: string;
  /** open: when a probe may go. */
  retryAt?: string | undefined;
  /** Distinct callers whose failures opened it (closed -> open only). */
  callers?: number;
}

/** What the breaker says to one call. */
type Admission =
  | { kind: 'pass' }
  /** The call may go as the half-open probe once `next` is stored. */
  | { kind: 'probe'; next: BreakerState; transition: BreakerTransition }
  | { kind: 'refuse'; retryAfterSeconds: number };

const iso = (ms: number): string => new Date(ms).toISOString();

const initialState = (surface: Surface, now: Date): BreakerState => ({
  surface,
  status: 'closed',
  since: now.toISOString(),
  openings: 0,
  failures: {},
  version: 0,
});

/** Whole seconds from `now` to `at`, at least 1: what Retry-After and queue delays carry. */
const secondsUntil = (at: string | undefined, now: Date): number =>
  Math.max(1, Math.ceil(((at ? Date.parse(at) : now.getTime()) - now.getTime()) / 1000));

const coolDownOf = (openings: number, policy: BreakerPolicy): number =>
  Math.min(policy.maxCoolDownSeconds, policy.coolDownSeconds * 2 ** Math.max(0, openings - 1));

const transition = (
  state: BreakerState,
  to: BreakerStatus,
  now: Date,
  changes: Partial<BreakerState> = {}
): { next: BreakerState; transition: BreakerTransition } => {
  const next: BreakerState = {
    ...state,
    status: to,
    since: now.toISOString(),
    retryAt: undefined,
    failures: {},
    version: state.version + 1,
    ...changes,
  };
  return {
    next,
    transition: {
      surface: state.surface,
      from: state.status,
      to,
      at: next.since,
      ...(next.retryAt ? { retryAt: next.retryAt } : {}),
    },
  };
};

/** Whether a call may go now. */
const admit = (state: BreakerState, now: Date, policy: BreakerPolicy): Admission => {
  if (state.status === 'closed') return { kind: 'pass' };
  if (state.retryAt !== undefined && Date.parse(state.retryAt) > now.getTime()) {
    return { kind: 'refuse', retryAfterSeconds: secondsUntil(state.retryAt, now) };
  }
  // The cool-down is over, or the last probe went unanswered: this caller probes.
  const probing = transition(state, 'half_open', now, {
    retryAt: iso(now.getTime() + policy.probeTimeoutSeconds * 1000),
  });
  return { kind: 'probe', ...probing };
};

/** Callers whose latest failure is within the window. */
const recentCallers = (
  failures: Readonly<Record<string, string>>,
  now: Date,
  policy: BreakerPolicy
): string[] => {
  const from = now.getTime() - policy.windowSeconds * 1000;
  return Object.entries(failures)
    .filter(([, at]) => Date.parse(at) >= from)
    .map(([caller]) => caller);
};

/**
 * After a transient failure of `caller` (already included in `state.failures` by the store): the
 * state to store when it must change, else undefined. A failed probe reopens for longer.
 */
const afterFailure = (
  state: BreakerState,
  now: Date,
  policy: BreakerPolicy
): { next: BreakerState; transition: BreakerTransition } | undefined => {
  if (state.status === 'half_open') {
    const openings = state.openings + 1;
    return transition(state, 'open', now, {
      openings,
      retryAt: iso(now.getTime() + coolDownOf(openings, policy) * 1000),
    });
  }
  if (state.status !== 'closed') return undefined;
  const callers = recentCallers(state.failures, now, policy);
  if (callers.length < policy.minCallers) return undefined;
  const opened = transition(state, 'open', now, {
    openings: 1,
    retryAt: iso(now.getTime() + coolDownOf(1, policy) * 1000),
  });
  return { next: opened.next, transition: { ...opened.transition, callers: callers.length } };
};

/** After a call on the surface succeeded: a half-open breaker closes; otherwise nothing changes. */
const afterSuccess = (
  state: BreakerState,
  now: Date
): { next: BreakerState; transition: BreakerTransition } | undefined =>
  state.status === 'half_open' ? transition(state, 'closed', now, { openings: 0 }) : undefined;

/**
 * Failures older than the window, which a closed breaker's store may drop: they no longer count, and
 * the item would otherwise grow with every tenant that ever failed.
 */
const staleCallers = (state: BreakerState, now: Date, policy: BreakerPolicy): string[] => {
  const recent = new Set(recentCallers(state.failures, now, policy));
  return Object.keys(state.failures).filter((caller) => !recent.has(caller));
};

/** The surface as `GET /status` shows it. */
interface SurfaceView {
  surface: Surface;
  name: string;
  status: BreakerStatus;
  /** When it entered `status`; null for a surface that never failed. */
  since: string | null;
  /** While not closed: seconds until calls are tried again. */
  retryAfterSeconds?: number;
}

const viewOf = (state: BreakerState | Surface, now: Date): SurfaceView => {
  if (typeof state === 'string') {
    return { surface: state, name: SURFACE_NAMES[state], status: 'closed', since: null };
  }
  return {
    surface: state.surface,
    name: SURFACE_NAMES[state.surface],
    status: state.status,
    since: state.since,
    ...(state.status === 'closed' ? {} : { retryAfterSeconds: secondsUntil(state.retryAt, now) }),
  };
};

export type {
  Admission,
  BreakerPolicy,
  BreakerState,
  BreakerStatus,
  BreakerTransition,
  Surface,
  SurfaceView,
};
export {
  admit,
  afterFailure,
  afterSuccess,
  coolDownOf,
  DEFAULT_POLICY,
  initialState,
  recentCallers,
  SURFACE_NAMES,
  SURFACES,
  staleCallers,
  viewOf,
};

/**
 * The client event a transition announces: an outage starts when a closed breaker opens and ends when
 * a probe closes it; a failed probe (half-open -> open) is the same outage going on.
 */
const outageEventOf = (
  transition: BreakerTransition
): 'meta.outage.started' | 'meta.outage.ended' | undefined => {
  if (transition.from === 'closed' && transition.to === 'open') return 'meta.outage.started';
  if (transition.to === 'closed') return 'meta.outage.ended';
  return undefined;
};

/**
 * The broadcast job that tells every subscribed tenant of a transition that starts or ends an
 * outage (core/events/delivery.ts `broadcast`); none for a transition inside one.
 */
const outageBroadcastOf = (transition: BreakerTransition): EventBroadcastJob | undefined => {
  const type = outageEventOf(transition);
  if (!type) return undefined;
  return {
    v: 1,
    kind: 'event-broadcast',
    type,
    data:
      type === 'meta.outage.started'
        ? {
            surface: transition.surface,
            since: transition.at,
            ...(transition.retryAt ? { retryAt: transition.retryAt } : {}),
          }
        : { surface: transition.surface, endedAt: transition.at },
    broadcastId: `${type}#${transition.surface}#${transition.at}`,
  };
};

export { outageBroadcastOf, outageEventOf };
