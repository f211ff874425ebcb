import type { FunctionName, FunctionSpec } from '../../infra/shared/functions.js';
import { grantsOf } from '../../infra/shared/needs.js';

const ACCOUNT = 'arn:aws:%s:eu-west-1:123456789012';
const arn = (service: string, resource: string): string =>
  `${ACCOUNT.replace('%s', service)}:${resource}`;
const SQS_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012';

/**
 * The variables a function's needs grant it (infra/shared/needs.ts), in their AWS form as the stack
 * sets them (table and bucket names, queue URLs, key and secret ARNs), with placeholder values: what
 * a cold start in a test or a benchmark parses its configuration from.
 */
const grantedEnvOf = (
  name: FunctionName,
  spec: Pick<FunctionSpec, 'needs'>
): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const grant of grantsOf(name, spec)) {
    if ('table' in grant) env[grant.env] = `tandem-${grant.table}`;
    else if ('queue' in grant) {
      env[grant.env] = `${SQS_URL}/${grant.queue}`;
      if (grant.access === 'consume') env[grant.dlqEnv] = `${SQS_URL}/${grant.queue}-dlq`;
    } else if ('tokenKey' in grant) env[grant.env] = arn('kms', 'key/tandem');
    else if ('media' in grant) env[grant.env] = 'tandem-media';
    else env[grant.env] = arn('secretsmanager', `secret:${grant.secret}`);
  }
  return env;
};

export { grantedEnvOf };
