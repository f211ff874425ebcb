import { describe, expect, it } from 'vitest';
import { isTenantPath, TENANT_PATHS } from '../../../functions/http/cors/tenant-paths.js';
import { contracts } from '../../../functions/http/routes.js';

describe('CORS preflight: the tenant paths it may allow', () => {
  it('lists exactly the paths of the tenant route contracts (add a new tenant route here)', () => {
    // Arrange
    const tenant = contracts.filter((route) => route.access === 'tenant').map((r) => r.path);

    // Act & Assess
    expect([...TENANT_PATHS].sort()).toEqual([...new Set(tenant)].sort());
  });

  it('matches a tenant path with its parameters filled, and no public or unknown path', () => {
    // Act & Assess
    expect(isTenantPath('/links/lnk_1/ads/op_2/insights')).toBe(true);
    expect(isTenantPath('/links')).toBe(true);
    expect(isTenantPath('/links/lnk_1/ads/op_2/insights/more')).toBe(false);
    expect(isTenantPath('/links/a/b')).toBe(false);
    expect(isTenantPath('/oauth/begin')).toBe(false);
    expect(isTenantPath('/health')).toBe(false);
  });
});
