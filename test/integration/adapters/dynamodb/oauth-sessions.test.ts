import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cryptoIds } from '../../../../functions/adapters/crypto/ids.js';
import { createOAuthSessionRepository } from '../../../../functions/adapters/dynamodb/oauth-sessions.js';
import type { OAuthSessionRepository } from '../../../../functions/core/linking/ports.js';
import { createTestTable } from './tables.js';

let stateTable: Awaited<ReturnType<typeof createTestTable>>;
let sessions: OAuthSessionRepository;

beforeAll(async () => {
  stateTable = await createTestTable('oauthState');
  sessions = createOAuthSessionRepository(stateTable.documentClient, stateTable.tableName);
});

afterAll(async () => {
  await stateTable?.drop();
});

const anAuthorize = () => ({
  kind: 'authorize' as const,
  id: cryptoIds.sessionId(),
  tenantId: 'tenant-a',
  tenantName: 'Acme Agency',
  codeVerifier: cryptoIds.codeVerifier(),
  expiresAt: 1_900_000_000,
});

describe('Class: OAuthSessionRepository', () => {
  describe('Method: consume', () => {
    it('returns the session once, then nothing', async () => {
      // Prepare
      const session = anAuthorize();
      await sessions.put(session);

      // Act
      const first = await sessions.consume('authorize', session.id);
      const second = await sessions.consume('authorize', session.id);

      // Assess
      expect(first).toEqual(session);
      expect(second).toBeUndefined();
    });

    it('gives a state to exactly one of many concurrent callbacks', async () => {
      // Prepare
      const session = anAuthorize();
      await sessions.put(session);

      // Act
      const results = await Promise.all(
        Array.from({ length: 10 }, () => sessions.consume('authorize', session.id))
      );

      // Assess
      expect(results.filter((result) => result !== undefined)).toHaveLength(1);
    });

    it('does not consume a session as another kind', async () => {
      // Prepare
      const session = anAuthorize();
      await sessions.put(session);

      // Act
      const wrongKind = await sessions.consume('selection', session.id);

      // Assess
      expect(wrongKind).toBeUndefined();
      expect(await sessions.consume('authorize', session.id)).toEqual(session);
    });

    it('returns a selection session with its grant', async () => {
      // Prepare
      const session = {
        kind: 'selection' as const,
        id: cryptoIds.sessionId(),
        tenantId: 'tenant-a',
        tenantName: 'Acme Agency',
        grantId: 'grt_00000000000000000000000000000001',
        browserHash: 'h'.repeat(43),
        expiresAt: 1_900_000_000,
      };
      await sessions.put(session);

      // Act
      const consumed = await sessions.consume('selection', session.id);

      // Assess
      expect(consumed).toEqual(session);
    });
  });

  describe('Method: bindBrowser', () => {
    it('binds a session to the first browser only, and reads it back without consuming it', async () => {
      // Prepare
      const session = anAuthorize();
      await sessions.put(session);

      // Act
      const first = await sessions.bindBrowser(session.id, 'first');
      const same = await sessions.bindBrowser(session.id, 'first');
      const other = await sessions.bindBrowser(session.id, 'second');
      const read = await sessions.get('authorize', session.id);

      // Assess
      expect([first, same, other]).toEqual(['bound', 'bound', 'taken']);
      expect(read).toEqual({ ...session, browserHash: 'first' });
      expect(await sessions.consume('authorize', session.id)).toEqual(read);
    });

    it('lets exactly one of two browsers racing for a state bind it', async () => {
      // Prepare
      const session = anAuthorize();
      await sessions.put(session);

      // Act
      const results = await Promise.all([
        sessions.bindBrowser(session.id, 'one'),
        sessions.bindBrowser(session.id, 'two'),
      ]);

      // Assess
      expect(results.sort()).toEqual(['bound', 'taken']);
    });

    it('binds no unknown session, nor a selection', async () => {
      // Prepare
      const selection = {
        kind: 'selection' as const,
        id: cryptoIds.sessionId(),
        tenantId: 'tenant-a',
        tenantName: 'Acme',
        grantId: 'grt_00000000000000000000000000000001',
        browserHash: 'h',
        expiresAt: 1_900_000_000,
      };
      await sessions.put(selection);

      // Act
      const results = [
        await sessions.bindBrowser(cryptoIds.sessionId(), 'x'),
        await sessions.bindBrowser(selection.id, 'x'),
      ];

      // Assess
      expect(results).toEqual(['missing', 'missing']);
      expect(await sessions.get('authorize', selection.id)).toBeUndefined();
    });
  });

  describe('Method: put', () => {
    it('refuses to overwrite an existing id', async () => {
      // Prepare
      const session = anAuthorize();
      await sessions.put(session);

      // Act
      const again = sessions.put({ ...session, tenantId: 'tenant-b' });

      // Assess
      await expect(again).rejects.toThrow();
      expect(await sessions.consume('authorize', session.id)).toMatchObject({
        tenantId: 'tenant-a',
      });
    });
  });
});
