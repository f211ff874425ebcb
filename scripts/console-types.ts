/**
 * `npm run console:types`: regenerates console/src/api/schema.d.ts, the console's API types, from
 * docs/openapi.json. A unit test (test/unit/console/api-types.test.ts) fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { CONSOLE_TYPES_PATH, consoleTypes } from '../console/api-types.js';

writeFileSync(CONSOLE_TYPES_PATH, await consoleTypes());
console.log(`wrote ${CONSOLE_TYPES_PATH}`);
