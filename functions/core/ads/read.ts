import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { openLink, openToken } from '../linking/open.js';
import * as z from '../zod.js';
import { requireScope } from './checks.js';
import {
  AD_OPERATION_ID,
  type AdOperation,
  type AdOperationView,
  DAY_MS,
  operationIdFor,
  toOperationView,
} from './operation.js';
import type { AdsDeps } from './ports.js';

/** Reading an ad operation back, and the messaging insights of the ad it created. */

/** The action Meta counts a Click-to-WhatsApp conversation start under (7-day attribution). */
const MESSAGING_CONVERSATION_STARTED = 'onsite_conversion.messaging_conversation_started_7d';

/** Meta keeps insights for 37 months; older dates answer nothing or an error. */
const MAX_MONTHS_BACK = 37;
/**
 * One quarter per call: the read is synchronous behind a 30 s HTTP API limit, and Meta advises
 * asynchronous report jobs for large ranges; longer periods are read in quarters.
 */
const MAX_SPAN_DAYS = 93;

const calendarDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
  z.refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, 'must be a real calendar date')
);

/** The `since` / `until` query of the insights route. */
const insightsQuery = z.strictObject({ since: calendarDate, until: calendarDate });
type InsightsRange = z.infer<typeof insightsQuery>;

const utcDay = (date: Date): number =>
  Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/**
 * Refuses ranges Meta would refuse or that cannot be answered in one call, each with a clear message.
 * `until` may be tomorrow in UTC: the ad account's own time zone may already be there.
 */
const checkInsightsRange = (range: InsightsRange, now: Date): void => {
  const since = Date.parse(`${range.since}T00:00:00Z`);
  const until = Date.parse(`${range.until}T00:00:00Z`);
  const today = utcDay(now);
  const earliest = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth() - MAX_MONTHS_BACK,
    now.getUTCDate()
  );
  const problem =
    since > until
      ? 'since must be on or before until'
      : until > today + DAY_MS
        ? 'until must not be in the future'
        : since < earliest
          ? `since must be within the last ${MAX_MONTHS_BACK} months (Meta keeps insights that long)`
          : (until - since) / DAY_MS + 1 > MAX_SPAN_DAYS
            ? `the range must span at most ${MAX_SPAN_DAYS} days; ask for longer periods a quarter at a time`
            : undefined;
  if (problem) {
    throw new ValidationError(
      `Invalid date range: ${problem}.`,
      { ...range },
      'invalid_date_range'
    );
  }
};

/**
 * Finds the tenant's operation on this link by its operation id or its Idempotency-Key. Anything
 * else (another tenant's, another link's) is reported as missing.
 */
const findOperation = async (
  deps: Pick<AdsDeps, 'operations'>,
  tenantId: string,
  linkId: string,
  ref: string
): Promise<AdOperation> => {
  const candidates = AD_OPERATION_ID.test(ref)
    ? [ref, operationIdFor(tenantId, ref)]
    : [operationIdFor(tenantId, ref)];
  for (const operationId of candidates) {
    const operation = await deps.operations.get(operationId);
    if (operation && operation.tenantId === tenantId && operation.linkId === linkId) {
      return operation;
    }
  }
  throw new NotFoundError(
    `There is no ad operation ${ref} on link ${linkId}.`,
    { linkId, ref },
    'ad_operation_not_found'
  );
};

/**
 * An ad operation's status and the ids it created. Unlinking deletes a link's operations; the link
 * is checked too, so one the deletion has not reached yet is never shown.
 */
const getAdOperation = async (
  deps: Pick<AdsDeps, 'operations' | 'links'>,
  tenantId: string,
  linkId: string,
  ref: string
): Promise<AdOperationView> => {
  if (!(await deps.links.get(tenantId, linkId))) {
    throw new NotFoundError(
      `There is no link ${linkId} for this tenant.`,
      { linkId },
      'link_not_found'
    );
  }
  return toOperationView(await findOperation(deps, tenantId, linkId, ref));
};

interface AdInsights {
  operationId: string;
  adId: string;
  since: string;
  until: string;
  currency: string | null;
  /** In the account currency's major unit, as Meta reports it (e.g. 12.34 USD). */
  spend: number;
  impressions: number;
  messagingConversationsStarted: number;
  /** spend / conversations, rounded to 2 decimals; null when no conversation started. */
  costPerConversation: number | null;
}

/**
 * The messaging results of the ad an operation created, for a date range.
 *
 * @throws ValidationError `invalid_date_range`; NotFoundError for an unknown operation or link;
 *   ConflictError `ad_not_created` while the operation has no ad; PermissionError without ads scopes.
 */
const getAdInsights = async (
  deps: Pick<AdsDeps, 'operations' | 'links' | 'grants' | 'vault' | 'ads' | 'clock'>,
  tenantId: string,
  linkId: string,
  ref: string,
  range: InsightsRange
): Promise<AdInsights> => {
  checkInsightsRange(range, deps.clock.now());
  const operation = await findOperation(deps, tenantId, linkId, ref);
  const adId = operation.progress.adId;
  if (operation.status !== 'completed' || adId === undefined) {
    throw new ConflictError(
      `Operation ${operation.operationId} has not created an ad (it is ${operation.status}), so it has no insights.`,
      { operationId: operation.operationId, status: operation.status },
      'ad_not_created'
    );
  }
  const { grant } = await openLink(deps, tenantId, linkId);
  requireScope(grant, ['ads_read', 'ads_management'], 'reading ad insights');
  const row = await deps.ads.getInsights(await openToken(deps, grant), adId, range);
  const conversations = row.actions[MESSAGING_CONVERSATION_STARTED] ?? 0;
  return {
    operationId: operation.operationId,
    adId,
    since: range.since,
    until: range.until,
    currency: operation.currency ?? null,
    spend: row.spend,
    impressions: row.impressions,
    messagingConversationsStarted: conversations,
    costPerConversation:
      conversations > 0 ? Math.round((row.spend / conversations) * 100) / 100 : null,
  };
};

export type { AdInsights, InsightsRange };
export {
  calendarDate,
  checkInsightsRange,
  getAdInsights,
  getAdOperation,
  insightsQuery,
  MAX_SPAN_DAYS,
  MESSAGING_CONVERSATION_STARTED,
};
