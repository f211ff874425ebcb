import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { Store } from './store.js';

/**
 * The sandbox's state on disk, for a local system that keeps its data across restarts: the Meta
 * side (users, tokens, Pages, numbers, profiles, ad objects) must survive with Tandem's own tables,
 * or every stored grant would name tokens the sandbox forgot. The request and delivery logs are
 * diagnostics and stay behind. V8's serializer keeps Maps, Sets and Buffers as they are.
 */

const LOGS = new Set(['requests', 'deliveries']);

/** The store saved at `path`, or undefined when there is none yet. */
const loadStore = (path: string): Store | undefined => {
  if (!existsSync(path)) return undefined;
  const saved = deserialize(readFileSync(path)) as Partial<Store>;
  // A field added since the file was written keeps its fresh default.
  return Object.assign(new Store(), saved);
};

/** Writes the store to `path` atomically (a crash mid-write leaves the previous file). */
const saveStore = (path: string, store: Store): void => {
  const state = Object.fromEntries(Object.entries(store).filter(([key]) => !LOGS.has(key)));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, serialize(state));
  renameSync(`${path}.tmp`, path);
};

/**
 * Saves the store within `everyMs` of a change (`changed` says whether anything was asked of the
 * sandbox since the last save), and once more on `flush`.
 */
const persistStore = (options: {
  path: string;
  store: () => Store;
  changed: () => boolean;
  everyMs?: number;
}): { flush(): void } => {
  const flush = () => saveStore(options.path, options.store());
  const timer = setInterval(() => {
    if (options.changed()) flush();
  }, options.everyMs ?? 2_000);
  timer.unref();
  return {
    flush: () => {
      clearInterval(timer);
      flush();
    },
  };
};

export { loadStore, persistStore, saveStore };
