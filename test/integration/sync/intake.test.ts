import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchWriteAll, type WriteRequest } from '../../../functions/adapters/dynamodb/batch.js';
import { pageGuardKey } from '../../../functions/adapters/dynamodb/keys.js';
import { createPageLinkIndex, linkItem } from '../../../functions/adapters/dynamodb/links.js';
import { createWebhookDedupe } from '../../../functions/adapters/dynamodb/webhook-dedupe.js';
import { createJobPublisher } from '../../../functions/adapters/sqs/publisher.js';
import { defaultSync, type Link } from '../../../functions/core/linking/model.js';
import { receivePageWebhook } from '../../../functions/core/sync/intake.js';
import { createTestQueue, queueDepth, type TestQueue } from '../../helpers/queues.js';
import { awsClients, useSystem } from '../../helpers/system.js';
import { aLink, hexId, metaId } from '../adapters/dynamodb/fixtures.js';

/**
 * The webhook intake with its real adapters (the links table's Page guards and links, the
 * idempotency table, a queue of its own on the SQS server) at Meta's largest batch: 1,000 Page
 * entries in one delivery. Links are written directly, with the guard item that names each Page's
 * link, as the link repository writes them.
 */

const SECRET = 'intake-secret-0123456789';
const PAGES = 1_000;

const sign = (raw: Buffer) => `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`;

const deliveryOf = (links: readonly Link[], time: number) =>
  Buffer.from(
    JSON.stringify({
      object: 'page',
      entry: links.map((link) => ({
        id: link.pageId,
        time,
        changes: [{ field: 'description', value: { verb: 'edited' } }],
      })),
    })
  );

describe('Webhook intake: a 1,000-entry delivery through the real stores and queue', () => {
  const tenantId = `intake-${randomBytes(4).toString('hex')}`;
  const grant = { grantId: hexId('grt'), tenantId, metaUserId: metaId() };
  const links: Link[] = Array.from({ length: PAGES }, () =>
    aLink(grant, { sync: { ...defaultSync(), enabled: true } })
  );
  const write = (requests: WriteRequest[]) =>
    batchWriteAll(awsClients().documents, useSystem().tables.links, requests);
  let queue: TestQueue;

  beforeAll(async () => {
    queue = await createTestQueue({ visibilityTimeoutSeconds: 60 });
    await write(
      links.flatMap((link) => [
        { PutRequest: { Item: linkItem(link) } },
        {
          PutRequest: {
            Item: { ...pageGuardKey(link.pageId), kind: 'guard', tenantId, linkId: link.linkId },
          },
        },
      ])
    );
  });

  afterAll(async () => {
    // Active links are in the reconciler's index: leave none behind for other tests' runs.
    await write(
      links.flatMap((link) => {
        const { pk, sk } = linkItem(link);
        return [
          { DeleteRequest: { Key: { pk, sk } } },
          { DeleteRequest: { Key: pageGuardKey(link.pageId) } },
        ];
      })
    );
    await queue.delete();
  });

  const deps = () => ({
    dedupe: createWebhookDedupe(awsClients().documents, useSystem().tables.idempotency),
    pages: createPageLinkIndex(awsClients().documents, useSystem().tables.links),
    queue: createJobPublisher({ client: awsClients().sqs, queueUrl: queue.url }),
  });

  it("enqueues every Page's job, then takes Meta's redelivery for the duplicate it is", async () => {
    // Prepare
    const raw = deliveryOf(links, Math.floor(Date.now() / 1000));
    const input = { rawBody: raw, signature: sign(raw), secrets: [SECRET], deliveryId: 'big' };

    // Act
    const first = await receivePageWebhook(deps(), input);
    const again = await receivePageWebhook(deps(), input);

    // Assess
    expect(first).toEqual({ changes: PAGES, duplicates: 0, jobs: PAGES });
    expect(again).toEqual({ changes: PAGES, duplicates: PAGES, jobs: 0 });
    expect(await queueDepth(queue.url)).toBe(PAGES);
  });

  it("processes Meta's redelivery of a delivery whose first attempt never finished enqueuing", async () => {
    // Prepare: the first attempt hangs in the send, as a function frozen by its timeout does.
    const raw = deliveryOf(links.slice(0, 50), Math.floor(Date.now() / 1000) + 5);
    const input = { rawBody: raw, signature: sign(raw), secrets: [SECRET], deliveryId: 'hung' };
    const hung = { ...deps(), queue: { publish: () => new Promise<void>(() => undefined) } };

    // Act
    void receivePageWebhook(hung, input);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const redelivery = await receivePageWebhook(deps(), input);

    // Assess
    expect(redelivery).toEqual({ changes: 50, duplicates: 0, jobs: 50 });
  });

  it("records nothing when the queue refuses the jobs, so Meta's retry is processed in full", async () => {
    // Prepare: a queue that does not exist refuses every send.
    const raw = deliveryOf(links.slice(0, 120), Math.floor(Date.now() / 1000) + 10);
    const input = { rawBody: raw, signature: sign(raw), secrets: [SECRET], deliveryId: 'retry' };
    const broken = {
      ...deps(),
      queue: createJobPublisher({
        client: awsClients().sqs,
        queueUrl: `${queue.url}-missing`,
        maxAttempts: 1,
      }),
    };
    const before = await queueDepth(queue.url);

    // Act
    const failed = receivePageWebhook(broken, input);

    // Assess
    await expect(failed).rejects.toThrow();
    await expect(receivePageWebhook(deps(), input)).resolves.toEqual({
      changes: 120,
      duplicates: 0,
      jobs: 120,
    });
    expect(await queueDepth(queue.url)).toBe(before + 120);
  });
});
