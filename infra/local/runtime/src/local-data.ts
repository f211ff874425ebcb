import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JWK } from 'jose';

/**
 * Where `npm start` keeps its data (.local/, or TANDEM_DATA_DIR) and the secrets that data depends
 * on. The scripts that mint dev tokens and sign Meta's requests by hand read the same secrets, so
 * what they make is accepted by a running (or a later) `npm start`.
 */

/** The local data directory, as `npm start`, `npm run token` and `npm run sign` resolve it. */
const localDataDir = (env: NodeJS.ProcessEnv = process.env): string =>
  resolve(env.TANDEM_DATA_DIR || '.local');

/** The local system's secrets. */
interface LocalSecrets {
  /** The sandbox Meta app's secret: it signs webhooks and signed_requests, and keys appsecret_proof. */
  appSecret: string;
  webhookVerifyToken: string;
  /** Base64 of 32 random bytes, the local stand-in for the KMS key that wraps token data keys. */
  tokenKey: string;
  /** The RS256 private key the local identity provider signs dev tokens with, as a JWK. */
  devSigningKey: JWK;
}

const SECRETS_FILE = 'secrets.json';
const SECRET_NAMES = ['appSecret', 'webhookVerifyToken', 'tokenKey', 'devSigningKey'] as const;

const newDevSigningKey = (): JWK => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ...(privateKey.export({ format: 'jwk' }) as JWK),
    alg: 'RS256',
    kid: 'tandem-local-dev',
  };
};

const freshSecrets = (): LocalSecrets => ({
  appSecret: randomBytes(16).toString('hex'),
  webhookVerifyToken: randomBytes(16).toString('hex'),
  tokenKey: randomBytes(32).toString('base64'),
  devSigningKey: newDevSigningKey(),
});

const readSecrets = (path: string): Partial<LocalSecrets> => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Partial<LocalSecrets>;
  } catch (error) {
    throw new Error(
      `Cannot read the local secrets in ${path} (${error instanceof Error ? error.message : String(error)}). Fix or delete the file, or start over with npm start -- --fresh.`
    );
  }
};

/**
 * Fresh secrets for a system that forgets its data when it stops; for one that keeps it in
 * `dataDir`, the secrets kept there (created on first use, readable by the owner only), since sealed
 * tokens, signed webhooks and dev tokens outlive a run only under the same keys. A file written
 * before a secret existed gets that secret added, and keeps the others.
 */
const localSecrets = (dataDir?: string): LocalSecrets => {
  if (!dataDir) return freshSecrets();
  const path = join(dataDir, SECRETS_FILE);
  const kept = existsSync(path) ? readSecrets(path) : {};
  if (SECRET_NAMES.every((name) => kept[name] !== undefined)) return kept as LocalSecrets;
  const secrets = { ...freshSecrets(), ...kept };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync's mode applies only to a file it creates.
  chmodSync(path, 0o600);
  return secrets;
};

export type { LocalSecrets };
export { localDataDir, localSecrets };
