import type {
  SendMessageBatchCommandOutput,
  SendMessageBatchRequestEntry,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { createJobPublisher } from '../../../../functions/adapters/sqs/publisher.js';
import { UpstreamError } from '../../../../functions/core/errors.js';
import type { ReconcileShardJob } from '../../../../functions/core/jobs.js';
import { fakeSleep } from '../../../helpers/fake-sleep.js';

/** An SQS client answering each SendMessageBatch from `answer`, recording the entries sent. */
const fakeSqs = (
  answer: (
    entries: SendMessageBatchRequestEntry[],
    call: number
  ) => Partial<SendMessageBatchCommandOutput>
) => {
  const sent: SendMessageBatchRequestEntry[][] = [];
  const client = {
    send: async (command: { input: { Entries: SendMessageBatchRequestEntry[] } }) => {
      sent.push(command.input.Entries);
      return answer(command.input.Entries, sent.length);
    },
  } as unknown as SQSClient;
  return { client, sent };
};

const jobs = (count: number): ReconcileShardJob[] =>
  Array.from({ length: count }, (_, shard) => ({
    v: 1,
    kind: 'reconcile-shard',
    runId: 'rcn_unit',
    shard,
  }));

const failedEntry = (Id: string, SenderFault = false) => ({
  Id,
  Code: SenderFault ? 'InvalidParameterValue' : 'InternalError',
  SenderFault,
});

describe('Function: createJobPublisher', () => {
  it('sends again only the entries SQS failed, after full-jitter waits', async () => {
    // Prepare
    const { client, sent } = fakeSqs((_entries, call) => ({
      Failed: call === 1 ? [failedEntry('job-1')] : [],
    }));
    const { delays: waits, sleep } = fakeSleep();
    const publisher = createJobPublisher({ client, queueUrl: 'q', sleep, random: () => 0.5 });

    // Act
    await publisher.publish(jobs(3));

    // Assess
    expect(sent.map((entries) => entries.map((entry) => entry.Id))).toEqual([
      ['job-0', 'job-1', 'job-2'],
      ['job-1'],
    ]);
    expect(waits).toEqual([50]);
  });

  it('ends in a retryable UpstreamError when SQS keeps failing entries', async () => {
    // Prepare
    const { client, sent } = fakeSqs((entries) => ({
      Failed: entries.map((entry) => failedEntry(entry.Id ?? '')),
    }));
    const publisher = createJobPublisher({ client, queueUrl: 'q', sleep: fakeSleep().sleep });

    // Act
    const publish = publisher.publish(jobs(2));

    // Assess
    await expect(publish).rejects.toBeInstanceOf(UpstreamError);
    await expect(publish).rejects.toMatchObject({
      retryable: true,
      message: expect.stringContaining('after 4 attempts'),
    });
    expect(sent).toHaveLength(4);
  });

  it('never retries a sender fault: it would fail the same way', async () => {
    // Prepare
    const { client, sent } = fakeSqs(() => ({ Failed: [failedEntry('job-0', true)] }));
    const { delays: waits, sleep } = fakeSleep();
    const publisher = createJobPublisher({ client, queueUrl: 'q', sleep });

    // Act & Assess
    await expect(publisher.publish(jobs(1))).rejects.toMatchObject({ retryable: false });
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});
