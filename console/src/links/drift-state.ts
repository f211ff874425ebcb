import type { DriftState } from './filters.js';

interface RunLike {
  scope: 'all' | 'tenant';
  linkId?: string;
  status: 'running' | 'completed' | 'failed';
  startedAt: string;
  drifted: { linkId: string; class: string }[];
}

/**
 * A link's drift as the latest check saw it. A run lists only the links that were not in step, so
 * a link it does not list was in step, if the run covered it: it finished, started after the link
 * existed, and was not a scheduled run (those cover active links only) over a paused link.
 */
const driftStateOf = (
  link: { linkId: string; createdAt: string; status: 'active' | 'paused' },
  run: RunLike | undefined
): DriftState => {
  if (!run) return 'unchecked';
  const listed = run.drifted.find((entry) => entry.linkId === link.linkId);
  if (listed) return listed.class;
  const covered =
    run.status === 'completed' &&
    Date.parse(run.startedAt) >= Date.parse(link.createdAt) &&
    (run.linkId === undefined || run.linkId === link.linkId) &&
    !(run.scope === 'all' && link.status === 'paused');
  return covered ? 'in_sync' : 'unchecked';
};

export { driftStateOf };
