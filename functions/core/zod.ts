import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod for everything that ships in a Lambda: import it as `import * as z from '.../core/zod.js'`.
 * zod/mini keeps bundles small (classic zod's methods cannot be tree-shaken), but it configures no
 * locale, so every issue would read "Invalid input"; the HTTP API returns issue messages to callers,
 * so they stay English. Taking zod from here makes the locale set before any schema exists.
 * Re-exported with `export *`, not as a namespace object, so the bundler still drops what is unused;
 * `z.locales` would bundle every language.
 */
config(en());

export * from 'zod/mini';
