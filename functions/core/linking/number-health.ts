import { createHash } from 'node:crypto';
import {
  HEALTH_STATUSES,
  type HealthProblem,
  type HealthStatus,
  type NumberHealth,
} from './whatsapp-side.js';

/**
 * The number's messaging health: `GET /{phone-number-id}?fields=health_status` answers an overall
 * `can_send_message` and the same for each node a message goes through (number, WABA, business,
 * app), with `errors` on BLOCKED nodes and `additional_info` on LIMITED ones
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status).
 * Read once a day per link (a reconcile run reads the links of its slot of the day) and on demand.
 */

/** One node as Graph answered it, names already Tandem's. */
interface HealthEntityRead {
  entityType: string;
  entityId: string;
  canSendMessage: string;
  errors: { code?: string; description?: string; solution?: string }[];
  additionalInfo: string[];
}

interface HealthRead {
  canSendMessage: string;
  entities: HealthEntityRead[];
}

/**
 * A value Meta may add later reads as LIMITED: neither claims the number is fine nor that it is
 * blocked, and shows Meta's words.
 */
const statusOf = (raw: string): HealthStatus =>
  (HEALTH_STATUSES as readonly string[]).includes(raw) ? (raw as HealthStatus) : 'LIMITED';

/** The health to store from a read; `since` carries over while the status and problems are the same. */
const toNumberHealth = (read: HealthRead, now: Date, previous?: NumberHealth): NumberHealth => {
  const problems: HealthProblem[] = read.entities
    .filter((entity) => statusOf(entity.canSendMessage) !== 'AVAILABLE')
    .map((entity) => ({
      entityType: entity.entityType,
      entityId: entity.entityId,
      canSendMessage: statusOf(entity.canSendMessage),
      errors: entity.errors,
      additionalInfo: entity.additionalInfo,
    }));
  const canSendMessage = statusOf(read.canSendMessage);
  const next = { canSendMessage, problems };
  const unchanged =
    previous !== undefined &&
    previous.canSendMessage === canSendMessage &&
    JSON.stringify(previous.problems) === JSON.stringify(problems);
  return { ...next, since: unchanged ? previous.since : now.toISOString() };
};

const healthChanged = (previous: NumberHealth | undefined, next: NumberHealth): boolean =>
  previous === undefined || previous.since !== next.since;

/** Meta's own words for why the number is not AVAILABLE (what is wrong, then what to do). */
const healthReason = (health: NumberHealth): string | undefined => {
  if (health.canSendMessage === 'AVAILABLE') return undefined;
  const lines = health.problems.flatMap((problem) => {
    const where = `${problem.entityType} ${problem.entityId}`;
    if (problem.errors.length > 0) {
      return problem.errors.map(
        (error) =>
          `${where}: ${[error.description, error.solution].filter(Boolean).join(' ') || `error ${error.code ?? 'without a description'}`}`
      );
    }
    return problem.additionalInfo.length > 0
      ? [`${where}: ${problem.additionalInfo.join(' ')}`]
      : [`${where} is ${problem.canSendMessage}.`];
  });
  return lines.length > 0
    ? lines.join(' ')
    : `Meta reports the number as ${health.canSendMessage} without saying why.`;
};

/** Which of a day's `count` check slots a link belongs to: a stable hash of its id. */
const dailySlotOf = (linkId: string, count: number): number =>
  createHash('sha256').update(linkId).digest().readUInt32BE(4) % count;

/** The slot of the day a run started at `at` covers, for `count` slots a day (one per run). */
const dailySlotAt = (at: Date, count: number): number =>
  Math.floor(((at.getUTCHours() * 60 + at.getUTCMinutes()) * count) / 1440) % count;

/**
 * Whether a link's daily checks (its number's health) belong in this run: always in an on-demand
 * run (`slot` undefined) and for a link never checked; otherwise in the run whose slot is the link's,
 * so a day's runs share the checks evenly whenever the links were created.
 */
const dailyCheckDue = (
  link: { linkId: string; whatsapp?: { health?: NumberHealth } },
  slot: { index: number; count: number } | undefined
): boolean =>
  slot === undefined ||
  link.whatsapp?.health === undefined ||
  dailySlotOf(link.linkId, slot.count) === slot.index;

export type { HealthEntityRead, HealthRead };
export { dailyCheckDue, dailySlotAt, dailySlotOf, healthChanged, healthReason, toNumberHealth };
