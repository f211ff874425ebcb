import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../../functions/core/json.js';

const text = (value: string) => Buffer.from(value);

describe('Function: nestsDeeperThan', () => {
  it.each([
    ['{}', 1, false],
    ['{"a":[1]}', 1, true],
    ['{"a":[1]}', 2, false],
    ['[[],[[]]]', 2, true],
    ['[[],[[]]]', 3, false],
  ])('measures %s against a limit of %i', (json, limit, deeper) => {
    expect(nestsDeeperThan(text(json), limit)).toBe(deeper);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(text('{"a":"[[[[\\"{{{{"}'), 1)).toBe(false);
  });

  it('reads multi-byte UTF-8 text without misreading it', () => {
    expect(nestsDeeperThan(text('{"é[":"🙂{"}'), 1)).toBe(false);
  });

  it('answers for 100,000 levels without recursion', () => {
    expect(nestsDeeperThan(text(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 32)).toBe(true);
  });
});
