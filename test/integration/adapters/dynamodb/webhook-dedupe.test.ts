import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookDedupe } from '../../../../functions/adapters/dynamodb/webhook-dedupe.js';
import { hexId } from './fixtures.js';
import { createTestTable } from './tables.js';

let table: Awaited<ReturnType<typeof createTestTable>>;

beforeAll(async () => {
  table = await createTestTable('idempotency');
});

afterAll(async () => {
  await table?.drop();
});

const WEEK_MS = 7 * 24 * 3600 * 1000;

describe('Function: createWebhookDedupe', () => {
  it('answers the keys it recorded, and only those, however often a key repeats', async () => {
    // Prepare
    const dedupe = createWebhookDedupe(table.documentClient, table.tableName);
    const [seen, unseen] = [hexId('change'), hexId('change')];
    await dedupe.record([seen, seen]);

    // Act
    const recorded = await dedupe.recorded([seen, unseen, seen]);

    // Assess
    expect([...recorded]).toEqual([seen]);
  });

  it('counts a key past its week as absent, before TTL has deleted it', async () => {
    // Prepare
    let now = new Date('2026-07-01T10:00:00.000Z');
    const dedupe = createWebhookDedupe(table.documentClient, table.tableName, () => now);
    const key = hexId('change');
    await dedupe.record([key]);

    // Act
    now = new Date(now.getTime() + WEEK_MS - 1000);
    const withinWeek = await dedupe.recorded([key]);
    now = new Date(now.getTime() + 2000);
    const afterWeek = await dedupe.recorded([key]);

    // Assess
    expect([...withinWeek]).toEqual([key]);
    expect([...afterWeek]).toEqual([]);
  });
});
