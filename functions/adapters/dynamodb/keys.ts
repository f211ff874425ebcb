import { ValidationError } from '../../core/errors.js';

/**
 * The links table's single-table layout (functions/adapters/dynamodb/tables.ts `links`):
 * - `TENANT#<tenantId>` / `LINK#<linkId>`: a link (GSI byMetaUser; byShard while active).
 * - `TENANT#<tenantId>` / `GRANT#<grantId>`: a grant with its sealed token (GSI byMetaUser).
 * - `PAGE#<pageId>` / `GUARD` and `PHONE#<phoneNumberId>` / `GUARD`: uniqueness guards, written in
 *   the link's transaction, so a Page or number is in at most one link across all tenants.
 * Every tenant item's partition key is the tenant, so a read for one tenant cannot return another's.
 */

const TENANT_PREFIX = 'TENANT#';
const tenantPk = (tenantId: string): string => `${TENANT_PREFIX}${tenantId}`;
const LINK_PREFIX = 'LINK#';
const GRANT_PREFIX = 'GRANT#';
const GUARD_SK = 'GUARD';

const linkKey = (tenantId: string, linkId: string) => ({
  pk: tenantPk(tenantId),
  sk: `${LINK_PREFIX}${linkId}`,
});
const grantKey = (tenantId: string, grantId: string) => ({
  pk: tenantPk(tenantId),
  sk: `${GRANT_PREFIX}${grantId}`,
});
const pageGuardKey = (pageId: string) => ({ pk: `PAGE#${pageId}`, sk: GUARD_SK });
const phoneGuardKey = (phoneNumberId: string) => ({ pk: `PHONE#${phoneNumberId}`, sk: GUARD_SK });
const SYNC_PREFIX = 'SYNC#';
/** Sync's state for a link, beside the link in the tenant's partition. */
const syncStateKey = (tenantId: string, linkId: string) => ({
  pk: tenantPk(tenantId),
  sk: `${SYNC_PREFIX}${linkId}`,
});

/** Attributes that exist only to key and index the item; stripped before mapping to the domain. */
const KEY_ATTRIBUTES = ['pk', 'sk', 'kind', 'shard'] as const;

const stripKeys = (item: Record<string, unknown>): Record<string, unknown> => {
  const copy = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return copy;
};

/** A page cursor is the opaque, base64url form of DynamoDB's LastEvaluatedKey. */
const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

/**
 * Decodes a cursor and checks that it points into the caller's own partition and item kind, so a
 * crafted cursor cannot start a read anywhere else.
 */
const decodeCursor = (
  cursor: string | undefined,
  pk: string,
  skPrefix: string
): { pk: string; sk: string } | undefined => {
  if (cursor === undefined) return undefined;
  const invalid = new ValidationError(
    'The cursor is not valid here. Pass the nextCursor of a previous page unchanged.',
    undefined,
    'invalid_cursor'
  );
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (
    typeof key !== 'object' ||
    key === null ||
    Object.keys(key).length !== 2 ||
    !('pk' in key) ||
    !('sk' in key) ||
    key.pk !== pk ||
    typeof key.sk !== 'string' ||
    !key.sk.startsWith(skPrefix)
  ) {
    throw invalid;
  }
  return { pk: key.pk, sk: key.sk };
};

export {
  decodeCursor,
  encodeCursor,
  GRANT_PREFIX,
  grantKey,
  LINK_PREFIX,
  linkKey,
  pageGuardKey,
  phoneGuardKey,
  SYNC_PREFIX,
  stripKeys,
  syncStateKey,
  TENANT_PREFIX,
  tenantPk,
};
