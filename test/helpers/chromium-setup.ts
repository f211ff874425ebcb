import { ensureDebianPackage } from './debian.js';

/** The e2e project needs a real browser: Debian's `chromium`, installed when it is missing and can be. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default function setup() {
  ensureDebianPackage({
    path: chromiumPath,
    pkg: 'chromium',
    missing: `The browser tests need Chromium at ${chromiumPath}: install it with \`apt-get install chromium\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  });
}
