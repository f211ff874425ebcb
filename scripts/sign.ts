import { readFileSync } from 'node:fs';
import { appsecretProof } from '../infra/local/meta-sandbox/src/auth.js';
import { callbackPayload, signedRequest } from '../infra/local/meta-sandbox/src/callbacks.js';
import { signatureOf } from '../infra/local/meta-sandbox/src/webhooks.js';
import { localDataDir, localSecrets } from '../infra/local/runtime/src/local-data.js';
import { isMain, parseOptions, run, UsageError } from './cli.js';

/**
 * `npm run sign`: signs what Meta signs, by hand, with the app secret `npm start` keeps in its data
 * directory (the Meta sandbox's app secret, which Tandem verifies against locally).
 */

const USAGE = `Usage:
  npm run -s sign -- webhook <file>
      The X-Hub-Signature-256 header value for a webhook body: the file's exact bytes ("-" reads stdin).
  npm run -s sign -- signed-request --user <meta user id> [--issued-at <unix seconds>]
      A signed_request as Meta posts it to the deauthorize and data-deletion callbacks.
  npm run -s sign -- proof <access token>
      The appsecret_proof the Meta sandbox asks of every Graph call made with a user or Page token.

The secret is the local Meta app's, kept in .local/secrets.json (or in $TANDEM_DATA_DIR).`;

const readBody = (file: string): Buffer => {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw new UsageError(
      `Cannot read ${file === '-' ? 'stdin' : file}: ${error instanceof Error ? error.message : String(error)}`
    );
  }
};

const one = (positionals: string[], what: string): string => {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`Give ${what}.`);
  return positionals[0];
};

/** What the command line asks to sign, signed with `appSecret`. */
const sign = (args: string[], appSecret: string): string => {
  const [command, ...rest] = args;
  if (command === 'webhook') {
    const { positionals } = parseOptions({ args: rest, options: {}, allowPositionals: true });
    return signatureOf(readBody(one(positionals, 'one file: the webhook body')), appSecret);
  }
  if (command === 'signed-request') {
    const { values } = parseOptions({
      args: rest,
      options: { user: { type: 'string' }, 'issued-at': { type: 'string' } },
    });
    if (!values.user) throw new UsageError('Name the Meta user: --user <id>.');
    const issuedAt = values['issued-at'] === undefined ? undefined : Number(values['issued-at']);
    if (issuedAt !== undefined && !Number.isSafeInteger(issuedAt)) {
      throw new UsageError('--issued-at must be a Unix time in seconds.');
    }
    return signedRequest(callbackPayload(values.user, issuedAt), appSecret);
  }
  if (command === 'proof') {
    const { positionals } = parseOptions({ args: rest, options: {}, allowPositionals: true });
    return appsecretProof(one(positionals, 'one access token'), appSecret);
  }
  throw new UsageError(
    command ? `Unknown command ${command}.` : 'Say what to sign: webhook, signed-request or proof.'
  );
};

/** `sign` with the local app secret of the data directory `env` names. */
const signWithLocalSecret = (args: string[], env: NodeJS.ProcessEnv = process.env): string =>
  sign(args, localSecrets(localDataDir(env)).appSecret);

if (isMain(import.meta.url)) run((args) => signWithLocalSecret(args), USAGE);

export { sign, signWithLocalSecret };
