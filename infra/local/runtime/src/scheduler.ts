import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';

/**
 * EventBridge's schedule, locally: invokes the reconciler with a Scheduled Event every `everySeconds`
 * (0 turns the timer off; `runNow()` still works). Runs never overlap: a tick that finds a run in
 * progress is skipped, and `runNow()` waits for the run in progress before starting its own.
 */

interface SchedulerOptions {
  everySeconds: number;
  region: string;
  accountId: string;
  ruleName: string;
  invoke: (event: ScheduledEvent) => Promise<unknown>;
  log: (line: string) => void;
}

interface Scheduler {
  /** Invokes the reconciler now and returns what it returned. */
  runNow(): Promise<unknown>;
  stop(): Promise<void>;
}

/** EventBridge writes times without milliseconds. */
const eventTime = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

const scheduledEvent = (options: SchedulerOptions, now: Date): ScheduledEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: options.accountId,
  time: eventTime(now),
  region: options.region,
  resources: [`arn:aws:events:${options.region}:${options.accountId}:rule/${options.ruleName}`],
  detail: {},
});

const startScheduler = (options: SchedulerOptions): Scheduler => {
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = (): Promise<unknown> => {
    const current = options.invoke(scheduledEvent(options, new Date())).finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };

  const tick = () => {
    if (stopped) return;
    if (!running) {
      run().catch((error: unknown) =>
        options.log(
          `! scheduled ${options.ruleName} failed: ${error instanceof Error ? error.message : String(error)}`
        )
      );
    }
    timer = setTimeout(tick, options.everySeconds * 1000);
  };
  if (options.everySeconds > 0) timer = setTimeout(tick, options.everySeconds * 1000);

  return {
    runNow: async () => {
      while (running) await running.catch(() => undefined);
      return run();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
};

export type { Scheduler };
export { scheduledEvent, startScheduler };
