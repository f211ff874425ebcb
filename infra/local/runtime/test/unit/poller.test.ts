import { describe, expect, it } from 'vitest';
import { failedMessageIds, toRecord } from '../../src/poller.js';

const ids = ['m1', 'm2', 'm3'];

describe('Poller: partial batch response', () => {
  it('treats no response, an empty list or a null list as complete success', () => {
    // Act
    const results = [
      failedMessageIds(undefined, ids),
      failedMessageIds(null, ids),
      failedMessageIds({}, ids),
      failedMessageIds({ batchItemFailures: [] }, ids),
      failedMessageIds({ batchItemFailures: null }, ids),
    ];

    // Assess
    for (const failed of results) expect([...failed]).toEqual([]);
  });

  it('fails only the records it names', () => {
    // Act
    const failed = failedMessageIds({ batchItemFailures: [{ itemIdentifier: 'm2' }] }, ids);

    // Assess
    expect([...failed]).toEqual(['m2']);
  });

  it('fails the whole batch on an unknown, empty or missing itemIdentifier or a bad key', () => {
    // Act
    const results = [
      failedMessageIds({ batchItemFailures: [{ itemIdentifier: 'other' }] }, ids),
      failedMessageIds({ batchItemFailures: [{ itemIdentifier: '' }] }, ids),
      failedMessageIds({ batchItemFailures: [{ itemIdentifier: null }] }, ids),
      failedMessageIds({ batchItemFailures: [{ messageId: 'm1' }] }, ids),
      failedMessageIds({ batchItemFailures: 'm1' }, ids),
      failedMessageIds('ok', ids),
    ];

    // Assess
    for (const failed of results) expect([...failed].sort()).toEqual(ids);
  });
});

describe('Poller: SQS record', () => {
  it('presents a message as Lambda does', () => {
    // Act
    const record = toRecord(
      {
        MessageId: 'm1',
        ReceiptHandle: 'rh',
        Body: '{}',
        MD5OfBody: '99914b932bd37a50b983c5e7c90ae93b',
        Attributes: { ApproximateReceiveCount: '2', SentTimestamp: '1' },
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'sync' },
          blob: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2]) },
        },
      },
      'arn:aws:sqs:us-east-1:123456789012:q',
      'us-east-1'
    );

    // Assess
    expect(record).toEqual({
      messageId: 'm1',
      receiptHandle: 'rh',
      body: '{}',
      attributes: { ApproximateReceiveCount: '2', SentTimestamp: '1' },
      messageAttributes: {
        kind: {
          stringValue: 'sync',
          stringListValues: [],
          binaryListValues: [],
          dataType: 'String',
        },
        blob: {
          binaryValue: 'AQI=',
          stringListValues: [],
          binaryListValues: [],
          dataType: 'Binary',
        },
      },
      md5OfBody: '99914b932bd37a50b983c5e7c90ae93b',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:q',
      awsRegion: 'us-east-1',
    });
  });
});
