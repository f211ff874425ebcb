import type { Context } from 'aws-lambda';

/** A Lambda context with `remainingMs` left before the function's timeout, as Lambda counts it. */
const contextWith = (remainingMs: number, awsRequestId = 'req-test'): Context => {
  const deadline = Date.now() + remainingMs;
  return {
    awsRequestId,
    getRemainingTimeInMillis: () => deadline - Date.now(),
  } as unknown as Context;
};

export { contextWith };
