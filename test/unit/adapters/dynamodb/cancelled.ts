import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** A TransactWriteItems refusal with one reason code per item, as DynamoDB sends it. */
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

export { cancelled };
