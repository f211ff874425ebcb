import type { ConsoleConfig } from '../../infra/shared/console.js';

/**
 * The runtime configuration (`/console/config.json`), written by the deployment: the local gateway
 * names the dev identity, the CDK construct the tenant's identity provider. Checked here, so a
 * broken deployment says what is wrong instead of failing somewhere later.
 */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Validates the configuration; throws with what is missing. */
const parseConfig = (value: unknown): ConsoleConfig => {
  if (!isRecord(value) || !isRecord(value.auth) || typeof value.apiBaseUrl !== 'string') {
    throw new Error('config.json must have apiBaseUrl and auth.');
  }
  const { auth } = value;
  if (auth.kind === 'dev' && text(auth.tokenUrl)) {
    return { apiBaseUrl: value.apiBaseUrl, auth: { kind: 'dev', tokenUrl: auth.tokenUrl } };
  }
  if (auth.kind === 'oidc' && text(auth.issuer) && text(auth.clientId) && text(auth.scope)) {
    return {
      apiBaseUrl: value.apiBaseUrl,
      auth: {
        kind: 'oidc',
        issuer: auth.issuer,
        clientId: auth.clientId,
        scope: auth.scope,
        ...(text(auth.audience) ? { audience: auth.audience } : {}),
      },
    };
  }
  throw new Error(
    'config.json: auth must be {kind: "dev", tokenUrl} or {kind: "oidc", issuer, clientId, scope}.'
  );
};

export { parseConfig };
