import { redact } from './redact.js';

/**
 * A small structured logger: one JSON object per line, which CloudWatch Logs Insights can query.
 * Tokens and secrets never reach a log line: every entry goes through `redact` (by key and by the
 * shape of the value, at any depth), so a careless `logger.info('x', { grant })` cannot leak a token.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<Level | 'silent', number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
  child(context: Record<string, unknown>): Logger;
}

const levelFromEnv = (): Level | 'silent' => {
  const level = process.env.LOG_LEVEL?.toLowerCase();
  return level && level in ORDER ? (level as Level | 'silent') : 'info';
};

const createLogger = (
  context: Record<string, unknown> = {},
  threshold: Level | 'silent' = levelFromEnv(),
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)
): Logger => {
  const log = (level: Level, message: string, data?: Record<string, unknown>): void => {
    if (ORDER[level] < ORDER[threshold]) return;
    const entry = { level, time: new Date().toISOString(), message, ...context, ...data };
    write(JSON.stringify(redact(entry)));
  };
  return {
    debug: (message, data) => log('debug', message, data),
    info: (message, data) => log('info', message, data),
    warn: (message, data) => log('warn', message, data),
    error: (message, data) => log('error', message, data),
    child: (more) => createLogger({ ...context, ...more }, threshold, write),
  };
};

const logger = createLogger({ service: 'tandem' });

export type { Logger };
export { createLogger, logger };
