import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyWrapper } from './envelope.js';
import { aadOf } from './envelope.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The embedded default's key wrapper: data keys are wrapped with AES-256-GCM under TOKEN_KEY_LOCAL,
 * with the encryption context as AAD, which is what KMS does with the context in AWS. The wrapped key
 * is `iv | tag | ciphertext`.
 *
 * @param key - 32 bytes (TOKEN_KEY_LOCAL, base64-decoded)
 */
const localKeyWrapper = (key: Buffer): KeyWrapper => {
  if (key.length !== 32) throw new Error('The local token key must be 32 bytes.');
  return {
    keyRef: 'local',
    generateDataKey: async (context) => {
      const plaintext = randomBytes(32);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aadOf(context));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { plaintext, wrapped: Buffer.concat([iv, cipher.getAuthTag(), body]) };
    },
    unwrap: async (wrapped, context) => {
      const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, IV_BYTES));
      decipher.setAAD(aadOf(context));
      decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]);
    },
  };
};

export { localKeyWrapper };
