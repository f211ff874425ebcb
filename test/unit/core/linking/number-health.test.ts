import { describe, expect, it } from 'vitest';
import {
  dailyCheckDue,
  dailySlotAt,
  dailySlotOf,
  healthReason,
  toNumberHealth,
} from '../../../../functions/core/linking/number-health.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');

const blocked = {
  canSendMessage: 'BLOCKED',
  entities: [
    {
      entityType: 'PHONE_NUMBER',
      entityId: '3001',
      canSendMessage: 'BLOCKED',
      errors: [{ code: '141010', description: 'Not verified.', solution: 'Verify the business.' }],
      additionalInfo: [],
    },
    {
      entityType: 'WABA',
      entityId: '2001',
      canSendMessage: 'AVAILABLE',
      errors: [],
      additionalInfo: [],
    },
  ],
};

describe('Function: toNumberHealth', () => {
  it('keeps only the nodes that are not AVAILABLE, with their reasons in Meta’s words', () => {
    // Act
    const health = toNumberHealth(blocked, NOW);

    // Assess
    expect(health.canSendMessage).toBe('BLOCKED');
    expect(health.problems).toHaveLength(1);
    expect(healthReason(health)).toBe('PHONE_NUMBER 3001: Not verified. Verify the business.');
  });

  it('reads a status Meta may add later as LIMITED, never as fine', () => {
    // Act
    const health = toNumberHealth({ canSendMessage: 'PAUSED', entities: [] }, NOW);

    // Assess
    expect(health.canSendMessage).toBe('LIMITED');
  });
});

describe('Function: dailyCheckDue', () => {
  it('checks a link never checked, and otherwise only in its slot of the day', () => {
    // Prepare
    const link = { linkId: 'lnk_abc' };
    const checked = { ...link, whatsapp: { health: toNumberHealth(blocked, NOW) } };
    const own = dailySlotOf(link.linkId, 24);

    // Act & Assess
    expect(dailyCheckDue(link, { index: (own + 1) % 24, count: 24 })).toBe(true);
    expect(dailyCheckDue(checked, { index: own, count: 24 })).toBe(true);
    expect(dailyCheckDue(checked, { index: (own + 1) % 24, count: 24 })).toBe(false);
    expect(dailyCheckDue(checked, undefined)).toBe(true);
  });

  it('gives each hour of the day its own slot', () => {
    // Act
    const slots = Array.from({ length: 24 }, (_, hour) =>
      dailySlotAt(new Date(Date.UTC(2026, 11, 1, hour, 30)), 24)
    );

    // Assess
    expect(new Set(slots).size).toBe(24);
  });
});
