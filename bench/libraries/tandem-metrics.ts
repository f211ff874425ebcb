/** Tandem's EMF metrics: one reconciled page's figures (libraries bench). */

import { createReconcileMetrics } from '../../functions/adapters/observability/metrics.js';
import type { RunCounts } from '../../functions/core/reconcile/model.js';

const metrics = createReconcileMetrics();

export const handler = async (input: { scope: 'all' | 'tenant'; counts: RunCounts }) => {
  metrics.pageReconciled(input.scope, input.counts);
};
