import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** What the small developer scripts (`npm run token`, `npm run sign`) share: usage errors and a main. */

/** The caller's mistake: printed with the usage, exit code 2. */
class UsageError extends Error {}

/** node:util's parseArgs, its errors (unknown option, missing value) turned into usage errors. */
const parseOptions = <T extends ParseArgsConfig>(config: T) => {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
};

/** Whether the module at `url` is the script node was started with (not imported by a test). */
const isMain = (url: string): boolean => {
  const started = process.argv[1];
  return started !== undefined && realpathSync(started) === realpathSync(fileURLToPath(url));
};

/**
 * Runs a script's main: its answer on stdout, a usage error on stderr with exit code 2; --help prints
 * the usage.
 */
const run = (main: (args: string[]) => string | Promise<string>, usage: string): void => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  // A main that throws before it returns a promise is answered the same way as one that rejects.
  Promise.resolve(args)
    .then(main)
    .then(
      (output) => process.stdout.write(`${output}\n`),
      (error: unknown) => {
        if (error instanceof UsageError) {
          process.stderr.write(`${error.message}\n\n${usage}\n`);
          process.exitCode = 2;
          return;
        }
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      }
    );
};

export { isMain, parseOptions, run, UsageError };
