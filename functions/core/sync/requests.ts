import { ConflictError } from '../errors.js';
import type { SyncJob } from '../jobs.js';
import type { EventPublisher } from '../linking/events.js';
import { getLink, type UpdateLinkInput, updateLink } from '../linking/links.js';
import type { Link, SyncField } from '../linking/model.js';
import type { Clock, LinkRepository } from '../linking/ports.js';
import type { SyncJobQueue, SyncStateRepository } from './ports.js';
import type { FieldDiff } from './profile.js';
import { type SyncStatusView, toSyncStatusView } from './state.js';

/**
 * What a tenant asks of sync through the API: its status, a sync now, and an explicit resume after a
 * pause. Each loads the link in the caller's tenant first, so another tenant's link is a plain 404.
 */

interface SyncRequestDeps {
  links: Pick<LinkRepository, 'get' | 'update'>;
  state: SyncStateRepository;
  queue: SyncJobQueue;
  clock: Clock;
  /** A fresh job id (it travels as the job's correlation id). */
  newJobId(): string;
}

interface Enqueued {
  jobId: string;
  linkId: string;
  observedAt: string;
}

const pausedError = (link: Link): ConflictError => {
  const reason = link.pause?.reason;
  const how =
    reason === 'token_invalid'
      ? 'Meta no longer accepts the access Tandem was given: sign in again and re-link.'
      : `Someone edited the WhatsApp profile directly; resume with POST /links/${link.linkId}/resume and { "overwrite": true | false }.`;
  return new ConflictError(
    `Sync of link ${link.linkId} is paused (${reason ?? 'unknown'}). ${how}`,
    { linkId: link.linkId, pause: link.pause },
    'link_paused'
  );
};

const enqueue = async (
  deps: Pick<SyncRequestDeps, 'queue' | 'clock' | 'newJobId'>,
  link: Link,
  trigger: SyncJob['trigger'] = 'manual'
): Promise<Enqueued> => {
  const jobId = deps.newJobId();
  const observedAt = deps.clock.now().toISOString();
  const job: SyncJob = {
    v: 1,
    kind: 'sync',
    tenantId: link.tenantId,
    linkId: link.linkId,
    trigger,
    observedAt,
    correlationId: jobId,
  };
  await deps.queue.publish([job]);
  return { jobId, linkId: link.linkId, observedAt };
};

/** The link's sync status: settings, pause, last run, mapping notes and unsupported fields. */
const getSyncStatus = async (
  deps: Pick<SyncRequestDeps, 'links' | 'state'>,
  tenantId: string,
  linkId: string
): Promise<SyncStatusView> => {
  const link = await getLink(deps, tenantId, linkId);
  return toSyncStatusView(link, await deps.state.get(tenantId, linkId));
};

/**
 * "Sync now": enqueues a sync job for the link.
 *
 * @throws NotFoundError (also for another tenant's link); ConflictError `sync_disabled` when sync is
 * off, `link_paused` (saying why and what to do) when the link is paused.
 */
const requestSync = async (
  deps: SyncRequestDeps,
  tenantId: string,
  linkId: string
): Promise<Enqueued> => {
  const link = await getLink(deps, tenantId, linkId);
  if (!link.sync.enabled) {
    throw new ConflictError(
      `Sync is off for link ${linkId}. Turn it on first: PATCH /links/${linkId} with { "sync": { "enabled": true } }.`,
      { linkId },
      'sync_disabled'
    );
  }
  if (link.status === 'paused') throw pausedError(link);
  return enqueue(deps, link);
};

const diffsOf = (link: Link): FieldDiff[] => {
  const fields = link.pause?.details?.fields;
  return Array.isArray(fields) ? (fields as FieldDiff[]) : [];
};

