import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { createEnvelopeVault } from '../../../../functions/adapters/crypto/envelope.js';
import { type KmsSend, kmsKeyWrapper } from '../../../../functions/adapters/crypto/kms-key.js';
import { localKeyWrapper } from '../../../../functions/adapters/crypto/local-key.js';
import { createTokenVault } from '../../../../functions/adapters/crypto/token-vault.js';
import type { TokenContext } from '../../../../functions/core/linking/ports.js';

const CONTEXT: TokenContext = {
  tenantId: 'tenant-a',
  grantId: 'grt_00000000000000000000000000000001',
  purpose: 'meta_user_token',
};
const TOKEN = 'EAAB-long-lived-user-token-0123456789';
const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/**
 * A stand-in for KMS that behaves like it where the vault depends on it: a data key is wrapped under a
 * master key with the encryption context bound, and Decrypt refuses another context or key id.
 */
const fakeKms = () => {
  const master = randomBytes(32);
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const aad = (context: Record<string, string> | undefined) =>
    Buffer.from(JSON.stringify(Object.entries(context ?? {}).sort()));
  const client = {
    send: async (command: GenerateDataKeyCommand | DecryptCommand) => {
      calls.push({ name: command.constructor.name, input: { ...command.input } });
      if (command instanceof GenerateDataKeyCommand) {
        const plaintext = randomBytes(32);
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', master, iv);
        cipher.setAAD(aad(command.input.EncryptionContext));
        const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
        return {
          Plaintext: new Uint8Array(plaintext),
          CiphertextBlob: new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body])),
          KeyId: command.input.KeyId,
        };
      }
      if (command.input.KeyId !== KEY_ARN) throw new Error('IncorrectKeyException');
      const blob = Buffer.from(command.input.CiphertextBlob ?? new Uint8Array());
      const decipher = createDecipheriv('aes-256-gcm', master, blob.subarray(0, 12));
      decipher.setAAD(aad(command.input.EncryptionContext));
      decipher.setAuthTag(blob.subarray(12, 28));
      try {
        return {
          Plaintext: new Uint8Array(
            Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()])
          ),
        };
      } catch {
        throw new Error('InvalidCiphertextException');
      }
    },
  };
  return { client: client as unknown as KmsSend, calls };
};

const localVault = () => createTokenVault({ TOKEN_KEY_LOCAL: randomBytes(32).toString('base64') });

describe('Function: createTokenVault (local key)', () => {
  it('opens what it sealed, and the envelope holds no plaintext', async () => {
    // Prepare
    const vault = localVault();

    // Act
    const sealed = await vault.seal(TOKEN, CONTEXT);
    const opened = await vault.open(sealed, CONTEXT);

    // Assess
    expect(opened).toBe(TOKEN);
    expect(sealed).toMatchObject({ v: 1, alg: 'AES-256-GCM', keyRef: 'local' });
    expect(JSON.stringify(sealed)).not.toContain(TOKEN);
    expect(JSON.stringify(sealed)).not.toContain(Buffer.from(TOKEN).toString('base64'));
  });

  it('draws a fresh data key and IV for every seal', async () => {
    // Prepare
    const vault = localVault();

    // Act
    const first = await vault.seal(TOKEN, CONTEXT);
    const second = await vault.seal(TOKEN, CONTEXT);

    // Assess
    expect(second.wrappedKey).not.toBe(first.wrappedKey);
    expect(second.iv).not.toBe(first.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
  });

  it.each([
    ['another tenant', { ...CONTEXT, tenantId: 'tenant-b' }],
    ['another grant', { ...CONTEXT, grantId: 'grt_00000000000000000000000000000002' }],
  ])('refuses to open a token sealed for %s', async (_, context) => {
    // Prepare
    const vault = localVault();
    const sealed = await vault.seal(TOKEN, CONTEXT);

    // Act
    const open = vault.open(sealed, context);

    // Assess
    await expect(open).rejects.toThrow();
  });

  it('refuses a tampered ciphertext', async () => {
    // Prepare
    const vault = localVault();
    const sealed = await vault.seal(TOKEN, CONTEXT);
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;

    // Act
    const open = vault.open({ ...sealed, ciphertext: bytes.toString('base64') }, CONTEXT);

    // Assess
    await expect(open).rejects.toThrow();
  });

  it.each([4, 12, 15])('refuses a GCM tag truncated to %i bytes', async (length) => {
    // Prepare: a truncated prefix of the right tag would pass a check of only that many bytes.
    const vault = localVault();
    const sealed = await vault.seal(TOKEN, CONTEXT);
    const tag = Buffer.from(sealed.tag, 'base64').subarray(0, length).toString('base64');

    // Act
    const open = vault.open({ ...sealed, tag }, CONTEXT);

    // Assess
    await expect(open).rejects.toThrow(/tag or IV has the wrong length/);
  });

  it('refuses an envelope sealed under another local key', async () => {
    // Prepare
    const sealed = await localVault().seal(TOKEN, CONTEXT);

    // Act
    const open = localVault().open(sealed, CONTEXT);

    // Assess
    await expect(open).rejects.toThrow();
  });

  it('refuses a local key that is not 32 bytes', () => {
    // Act
    const make = () => localKeyWrapper(randomBytes(16));

    // Assess
    expect(make).toThrow(/32 bytes/);
  });
});

describe('Function: kmsKeyWrapper', () => {
  it('asks KMS for an AES-256 data key bound to the tenant, grant and purpose', async () => {
    // Prepare
    const kms = fakeKms();
    const vault = createEnvelopeVault(kmsKeyWrapper(kms.client, KEY_ARN));

    // Act
    const sealed = await vault.seal(TOKEN, CONTEXT);
    const opened = await vault.open(sealed, CONTEXT);

    // Assess
    expect(opened).toBe(TOKEN);
    expect(sealed.keyRef).toBe(KEY_ARN);
    const context = { tenantId: 'tenant-a', grantId: CONTEXT.grantId, purpose: 'meta_user_token' };
    expect(kms.calls[0]).toEqual({
      name: 'GenerateDataKeyCommand',
      input: { KeyId: KEY_ARN, KeySpec: 'AES_256', EncryptionContext: context },
    });
    expect(kms.calls[1]).toMatchObject({
      name: 'DecryptCommand',
      input: { KeyId: KEY_ARN, EncryptionContext: context },
    });
  });

  it('cannot open a token under another tenant’s context, because KMS refuses the data key', async () => {
    // Prepare
    const kms = fakeKms();
    const vault = createEnvelopeVault(kmsKeyWrapper(kms.client, KEY_ARN));
    const sealed = await vault.seal(TOKEN, CONTEXT);

    // Act
    const open = vault.open(sealed, { ...CONTEXT, tenantId: 'tenant-b' });

    // Assess
    await expect(open).rejects.toThrow('InvalidCiphertextException');
  });
});
