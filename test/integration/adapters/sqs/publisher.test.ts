import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { createJobPublisher } from '../../../../functions/adapters/sqs/publisher.js';
import { parseJob, type ReconcileShardJob } from '../../../../functions/core/jobs.js';
import { createTestQueue, drain, type TestQueue } from '../../../helpers/queues.js';
import { awsClients } from '../../../helpers/system.js';

describe('Function: createJobPublisher (real queue)', () => {
  let queue: TestQueue | undefined;

  afterEach(async () => {
    await queue?.delete();
    queue = undefined;
  });

  it('publishes more than ten jobs, in batches, each as a valid envelope with its kind', async () => {
    // Prepare
    queue = await createTestQueue();
    const jobs: ReconcileShardJob[] = Array.from({ length: 23 }, (_, shard) => ({
      v: 1,
      kind: 'reconcile-shard',
      runId: 'rcn_publisher',
      shard,
    }));
    const publisher = createJobPublisher({ client: awsClients().sqs, queueUrl: queue.url });

    // Act
    await publisher.publish(jobs);

    // Assess
    const messages = await drain(queue.url);
    const shards = messages.map((message) => {
      const parsed = parseJob(message.Body ?? '');
      if (!parsed.ok || parsed.job.kind !== 'reconcile-shard') throw new Error(message.Body);
      expect(message.MessageAttributes?.kind?.StringValue).toBe('reconcile-shard');
      return parsed.job.shard;
    });
    expect(shards.sort((a, b) => a - b)).toEqual(jobs.map((job) => job.shard));
  });

  it('holds every job of a delayed publish back until its delay has passed', async () => {
    // Prepare
    queue = await createTestQueue();
    const jobs: ReconcileShardJob[] = Array.from({ length: 12 }, (_, shard) => ({
      v: 1,
      kind: 'reconcile-shard',
      runId: 'rcn_publisher_delayed',
      shard,
    }));
    const publisher = createJobPublisher({ client: awsClients().sqs, queueUrl: queue.url });

    // Act
    await publisher.publish(jobs, 60);

    // Assess
    expect(await drain(queue.url)).toEqual([]);
    const { Attributes } = await awsClients().sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queue.url,
        AttributeNames: ['ApproximateNumberOfMessagesDelayed'],
      })
    );
    expect(Attributes?.ApproximateNumberOfMessagesDelayed).toBe('12');
  });
});
