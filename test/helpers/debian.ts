import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A tool some tests need and a clean CI machine may lack (Chromium, curl). Downloads are not possible
 * here, so Debian's package is installed when we can (root with apt-get); anyone else gets a message
 * that says what to install instead of a failure from deep inside a test.
 */

const apt = (...args: string[]) =>
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });

const ensureDebianPackage = (options: {
  /** Where the tool is expected. */
  path: string;
  /** The Debian package that brings it. */
  pkg: string;
  /** The message for a machine where it cannot be installed. */
  missing: string;
}): void => {
  if (existsSync(options.path)) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) throw new Error(options.missing);
  console.log(`installing Debian ${options.pkg} for the tests`);
  const install = () => apt('install', '-y', '--no-install-recommends', options.pkg);
  try {
    install();
  } catch {
    // Package lists on a fresh machine may be stale or missing; refresh once and try again.
    apt('update');
    install();
  }
};

export { ensureDebianPackage };
