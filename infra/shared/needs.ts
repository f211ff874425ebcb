import { mediaVariables, secretVariables } from '../../functions/adapters/config.js';
import { type TableName, tables } from '../../functions/adapters/dynamodb/tables.js';
import { type QueueName, queues } from '../../functions/adapters/sqs/queues.js';
import type { FunctionName, FunctionSpec, Needs, TableAccess } from './functions.js';
import { routes } from './routes.js';

/**
 * One thing a function's needs grant it: an environment variable and the access behind it. The
 * variable names come from the adapters that read them (the table and queue specs, the secret
 * schemas in functions/adapters/config.ts).
 */
type Grant =
  | { env: string; table: TableName; access: TableAccess | 'put' | 'probe' }
  | { env: string; queue: QueueName; access: 'send' | 'probe' }
  /** A consumer also parks what can never succeed on the queue's DLQ, so it gets that URL too. */
  | { env: string; queue: QueueName; access: 'consume'; dlqEnv: string }
  | { env: string; local: string; secret: 'metaAppSecret' | 'metaSystemUserToken' }
  | { env: string; local: string; tokenKey: NonNullable<Needs['tokenKey']> }
  /** Story media: the S3 bucket's name in AWS; the local store's URL and signing key locally. */
  | { env: string; media: NonNullable<Needs['mediaBucket']> };

const consumerOf = (queue: QueueName): Grant => ({
  env: queues[queue].envVar,
  queue,
  access: 'consume',
  dlqEnv: queues[queue].dlqEnvVar,
});

const servesTenantRoute = (name: FunctionName): boolean =>
  routes.some((route) => route.access === 'tenant' && route.fn === name);

/**
 * The one map from the `needs` vocabulary to what a function is given. The CDK house function binds
 * each grant (its environment variable and least-privilege IAM) and the local runtime sets the same
 * variables, so a need missing from a spec fails the function's cold start in both places alike.
 * With `corsEnabled`, a function serving a tenant route also reads the links table: the caller
 * tenant's registered origins.
 */
const grantsOf = (
  name: FunctionName,
  { needs }: Pick<FunctionSpec, 'needs'>,
  { corsEnabled = false } = {}
): Grant[] => {
  const grants: Grant[] = [];
  const tenantCors = corsEnabled && servesTenantRoute(name);
  for (const [table, access] of Object.entries(needs.tables ?? {}) as [TableName, TableAccess][]) {
    grants.push({ env: tables[table].envVar, table, access });
  }
  if (tenantCors && !needs.tables?.links) {
    grants.push({ env: tables.links.envVar, table: 'links', access: 'read' });
  }
  if (needs.probes) {
    for (const table of Object.keys(tables) as TableName[]) {
      grants.push({ env: tables[table].envVar, table, access: 'probe' });
    }
    grants.push({ env: queues.sync.envVar, queue: 'sync', access: 'probe' });
  }
  if (needs.syncQueue === 'send')
    grants.push({ env: queues.sync.envVar, queue: 'sync', access: 'send' });
  if (needs.syncQueue === 'consume') grants.push(consumerOf('sync'));
  // Publishing an event is one PutItem on the events table and one message to the deliveries queue.
  if (needs.events === 'publish') {
    grants.push({ env: tables.events.envVar, table: 'events', access: 'put' });
  }
  if (needs.events === 'publish' || needs.deliveriesQueue === 'send') {
    grants.push({ env: queues.deliveries.envVar, queue: 'deliveries', access: 'send' });
  }
  if (needs.deliveriesQueue === 'consume') grants.push(consumerOf('deliveries'));
  const { tokenKey } = needs;
  if (tokenKey) {
    const { aws, local } = secretVariables.tokenKey;
    grants.push({ env: aws, local, tokenKey });
  }
  if (needs.mediaBucket) grants.push({ env: mediaVariables.aws, media: needs.mediaBucket });
  for (const secret of ['metaAppSecret', 'metaSystemUserToken'] as const) {
    if (needs[secret])
      grants.push({
        env: secretVariables[secret].aws,
        local: secretVariables[secret].local,
        secret,
      });
  }
  return grants;
};

export type { Grant };
export { grantsOf };
