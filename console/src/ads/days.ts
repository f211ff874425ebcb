/** The days an insights chart shows: the last `count` calendar days in UTC, oldest first. */
const lastDays = (count: number, now: Date = new Date()): string[] => {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, index) =>
    new Date(today - (count - 1 - index) * 86_400_000).toISOString().slice(0, 10)
  );
};

export { lastDays };
