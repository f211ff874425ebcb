import type { KeyValueStore } from '../auth/session.js';

/**
 * The ads this browser created on a link, so they can be opened again: the API reads an operation
 * by its id (or Idempotency-Key) but has no list of a link's ads yet.
 */

interface RecentAd {
  operationId: string;
  name: string;
  createdAt: string;
}

const LIMIT = 10;

const keyOf = (tenantId: string, linkId: string) => `tandem.ads.${tenantId}.${linkId}`;

const recentAds = (store: KeyValueStore, tenantId: string, linkId: string): RecentAd[] => {
  try {
    const value: unknown = JSON.parse(store.getItem(keyOf(tenantId, linkId)) ?? '[]');
    return Array.isArray(value) ? (value as RecentAd[]) : [];
  } catch {
    return [];
  }
};

const rememberAd = (store: KeyValueStore, tenantId: string, linkId: string, ad: RecentAd): void => {
  const others = recentAds(store, tenantId, linkId).filter(
    (entry) => entry.operationId !== ad.operationId
  );
  store.setItem(keyOf(tenantId, linkId), JSON.stringify([ad, ...others].slice(0, LIMIT)));
};

export type { RecentAd };
export { recentAds, rememberAd };
