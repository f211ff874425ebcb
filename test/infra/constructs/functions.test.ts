import { describe, expect, it } from 'vitest';
import { queues } from '../../../functions/adapters/sqs/queues.js';
import { Data } from '../../../infra/aws/constructs/data.js';
import { Functions } from '../../../infra/aws/constructs/functions.js';
import { MediaBucket } from '../../../infra/aws/constructs/media-bucket.js';
import { Queues } from '../../../infra/aws/constructs/queues.js';
import { Secrets } from '../../../infra/aws/constructs/secrets.js';
import { functions as functionSpecs } from '../../../infra/shared/functions.js';
import { bareStack } from '../helpers.js';

const build = (workerTimeoutSeconds: number) => {
  const stack = bareStack();
  const data = new Data(stack, 'Data');
  const q = new Queues(stack, 'Queues');
  const secrets = new Secrets(stack, 'Secrets');
  const media = new MediaBucket(stack, 'Media');
  return () =>
    new Functions(stack, 'Functions', {
      tables: data.tables,
      syncQueue: { queue: q.syncQueue, deadLetters: q.syncDeadLetters, spec: q.syncSpec },
      deliveriesQueue: {
        queue: q.deliveriesQueue,
        deadLetters: q.deliveriesDeadLetters,
        spec: q.deliveriesSpec,
      },
      tokenKey: secrets.tokenKey,
      mediaBucket: media.bucket,
      metaAppSecret: secrets.metaAppSecret,
      metaSystemUserToken: secrets.metaSystemUserToken,
      environment: {},
      specs: {
        ...functionSpecs,
        worker: { ...functionSpecs.worker, timeoutSeconds: workerTimeoutSeconds },
      },
    });
};

describe('Construct: Functions', () => {
  it('accepts a worker whose timeout fits six times in the visibility timeout', () => {
    expect(build(queues.sync.visibilityTimeoutSeconds / 6)).not.toThrow();
  });

  it('refuses a worker whose timeout does not fit six times in the visibility timeout', () => {
    expect(build(queues.sync.visibilityTimeoutSeconds / 6 + 1)).toThrow(
      /visibility timeout must be at least 186s, not 180s/
    );
  });
});