/**
 * Resumes a link paused by a direct WhatsApp edit (`local_override`), then enqueues a sync.
 * - `overwrite: true`: WhatsApp's current values become the baseline, so the sync writes the Page's
 *   values over them.
 * - `overwrite: false`: the differing fields are opted out of sync (they stay as the business set
 *   them on WhatsApp); the rest carries on from the same baseline.
 *
 * 1. Load the link (404); it must be paused for `local_override` (409 otherwise; `token_invalid`
 *    needs a re-link, `whatsapp_disconnected` lifts when Meta reconnects the number).
 * 2. Adopt the baseline, then clear the pause under the link's version (409 if it changed meanwhile;
 *    repeating the resume is harmless: the baseline is the same).
 * 3. Publish `link.resumed` and enqueue a sync.
 */
const resumeSync = async (
  deps: SyncRequestDeps & { events: EventPublisher },
  tenantId: string,
  linkId: string,
  input: { overwrite: boolean; expectedVersion?: number }
): Promise<{ link: Link } & Enqueued> => {
  const link = await getLink(deps, tenantId, linkId);
  if (link.status !== 'paused' || !link.pause) {
    throw new ConflictError(
      `Link ${linkId} is not paused; nothing to resume.`,
      { linkId },
      'not_paused'
    );
  }
  if (link.pause.reason === 'token_invalid') {
    throw new ConflictError(
      `Link ${linkId} is paused because Meta no longer accepts its access. Resuming cannot fix that: sign in again (POST /links/oauth/start) and re-link the Page and number.`,
      { linkId, pause: link.pause },
      'relink_required'
    );
  }
  if (link.pause.reason === 'whatsapp_disconnected') {
    throw new ConflictError(
      `Link ${linkId} is paused because its number is off the WhatsApp Cloud API (${link.whatsapp?.connection?.fix ?? 'see whatsapp.connection on the link'}). It resumes by itself when Meta reconnects the number.`,
      { linkId, pause: link.pause },
      'whatsapp_disconnected'
    );
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== link.version) {
    throw new ConflictError(
      `Link ${linkId} is at version ${link.version}, not ${input.expectedVersion}: read it again and retry.`,
      { linkId, currentVersion: link.version },
      'version_mismatch'
    );
  }
  const diffs = diffsOf(link);
  const record = await deps.state.get(tenantId, linkId);
  if (record?.lastWritten) {
    // What WhatsApp held when the edit was noticed becomes what Tandem "last wrote".
    const fields = { ...record.lastWritten.fields };
    for (const diff of diffs) {
      (fields as Record<string, unknown>)[diff.field] = diff.actual;
    }
    await deps.state.adoptBaseline(tenantId, linkId, { ...record.lastWritten, fields });
  }
  const optedOut: Partial<Record<SyncField, boolean>> = input.overwrite
    ? {}
    : Object.fromEntries(diffs.map((diff) => [diff.field, false]));
  const { pause: _pause, ...rest } = link;
  const resumed: Link = {
    ...rest,
    status: 'active',
    sync: { ...link.sync, fields: { ...link.sync.fields, ...optedOut } },
    updatedAt: deps.clock.now().toISOString(),
    version: link.version + 1,
  };
  await deps.links.update(resumed, link.version);
  await deps.events.publish(tenantId, 'link.resumed', {
    linkId,
    overwrite: input.overwrite,
    optedOutFields: Object.keys(optedOut),
  });
  return { link: resumed, ...(await enqueue(deps, resumed)) };
};

/**
 * Changes a link's sync settings (linking's `updateLink`); when that turns sync on for an active
 * link, enqueues its first sync at once, so the profile follows the Page without waiting for a
 * webhook, a "sync now" or the next reconcile run.
 */
const updateSyncSettings = async (
  deps: SyncRequestDeps,
  tenantId: string,
  linkId: string,
  input: UpdateLinkInput
): Promise<{ link: Link; firstSync?: Enqueued }> => {
  const { link, before } = await updateLink(deps, tenantId, linkId, input);
  if (before.sync.enabled || !link.sync.enabled || link.status !== 'active') return { link };
  return { link, firstSync: await enqueue(deps, link, 'enabled') };
};

export type { Enqueued, SyncRequestDeps };
export { getSyncStatus, requestSync, resumeSync, updateSyncSettings };
