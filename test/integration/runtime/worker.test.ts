import { randomUUID } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../helpers/queues.js';
import { awsClients, eventually, receiveMessages, useSystem } from '../../helpers/system.js';

/** Sends a message to the system's sync queue, where the local event source mapping picks it up. */
const enqueue = async (body: string) => {
  await awsClients().sqs.send(
    new SendMessageCommand({ QueueUrl: useSystem().queues.syncUrl, MessageBody: body })
  );
};

/** The dead letter whose body contains `marker` (the DLQ is shared by the whole test run). */
const deadLetterWith = (marker: string) =>
  eventually(async () => {
    const messages = await receiveMessages(useSystem().queues.dlqUrl);
    const found = messages.find((message) => message.Body?.includes(marker));
    if (!found) throw new Error(`no dead letter with ${marker} yet`);
    return found;
  });

describe('Poller and worker: dead letters', () => {
  it('dead-letters a sync job with "no handler for job kind sync" until the sync feature lands', async () => {
    // Prepare
    const linkId = `lnk_${randomUUID()}`;
    const job = {
      v: 1,
      kind: 'sync',
      tenantId: 'demo',
      linkId,
      trigger: 'manual',
      observedAt: new Date().toISOString(),
    };

    // Act
    await enqueue(JSON.stringify(job));

    // Assess
    const letter = await deadLetterWith(linkId);
    expect(JSON.parse(letter.Body ?? '')).toEqual(job);
    expect(failureOf(letter)).toMatchObject({
      failureReason: 'no handler for job kind sync',
      failureCode: 'no_handler',
      receiveCount: '1',
      sourceQueue: useSystem().queues.syncArn,
    });
    expect(Date.parse(failureOf(letter).failedAt ?? '')).not.toBeNaN();
  });

  it('dead-letters an invalid envelope at once, with its reason', async () => {
    // Prepare
    const marker = randomUUID();

    // Act
    await enqueue(JSON.stringify({ v: 1, kind: 'teleport', marker }));

    // Assess
    const letter = await deadLetterWith(marker);
    expect(failureOf(letter)).toMatchObject({
      failureCode: 'invalid_envelope',
      receiveCount: '1',
    });
    expect(failureOf(letter).failureReason).toMatch(/^not a valid job envelope: kind/);
  });
});
