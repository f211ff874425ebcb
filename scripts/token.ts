import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  type DevTokenRequest,
  signDevToken,
} from '../infra/local/runtime/src/identity.js';
import { localDataDir, localSecrets } from '../infra/local/runtime/src/local-data.js';
import { isMain, parseOptions, run, UsageError } from './cli.js';

/**
 * `npm run token -- --tenant <id>`: a dev token for any tenant, signed with the key `npm start`
 * keeps in its data directory, so the local gateway accepts it now and after a restart.
 */

const USAGE = `Usage: npm run -s token -- --tenant <id> [--name <display name>] [--ttl <duration>] [--sub <subject>]

Prints a dev token that the local JWT authorizer of npm start accepts. It is signed with the key
kept in .local/secrets.json (or in $TANDEM_DATA_DIR), so it keeps working across restarts until it
expires or npm start -- --fresh makes a new key.

  --tenant  the tenant_id claim: the tenant the token acts for
  --name    the tenant_name claim: the name Tandem's sign-in pages show (default: the tenant id)
  --ttl     how long it is valid: seconds, or 30m, 12h, 7d (default 1h); --ttl=-1m makes an expired one
  --sub     the sub claim (default dev-user-<tenant>)`;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `3600`, `90s`, `30m`, `12h`, `7d` (or negative: already expired) as seconds. */
const parseDuration = (text: string): number => {
  const match = /^(-?\d+)([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1) : Number.NaN;
  if (!Number.isSafeInteger(seconds) || seconds === 0) {
    throw new UsageError(
      `--ttl must be a whole number of seconds or one like 30m, 12h or 7d, and not 0; not "${text}".`
    );
  }
  return seconds;
};

/** What the command line asks for, as the token request the local identity signs. */
const tokenRequest = (args: string[]): DevTokenRequest => {
  const { values } = parseOptions({
    args,
    options: {
      tenant: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string' },
      sub: { type: 'string' },
    },
  });
  const tenantId = values.tenant?.trim();
  if (!tenantId) throw new UsageError('Name the tenant: --tenant <id>.');
  return {
    tenantId,
    ttlSeconds: values.ttl === undefined ? 3600 : parseDuration(values.ttl),
    ...(values.sub ? { sub: values.sub } : {}),
    ...(values.name ? { claims: { tenant_name: values.name } } : {}),
  };
};

/** The token the command line asks for, signed with the data directory's dev signing key. */
const mintToken = async (args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> => {
  const request = tokenRequest(args);
  const { devSigningKey } = localSecrets(localDataDir(env));
  return signDevToken(
    { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, privateJwk: devSigningKey },
    request
  );
};

if (isMain(import.meta.url)) run((args) => mintToken(args), USAGE);

export { mintToken, parseDuration, tokenRequest };
