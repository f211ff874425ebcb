/**
 * `npm run bench`: runs the benchmarks and prints their figures. Benchmarks are measurements, not
 * tests: they never fail on a slow machine, they report. Pick one with `npm run bench -- footprint`.
 */
import { measureFootprint } from './lambda-footprint.js';

const benches: Record<string, () => Promise<void>> = {
  footprint: async () => {
    const rows = await measureFootprint();
    console.log(
      '\nLambda footprint (bundle without source map; cold init = median module import, Node 24)'
    );
    console.table(rows);
    const worst = Math.max(...rows.map((row) => Math.max(row.sizeRatio, row.initRatio)));
    console.log(`worst ratio to floor: ${worst} (target <= 1.2)`);
  },
};

const selected = process.argv.slice(2).filter((arg) => arg in benches);
for (const name of selected.length > 0 ? selected : Object.keys(benches)) {
  console.log(`\n== ${name} ==`);
  await benches[name]?.();
}
