import { describe, expect, it } from 'vitest';
import {
  hasLanded,
  MAX_UNCONFIRMED,
  stillUnconfirmed,
  UNCONFIRMED_RETENTION_MS,
  withOwnWrites,
} from '../../../../functions/core/sync/unconfirmed.js';

const now = new Date('2026-11-02T10:00:00.000Z');
const sentAgo = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('Function: withOwnWrites', () => {
  it('takes a WhatsApp value an unconfirmed write sent as the baseline for that field only', () => {
    // Act
    const own = withOwnWrites(
      { about: 'New', email: 'a@example.com' },
      { about: 'Old', email: 'edited@example.com' },
      [{ fields: { about: 'Old', email: 'b@example.com' }, sentAt: sentAgo(1_000) }]
    );

    // Assess: about is Tandem's; the email no write sent stays a difference.
    expect(own).toEqual({ about: 'Old', email: 'a@example.com' });
  });

  it("compares as sync does: spaces and a trailing slash do not make a value someone else's", () => {
    expect(
      withOwnWrites(
        { websites: ['https://new.example/'] },
        { websites: ['https://old.example/'] },
        [{ fields: { websites: ['https://old.example'] }, sentAt: sentAgo(1_000) }]
      )
    ).toEqual({ websites: ['https://old.example/'] });
  });
});

describe('Function: hasLanded', () => {
  it('says a write landed only when every field it sent is on WhatsApp', () => {
    const write = { fields: { about: 'A', description: 'D' }, sentAt: sentAgo(0) };
    expect(hasLanded(write, { about: 'A', description: 'D', email: 'x@example.com' })).toBe(true);
    expect(hasLanded(write, { about: 'A', description: 'Other' })).toBe(false);
  });
});

describe('Function: stillUnconfirmed', () => {
  it('lets go of writes seen landed and of writes past the retention, keeping the newest few', () => {
    // Prepare
    const landed = { fields: { about: 'On WhatsApp' }, sentAt: sentAgo(5_000) };
    const old = { fields: { about: 'Long ago' }, sentAt: sentAgo(UNCONFIRMED_RETENTION_MS + 1) };
    const pending = Array.from({ length: MAX_UNCONFIRMED + 2 }, (_, index) => ({
      fields: { about: `Pending ${index}` },
      sentAt: sentAgo(1_000 - index),
    }));

    // Act
    const kept = stillUnconfirmed([old, landed, ...pending], { about: 'On WhatsApp' }, now);

    // Assess
    expect(kept).toEqual(pending.slice(-MAX_UNCONFIRMED));
  });
});
