/** Tandem's envelope encryption: seal a Meta token, open it again (the libraries bench). */

import { createTokenVault } from '../../functions/adapters/crypto/token-vault.js';
import type { TokenContext } from '../../functions/core/linking/ports.js';

const vault = createTokenVault(
  process.env.TOKEN_KEY_ARN
    ? { TOKEN_KEY_ARN: process.env.TOKEN_KEY_ARN }
    : { TOKEN_KEY_LOCAL: process.env.TOKEN_KEY_LOCAL ?? '' }
);

export const handler = async (input: { token: string; context: TokenContext }) => {
  const sealed = await vault.seal(input.token, input.context);
  const opened = await vault.open(sealed, input.context);
  // As stored: a DynamoDB map whose size is close to its JSON.
  return { storedBytes: Buffer.byteLength(JSON.stringify(sealed)), same: opened === input.token };
};
