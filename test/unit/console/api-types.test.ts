import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONSOLE_TYPES_PATH, consoleTypes } from '../../../console/api-types.js';

describe('Console: generated API types', () => {
  it('match docs/openapi.json (run `npm run console:types` after `npm run openapi`)', async () => {
    // Prepare
    const committed = readFileSync(CONSOLE_TYPES_PATH, 'utf8');

    // Assess
    expect(committed).toBe(await consoleTypes());
  });
});
