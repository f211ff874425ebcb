import { randomBytes } from 'node:crypto';
import type { IdGenerator } from '../../core/linking/ports.js';

/** Ids from the operating system's CSPRNG; every one carries at least 128 random bits. */
const cryptoIds: IdGenerator = {
  linkId: () => `lnk_${randomBytes(16).toString('hex')}`,
  sessionId: () => randomBytes(32).toString('base64url'),
  codeVerifier: () => randomBytes(32).toString('base64url'),
  confirmationCode: () => randomBytes(16).toString('hex'),
};

export { cryptoIds };
