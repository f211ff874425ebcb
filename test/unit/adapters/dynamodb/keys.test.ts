import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../../functions/adapters/dynamodb/keys.js';
import { ValidationError } from '../../../../functions/core/errors.js';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Function: decodeCursor', () => {
  it('round-trips a key of the caller’s own partition', () => {
    // Prepare
    const key = { pk: 'TENANT#a', sk: 'LINK#lnk_1' };

    // Act
    const decoded = decodeCursor(encodeCursor(key), 'TENANT#a', 'LINK#');

    // Assess
    expect(decoded).toEqual(key);
  });

  it.each([
    ['another tenant’s partition', cursorOf({ pk: 'TENANT#b', sk: 'LINK#lnk_1' })],
    ['another kind of item', cursorOf({ pk: 'TENANT#a', sk: 'GRANT#grt_1' })],
    ['extra attributes', cursorOf({ pk: 'TENANT#a', sk: 'LINK#1', shard: 1 })],
    ['a non-object', cursorOf('TENANT#a')],
    ['text that is not JSON', 'bm90IGpzb24'],
  ])('refuses a cursor into %s', (_, cursor) => {
    // Act
    const decode = () => decodeCursor(cursor, 'TENANT#a', 'LINK#');

    // Assess
    expect(decode).toThrow(ValidationError);
  });

  it('answers undefined for no cursor', () => {
    // Act
    const decoded = decodeCursor(undefined, 'TENANT#a', 'LINK#');

    // Assess
    expect(decoded).toBeUndefined();
  });
});
