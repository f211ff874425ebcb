import { httpRoute } from '../../adapters/http/route.js';
import { outageGuard } from '../../adapters/wiring/shared.js';
import type { SurfaceView } from '../../core/outages/breaker.js';
import { metaStatusRoute } from './routes.js';

const guard = outageGuard();

/** Answers are reused this long, so a flood of polls costs four reads per 5 s, not per request. */
const CACHE_MS = 5_000;
let cached: { at: number; surfaces: SurfaceView[] } | undefined;

/**
 * GET /status (public): each Meta surface as Tandem's breakers see it (closed, open, half-open,
 * since when, and when calls are tried again). It names no tenant and reads only the breakers table.
 */
export const handler = httpRoute(metaStatusRoute, async () => {
  if (!cached || Date.now() - cached.at > CACHE_MS) {
    cached = { at: Date.now(), surfaces: await guard.status() };
  }
  const { surfaces } = cached;
  return {
    status: 200,
    headers: { 'cache-control': 'public, max-age=5' },
    json: {
      status: surfaces.every((surface) => surface.status === 'closed') ? 'ok' : 'degraded',
      checkedAt: new Date(cached.at).toISOString(),
      surfaces,
    },
  };
});
