/**
 * How every Lambda is bundled. The CDK house function and the footprint benchmark both read this,
 * so the bundle the benchmark measures is the bundle that ships.
 */
const bundling = {
  target: 'node24',
  format: 'esm',
  minify: true,
  sourceMap: true,
  mainFields: ['module', 'main'],
  // ESM bundles lose `require`; a few CommonJS dependencies of the AWS SDK still call it.
  banner:
    "import { createRequire as __tandemCreateRequire } from 'node:module'; const require = __tandemCreateRequire(import.meta.url);",
} as const;

export { bundling };
