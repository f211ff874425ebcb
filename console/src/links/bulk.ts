import { unwrap } from '../api/call.js';
import type { Api, BulkOperation } from '../api/client.js';
import type { BulkFilter } from './filters.js';

/**
 * Bulk actions over the table's filter (POST /links/bulk), and the wait for their progress
 * (GET /links/bulk/{operationId}): the API walks the filter a page at a time in the background,
 * committing counts as it goes, so the console shows them as they grow.
 */

const BULK_CHOICES = {
  resume_overwrite: {
    label: 'Resume: copy each Page over WhatsApp',
    body: { action: 'resume', overwrite: true },
  },
  resume_keep: {
    label: 'Resume: keep the WhatsApp values',
    body: { action: 'resume', overwrite: false },
  },
  enable_sync: { label: 'Turn sync on', body: { action: 'enable_sync' } },
  disable_sync: { label: 'Turn sync off', body: { action: 'disable_sync' } },
} as const;
type BulkChoice = keyof typeof BULK_CHOICES;

const POLL_MS = 1000;
const GIVE_UP_MS = 300_000;

/** Starts the action over `filter` and reports the operation until it completes (or 5 minutes pass). */
const runBulk = async (
  api: Api,
  choice: BulkChoice,
  filter: BulkFilter,
  onProgress: (operation: BulkOperation) => void
): Promise<BulkOperation> => {
  let operation = await unwrap(
    api.POST('/links/bulk', { body: { ...BULK_CHOICES[choice].body, filter } })
  );
  const deadline = Date.now() + GIVE_UP_MS;
  onProgress(operation);
  while (operation.status === 'running' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    operation = await unwrap(
      api.GET('/links/bulk/{operationId}', {
        params: { path: { operationId: operation.operationId } },
      })
    );
    onProgress(operation);
  }
  return operation;
};

/** The operation's counts in a sentence. */
const progressOf = ({ status, progress }: BulkOperation): string => {
  const done = `${progress.changed} changed, ${progress.skipped} already as asked, ${progress.failed} failed`;
  return status === 'running'
    ? `Working: ${progress.matched} links matched so far; ${done}.`
    : `Done: ${progress.matched} ${progress.matched === 1 ? 'link' : 'links'} matched; ${done}.`;
};

export type { BulkChoice };
export { BULK_CHOICES, progressOf, runBulk };
