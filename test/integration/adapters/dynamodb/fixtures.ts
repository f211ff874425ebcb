import { randomBytes } from 'node:crypto';
import {
  defaultSync,
  type Grant,
  type Link,
  UNSUPPORTED_FIELDS,
} from '../../../../functions/core/linking/model.js';

/** Unique Meta-style ids, so tests sharing a table never collide on guards. */
const metaId = (): string =>
  `9${BigInt(`0x${randomBytes(6).toString('hex')}`)
    .toString()
    .padStart(15, '0')}`;
const hexId = (prefix: string): string => `${prefix}_${randomBytes(16).toString('hex')}`;

const aGrant = (overrides: Partial<Grant> = {}): Omit<Grant, 'linkCount' | 'createdAt'> => ({
  grantId: hexId('grt'),
  tenantId: 'tenant-a',
  metaUserId: metaId(),
  scopes: ['pages_show_list', 'whatsapp_business_management'],
  wabaIds: [metaId()],
  tokenExpiresAt: '2026-09-01T00:00:00.000Z',
  token: {
    v: 1,
    alg: 'AES-256-GCM',
    keyRef: 'local',
    wrappedKey: 'd3JhcHBlZA==',
    iv: 'aXY=',
    tag: 'dGFn',
    ciphertext: 'Y2lwaGVy',
  },
  updatedAt: '2026-07-01T10:00:00.000Z',
  ...overrides,
});

const aLink = (
  grant: { grantId: string; tenantId: string; metaUserId: string },
  overrides: Partial<Link> = {}
): Link => ({
  linkId: hexId('lnk'),
  tenantId: grant.tenantId,
  grantId: grant.grantId,
  metaUserId: grant.metaUserId,
  pageId: metaId(),
  pageName: 'Blue Bakery',
  wabaId: metaId(),
  phoneNumberId: metaId(),
  displayPhoneNumber: '+1 555 0100',
  status: 'active',
  sync: defaultSync(),
  unsupported: UNSUPPORTED_FIELDS,
  createdAt: '2026-07-01T10:00:00.000Z',
  updatedAt: '2026-07-01T10:00:00.000Z',
  version: 1,
  ...overrides,
});

export { aGrant, aLink, hexId, metaId };
