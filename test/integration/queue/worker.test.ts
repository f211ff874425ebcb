import { randomUUID } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { failureOf, queueDepth } from '../../helpers/queues.js';
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
  it('acknowledges a sync job for a link that no longer exists, without a dead letter', async () => {
    // Prepare
    const linkId = `lnk_${randomUUID().replaceAll('-', '')}`;
    const marker = randomUUID();
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
    // A job the worker cannot run lands in the DLQ at once; it serves as a marker that the queue moved.
    await enqueue(JSON.stringify({ v: 1, kind: 'teleport', marker }));

    // Assess
    await deadLetterWith(marker);
    await eventually(async () => (await queueDepth(useSystem().queues.syncUrl)) === 0);
    const letters = await receiveMessages(useSystem().queues.dlqUrl);
    expect(letters.some((message) => message.Body?.includes(linkId))).toBe(false);
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
