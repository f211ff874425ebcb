import * as z from '../../core/zod.js';

/**
 * Meta's rate-limit usage headers, parsed so the worker can slow down before Graph starts refusing.
 * All `*_pct`-like values are percentages of the quota (0–100; throttling starts at 100).
 * A header that is missing or malformed is ignored rather than failing the call it came with:
 * usage is advice, the response body is the answer.
 */

/** `X-App-Usage` (app-token and user-token calls). */
interface AppUsage {
  callCount: number;
  totalCputime: number;
  totalTime: number;
}

/** One entry of `X-Business-Use-Case-Usage` (Page tokens, system users, WhatsApp, Marketing). */
interface BusinessUseCaseUsage {
  businessObjectId: string;
  type: string;
  callCount: number;
  totalCputime: number;
  totalTime: number;
  /** Minutes until calls are accepted again; 0 while not throttled. */
  estimatedTimeToRegainAccessMinutes: number;
  adsApiAccessTier: string | undefined;
}

/** `X-Ad-Account-Usage` (Marketing API). */
interface AdAccountUsage {
  accIdUtilPct: number;
  /** Seconds until the ad-account window resets. */
  resetTimeDurationSeconds: number;
  adsApiAccessTier: string | undefined;
}

/** Everything the usage headers of one Graph response said. */
interface GraphUsage {
  app: AppUsage | undefined;
  businessUseCase: BusinessUseCaseUsage[];
  adAccount: AdAccountUsage | undefined;
  /** The highest percentage across every header and counter: the one closest to its limit. */
  maxUsagePercent: number;
  /**
   * Seconds to wait before calling again, when a header says so (BUC `estimated_time_to_regain_access`,
   * or an exhausted ad account's `reset_time_duration`); undefined when no header asks for a pause.
   */
  retryAfterSeconds: number | undefined;
}

const percent = z.catch(z.coerce.number().check(z.nonnegative()), 0);

const appUsageHeader = z.object({
  call_count: percent,
  total_cputime: percent,
  total_time: percent,
});

const bucEntry = z.object({
  type: z.catch(z.string(), 'unknown'),
  call_count: percent,
  total_cputime: percent,
  total_time: percent,
  estimated_time_to_regain_access: percent,
  ads_api_access_tier: z.optional(z.string()),
});

const bucHeader = z.record(z.string(), z.array(bucEntry));

const adAccountHeader = z.object({
  acc_id_util_pct: percent,
  reset_time_duration: percent,
  ads_api_access_tier: z.optional(z.string()),
});

const parseJsonHeader = <S extends z.ZodMiniType>(
  value: string | null,
  schema: S
): z.infer<S> | undefined => {
  if (!value) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const result = schema.safeParse(json);
  return result.success ? result.data : undefined;
};

/** A usage reading with nothing in it, for responses that carried no usage headers. */
const EMPTY_USAGE: GraphUsage = Object.freeze({
  app: undefined,
  businessUseCase: [],
  adAccount: undefined,
  maxUsagePercent: 0,
  retryAfterSeconds: undefined,
});

/**
 * Parses `X-App-Usage`, `X-Business-Use-Case-Usage` and `X-Ad-Account-Usage` (header names are
 * case-insensitive through `Headers`).
 *
 * @example
 * const usage = parseUsage(response.headers);
 * if (usage.maxUsagePercent > 80) await slowDown();
 */
const parseUsage = (headers: Headers): GraphUsage => {
  const appRaw = parseJsonHeader(headers.get('x-app-usage'), appUsageHeader);
  const bucRaw = parseJsonHeader(headers.get('x-business-use-case-usage'), bucHeader);
  const adRaw = parseJsonHeader(headers.get('x-ad-account-usage'), adAccountHeader);

  const app: AppUsage | undefined = appRaw && {
    callCount: appRaw.call_count,
    totalCputime: appRaw.total_cputime,
    totalTime: appRaw.total_time,
  };
  const businessUseCase: BusinessUseCaseUsage[] = Object.entries(bucRaw ?? {}).flatMap(
    ([businessObjectId, entries]) =>
      entries.map((entry) => ({
        businessObjectId,
        type: entry.type,
        callCount: entry.call_count,
        totalCputime: entry.total_cputime,
        totalTime: entry.total_time,
        estimatedTimeToRegainAccessMinutes: entry.estimated_time_to_regain_access,
        adsApiAccessTier: entry.ads_api_access_tier,
      }))
  );
  const adAccount: AdAccountUsage | undefined = adRaw && {
    accIdUtilPct: adRaw.acc_id_util_pct,
    resetTimeDurationSeconds: adRaw.reset_time_duration,
    adsApiAccessTier: adRaw.ads_api_access_tier,
  };

  const percentages = [
    ...(app ? [app.callCount, app.totalCputime, app.totalTime] : []),
    ...businessUseCase.flatMap((entry) => [entry.callCount, entry.totalCputime, entry.totalTime]),
    ...(adAccount ? [adAccount.accIdUtilPct] : []),
  ];
  const maxUsagePercent = Math.max(0, ...percentages);

  const waits = [
    ...businessUseCase.map((entry) => entry.estimatedTimeToRegainAccessMinutes * 60),
    // The ad-account window only matters once the account is exhausted.
    ...(adAccount && adAccount.accIdUtilPct >= 100 ? [adAccount.resetTimeDurationSeconds] : []),
  ].filter((seconds) => seconds > 0);
  const retryAfterSeconds = waits.length > 0 ? Math.ceil(Math.max(...waits)) : undefined;

  return { app, businessUseCase, adAccount, maxUsagePercent, retryAfterSeconds };
};

export type { AdAccountUsage, AppUsage, BusinessUseCaseUsage, GraphUsage };
export { EMPTY_USAGE, parseUsage };
