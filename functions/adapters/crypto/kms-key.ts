import { DecryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { KeyWrapper } from './envelope.js';
import { encryptionContextOf } from './envelope.js';

/** The part of the KMS client this wrapper uses; a test can pass a stand-in. */
type KmsSend = Pick<KMSClient, 'send'>;

/**
 * The AWS key wrapper: KMS generates each data key under the token key and wraps it, with the
 * encryption context {tenantId, grantId, purpose} bound to it (and logged by CloudTrail on every
 * Decrypt). Decrypt names the configured key, so an envelope wrapped by any other key is refused.
 *
 * @param keyArn - TOKEN_KEY_ARN
 */
const kmsKeyWrapper = (kms: KmsSend, keyArn: string): KeyWrapper => ({
  keyRef: keyArn,
  generateDataKey: async (context) => {
    const result = await kms.send(
      new GenerateDataKeyCommand({
        KeyId: keyArn,
        KeySpec: 'AES_256',
        EncryptionContext: encryptionContextOf(context),
      })
    );
    if (!result.Plaintext || !result.CiphertextBlob) {
      throw new Error('KMS GenerateDataKey returned no key.');
    }
    return {
      plaintext: Buffer.from(result.Plaintext),
      wrapped: Buffer.from(result.CiphertextBlob),
    };
  },
  unwrap: async (wrapped, context) => {
    const result = await kms.send(
      new DecryptCommand({
        KeyId: keyArn,
        CiphertextBlob: wrapped,
        EncryptionContext: encryptionContextOf(context),
      })
    );
    if (!result.Plaintext) throw new Error('KMS Decrypt returned no key.');
    return Buffer.from(result.Plaintext);
  },
});

export type { KmsSend };
export { kmsKeyWrapper };
