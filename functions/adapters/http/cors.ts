import { corsResponseHeaders } from '../../core/linking/cors.js';
import type { TenantSettingsRepository } from '../../core/linking/origins.js';
import * as z from '../../core/zod.js';
import { dynamoDocumentClient } from '../aws/clients.js';
import { loadConfig } from '../config.js';
import { tables } from '../dynamodb/tables.js';
import { createTenantSettingsRepository } from '../dynamodb/tenant-settings.js';

/**
 * The deployment's CORS switch (`CORS_ENABLED`, off unless set to "true"; CDK context
 * `corsEnabled`, `TANDEM_CORS_ENABLED` for `npm start`), read once per function instance.
 */
const corsConfig = z.object({
  CORS_ENABLED: z._default(z.enum(['true', 'false']), 'false'),
});
const corsEnabled = (env: Record<string, string | undefined> = process.env): boolean =>
  loadConfig(corsConfig, env).CORS_ENABLED === 'true';

/**
 * A tenant's registered origins are read at most every 30 s per function instance: a CORS check on
 * every call should not cost a read each, and an origin the tenant removes stops being allowed
 * within that (and the 10-minute preflight cache).
 */
const ORIGINS_CACHE_MS = 30_000;
const MAX_CACHED_TENANTS = 1_000;

const tenantOriginsReader = (
  settings: Pick<TenantSettingsRepository, 'getOrigins'>,
  now: () => number = Date.now
) => {
  const cache = new Map<string, { origins: readonly string[]; at: number }>();
  return async (tenantId: string): Promise<readonly string[]> => {
    const hit = cache.get(tenantId);
    if (hit && now() - hit.at < ORIGINS_CACHE_MS) return hit.origins;
    const origins = (await settings.getOrigins(tenantId))?.origins ?? [];
    if (cache.size >= MAX_CACHED_TENANTS) cache.clear();
    cache.set(tenantId, { origins, at: now() });
    return origins;
  };
};

let readTenantOrigins: ((tenantId: string) => Promise<readonly string[]>) | undefined;

/**
 * The CORS headers of a tenant route's answer: none when CORS is off or the request has no Origin;
 * otherwise `Vary: Origin`, and the allowance only for one of the caller tenant's own origins. A
 * failed read allows nothing rather than failing the call.
 */
const tenantCorsHeaders = async (
  enabled: boolean,
  tenantId: string,
  origin: string | undefined
): Promise<Record<string, string>> => {
  if (!enabled || origin === undefined) return {};
  readTenantOrigins ??= tenantOriginsReader(
    createTenantSettingsRepository(
      dynamoDocumentClient(),
      loadConfig(z.object({ [tables.links.envVar]: z.string() }))[tables.links.envVar] as string
    )
  );
  try {
    return corsResponseHeaders(origin, await readTenantOrigins(tenantId));
  } catch {
    return corsResponseHeaders(origin, []);
  }
};

export { corsEnabled, tenantCorsHeaders, tenantOriginsReader };
