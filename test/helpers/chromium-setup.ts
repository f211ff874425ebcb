import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The e2e project needs a real browser. A clean CI clone has none, and a browser download is not
 * possible here, so Debian's `chromium` package is installed when we can (root with apt-get); anyone
 * else gets a message that says what to install instead of a launch error from deep inside a test.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const apt = (...args: string[]) =>
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });

export default function setup() {
  if (existsSync(chromiumPath)) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error(
      `The browser tests need Chromium at ${chromiumPath}: install it with \`apt-get install chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.`
    );
  }
  console.log('installing Debian chromium for the browser tests');
  const install = () => apt('install', '-y', '--no-install-recommends', 'chromium');
  try {
    install();
  } catch {
    // Package lists on a fresh machine may be stale or missing; refresh once and try again.
    apt('update');
    install();
  }
}
