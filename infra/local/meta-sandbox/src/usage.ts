import { GraphError } from './graph-error.js';
import type { Settings } from './store.js';

/**
 * Meta's rate limiting as Tandem sees it: call counts per hour against a budget, reported as
 * percentages in usage headers, and the real throttling error once a budget is spent.
 */

type UseCase = 'pages' | 'whatsapp_business_management' | 'ads_management';
type LimitKind = 'app' | 'user' | 'page' | 'waba' | 'ads';

const HOUR_MS = 3_600_000;

interface Window {
  start: number;
  count: number;
}

interface BucEntry {
  type: UseCase;
  call_count: number;
  total_cputime: number;
  total_time: number;
  estimated_time_to_regain_access: number;
  ads_api_access_tier?: string;
}

const KIND_OF_USE_CASE: Record<UseCase, LimitKind> = {
  pages: 'page',
  whatsapp_business_management: 'waba',
  ads_management: 'ads',
};

const budgetOf = (settings: Settings, kind: LimitKind): number =>
  ({
    app: settings.appCallBudgetPerHour,
    user: settings.userCallBudgetPerHour,
    page: settings.pageCallBudgetPerHour,
    waba: settings.wabaCallBudgetPerHour,
    ads: settings.adsCallBudgetPerHour,
  })[kind];

/**
 * The error Meta answers when a budget of this kind is spent. Its status is the dispatcher's (Graph
 * 400, WhatsApp 429 as its spec documents) unless a fault pins one.
 */
const rateLimitError = (kind: LimitKind, status?: number): GraphError => {
  const spec: Record<LimitKind, { code: number; message: string; subcode?: number }> = {
    app: { code: 4, message: '(#4) Application request limit reached', subcode: 2446079 },
    user: { code: 17, message: '(#17) User request limit reached', subcode: 2446079 },
    page: {
      code: 32,
      message: '(#32) Page request limit reached',
    },
    waba: {
      code: 80007,
      message: 'Business request limit reached for WhatsApp Business Account',
      subcode: 2446079,
    },
    ads: {
      code: 80004,
      message: 'There have been too many calls to this ad-account. Wait a bit and try again.',
      subcode: 2446079,
    },
  };
  const { code, message, subcode } = spec[kind];
  return new GraphError(
    {
      message,
      type: 'OAuthException',
      code,
      ...(subcode ? { error_subcode: subcode } : {}),
      is_transient: true,
    },
    status === undefined ? {} : { status }
  );
};

class UsageTracker {
  private readonly windows = new Map<string, Window>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  reset(): void {
    this.windows.clear();
  }

  /** Counts one call; answers whether the budget was already spent before it. */
  count(key: string, budget: number): { percent: number; exceeded: boolean } {
    const window = this.current(key);
    window.count += 1;
    return { percent: this.percentOf(window, budget), exceeded: window.count > budget };
  }

  percent(key: string, budget: number): number {
    return this.percentOf(this.current(key), budget);
  }

  /** Minutes until the key's hourly window rolls over. */
  minutesToRegain(key: string): number {
    const window = this.current(key);
    return Math.max(1, Math.ceil((window.start + HOUR_MS - this.now()) / 60_000));
  }

  private current(key: string): Window {
    const now = this.now();
    const existing = this.windows.get(key);
    if (existing && now - existing.start < HOUR_MS) return existing;
    const fresh = { start: now, count: 0 };
    this.windows.set(key, fresh);
    return fresh;
  }

  private percentOf(window: Window, budget: number): number {
    return Math.min(100, Math.floor((window.count * 100) / Math.max(1, budget)));
  }
}

/** Meta reports CPU and wall time too; derived from the call share, they move together with it. */
const usageTriple = (percent: number) => ({
  call_count: percent,
  total_cputime: percent >= 100 ? 100 : Math.floor(percent * 0.6),
  total_time: percent >= 100 ? 100 : Math.floor(percent * 0.8),
});

export type { BucEntry, LimitKind, UseCase };
export { budgetOf, KIND_OF_USE_CASE, rateLimitError, UsageTracker, usageTriple };
