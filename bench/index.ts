/**
 * `npm run bench`: runs the benchmarks and prints their figures. Benchmarks are measurements, not
 * tests: they never fail on a slow machine, they report. Pick one with `npm run bench -- footprint`.
 */
import { measureConsole } from './console.js';
import { measureFootprint } from './lambda-footprint.js';
import { measureLibraries } from './libraries.js';
import { measureReconcile } from './reconcile.js';
import { measureSync } from './sync.js';
import { measureWebhook } from './webhook.js';

const benches: Record<string, () => Promise<void>> = {
  console: async () => {
    const results = await measureConsole();
    console.log(`\nConsole bundle (Vite production build in ${results.buildMs} ms)`);
    console.table(results.files);
    console.log('JavaScript by part (rendered into the chunks, before minification)');
    console.table(results.javascriptParts);
  },
  sync: async () => console.table([await measureSync()]),
  webhook: async () => {
    const results = await measureWebhook();
    console.log(
      `\nWebhook receiver: ${results.deliveries} signed deliveries of ${results.entriesPerDelivery} Page entries each (Lambda timeout ${results.timeoutSeconds} s)`
    );
    console.table({
      'ack p50 ms': results.ackP50Ms,
      'ack max ms': results.ackMaxMs,
      statuses: results.statuses.join(' '),
      'jobs per delivery': results.jobsPerDelivery.join(' '),
      'all-duplicate redelivery ms': results.redeliveryMs,
      'duplicates found': results.redeliveryDuplicates,
      'jobs on the queue': results.jobsOnQueue,
    });
  },
  footprint: async () => {
    const rows = await measureFootprint();
    console.log(
      '\nLambda footprint (bundle without source map; cold init = median module import, Node 24)'
    );
    console.table(rows);
    const worst = Math.max(...rows.map((row) => Math.max(row.sizeRatio, row.initRatio)));
    console.log(`worst ratio to floor: ${worst} (target <= 1.2)`);
  },
  libraries: async () => {
    const results = await measureLibraries();
    console.log(
      `\nBuild versus library (bundle without source map; cold init = median import of ${results.initRuns}, Node ${results.node}; floor ${results.floor.bundleKiB} KiB, ${results.floor.initMs} ms)`
    );
    console.table(
      results.comparisons.flatMap(({ id, alternatives }) =>
        alternatives.map((alternative) => ({
          job: id,
          alternative: alternative.name,
          KiB: alternative.bundleKiB,
          'init ms': alternative.initMs,
          'ms/call': alternative.run.msPerCall ?? '',
          'Graph answers': alternative.run.graphRequests?.map((r) => r.status).join(' ') ?? '',
          'token printed': alternative.run.printedToken,
          error: alternative.run.error?.slice(0, 50) ?? '',
        }))
      )
    );
    console.log('what each printed: bench/results/libraries.json');
  },
  reconcile: async () => {
    const results = await measureReconcile();
    console.log(
      '\nReconcile run (embedded default; cost scaled to 1,000,000 links from measured counts)'
    );
    console.table({
      links: results.linksChecked,
      'links/s': results.linksPerSecond,
      seeded: results.seededAs,
      'Graph calls/link': results.graphOperationsPerLink.toFixed(3),
      '  of which every run': results.steadyCallsPerLink.toFixed(3),
      '  of which daily checks': results.dailyCheckCallsPerLink.toFixed(3),
      'Graph round trips/link': results.graphRoundTripsPerLink.toFixed(4),
      ...Object.fromEntries(
        Object.entries(results.costPerMillionUsd).map(([key, value]) => [`USD/1M ${key}`, value])
      ),
    });
    console.log(`target: total < 1 USD per million links; details in bench/results/reconcile.json`);
  },
};

const selected = process.argv.slice(2).filter((arg) => arg in benches);
for (const name of selected.length > 0 ? selected : Object.keys(benches)) {
  console.log(`\n== ${name} ==`);
  await benches[name]?.();
}
