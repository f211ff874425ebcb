/** Seconds since the epoch: what DynamoDB's TTL attributes and OAuth expiries are counted in. */
const epochSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export { epochSeconds };
