import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedSecret, SealedToken } from '../../core/linking/model.js';
import type {
  OpenedKey,
  SecretContext,
  TokenContext,
  TokenVault,
} from '../../core/linking/ports.js';

/**
 * Envelope encryption for Meta tokens: each seal draws a fresh 256-bit data key, encrypts the token
 * with AES-256-GCM under it, and keeps only the data key wrapped by a key encryption key (KMS in AWS,
 * a local key in the embedded default). The encryption context (tenant, grant, purpose) is the GCM
 * additional authenticated data and is bound to the wrapped key too, so a sealed token copied onto
 * another tenant's or grant's item does not open. Secrets sealed beside a token (a link's Page token,
 * beside its grant's user token) share its data key with their own IV and context, so opening the
 * grant opens them without another KMS call; a grant sealed again (a new sign-in) draws a new data
 * key, and what was sealed beside the old one no longer opens and is fetched and sealed again.
 */

/** Wraps and unwraps data keys; the one part that differs between AWS and the embedded default. */
interface KeyWrapper {
  /** Recorded in each envelope, so a reader can tell which key wrapped it. */
  readonly keyRef: string;
  generateDataKey(context: TokenContext): Promise<{ plaintext: Buffer; wrapped: Buffer }>;
  unwrap(wrapped: Buffer, context: TokenContext): Promise<Buffer>;
}

const IV_BYTES = 12;
/**
 * GCM's full 128-bit tag. Pinned when opening: without it Node accepts any tag from 4 bytes up and
 * compares only that many, so a truncated tag would cut the forgery work to 2^32.
 */
const TAG_BYTES = 16;

/** The context as stable bytes: keys sorted, so the same context always gives the same AAD. */
const aadOf = (context: TokenContext): Buffer =>
  Buffer.from(
    JSON.stringify([
      ['grantId', context.grantId],
      ['purpose', context.purpose],
      ['tenantId', context.tenantId],
    ])
  );

/**
 * A secret sealed beside a token: its own purpose and Page in the AAD, so it can never be taken for
 * the token itself, nor for another Page's token.
 */
const secretAadOf = (context: SecretContext): Buffer =>
  Buffer.from(
    JSON.stringify([
      ['grantId', context.grantId],
      ['pageId', context.pageId],
      ['purpose', context.purpose],
      ['tenantId', context.tenantId],
    ])
  );

/** The context in the string-map form KMS takes as EncryptionContext. */
const encryptionContextOf = (context: TokenContext): Record<string, string> => ({
  tenantId: context.tenantId,
  grantId: context.grantId,
  purpose: context.purpose,
});

const decrypt = (dataKey: Buffer, sealed: Omit<SealedSecret, 'v'>, aad: Buffer): string => {
  const tag = Buffer.from(sealed.tag, 'base64');
  const iv = Buffer.from(sealed.iv, 'base64');
  if (tag.length !== TAG_BYTES || iv.length !== IV_BYTES) {
    throw new Error('The sealed token is malformed: its GCM tag or IV has the wrong length.');
  }
  const decipher = createDecipheriv('aes-256-gcm', dataKey, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
    decipher.final(),
  ]).toString('utf8');
};

const encrypt = (dataKey: Buffer, plaintext: string, aad: Buffer) => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
};

/**
 * A TokenVault over a key wrapper.
 *
 * @example
 * const vault = createEnvelopeVault(localKeyWrapper(Buffer.from(config.TOKEN_KEY_LOCAL, 'base64')));
 */
const createEnvelopeVault = (wrapper: KeyWrapper): TokenVault => {
  const unwrap = async (sealed: SealedToken, context: TokenContext): Promise<Buffer> => {
    if (
      Buffer.from(sealed.tag, 'base64').length !== TAG_BYTES ||
      Buffer.from(sealed.iv, 'base64').length !== IV_BYTES
    ) {
      throw new Error('The sealed token is malformed: its GCM tag or IV has the wrong length.');
    }
    return wrapper.unwrap(Buffer.from(sealed.wrappedKey, 'base64'), context);
  };

  return {
    seal: async (plaintext, context) => {
      const { plaintext: dataKey, wrapped } = await wrapper.generateDataKey(context);
      try {
        return {
          v: 1,
          alg: 'AES-256-GCM',
          keyRef: wrapper.keyRef,
          wrappedKey: wrapped.toString('base64'),
          ...encrypt(dataKey, plaintext, aadOf(context)),
        } satisfies SealedToken;
      } finally {
        // The plaintext data key is only needed for this one encryption.
        dataKey.fill(0);
      }
    },
    open: async (sealed, context) => {
      const dataKey = await unwrap(sealed, context);
      try {
        return decrypt(dataKey, sealed, aadOf(context));
      } finally {
        dataKey.fill(0);
      }
    },
    withKey: async (sealed, context, fn) => {
      const dataKey = await unwrap(sealed, context);
      try {
        const key: OpenedKey = {
          token: decrypt(dataKey, sealed, aadOf(context)),
          seal: (plaintext, secretContext) => ({
            v: 1,
            ...encrypt(dataKey, plaintext, secretAadOf(secretContext)),
          }),
          open: (secret, secretContext) => {
            try {
              return decrypt(dataKey, secret, secretAadOf(secretContext));
            } catch {
              // Sealed with an earlier data key (the grant was signed in again) or for another Page.
              return undefined;
            }
          },
        };
        return await fn(key);
      } finally {
        dataKey.fill(0);
      }
    },
  };
};

export type { KeyWrapper };
export { aadOf, createEnvelopeVault, encryptionContextOf };
