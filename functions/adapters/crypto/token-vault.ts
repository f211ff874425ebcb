import { KMSClient } from '@aws-sdk/client-kms';
import type { TokenVault } from '../../core/linking/ports.js';
import { createEnvelopeVault } from './envelope.js';
import { kmsKeyWrapper } from './kms-key.js';
import { localKeyWrapper } from './local-key.js';

/** The token key configuration (functions/adapters/config.ts `tokenKeyConfig`). */
type TokenKeyConfig = { TOKEN_KEY_ARN: string } | { TOKEN_KEY_LOCAL: string };

/**
 * The TokenVault for this environment: KMS when TOKEN_KEY_ARN is set (AWS), the local key otherwise
 * (the embedded default). Both write the same envelope.
 */
const createTokenVault = (config: TokenKeyConfig, kms?: KMSClient): TokenVault =>
  'TOKEN_KEY_ARN' in config
    ? createEnvelopeVault(kmsKeyWrapper(kms ?? new KMSClient({}), config.TOKEN_KEY_ARN))
    : createEnvelopeVault(localKeyWrapper(Buffer.from(config.TOKEN_KEY_LOCAL, 'base64')));

export type { TokenKeyConfig };
export { createTokenVault };
