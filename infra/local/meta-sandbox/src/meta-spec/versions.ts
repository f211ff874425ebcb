/**
 * Graph API versions, from Meta's changelog (https://developers.facebook.com/docs/graph-api/changelog):
 * v26.0 is the newest (2026-07-29); v20.0 is the oldest still available (until 2026-09-24). A call to an
 * expired version is served by the oldest available one
 * (https://developers.facebook.com/docs/apps/versions); a version that never existed is refused.
 */
const AVAILABLE_VERSIONS = ['v20.0', 'v21.0', 'v22.0', 'v23.0', 'v24.0', 'v25.0', 'v26.0'] as const;
const NEWEST_VERSION = 'v26.0';
const OLDEST_AVAILABLE = 'v20.0';

/** `v24.0` -> 24.0; NaN for anything else. */
const versionNumber = (version: string): number => {
  const match = /^v(\d+)\.(\d+)$/.exec(version);
  return match ? Number(match[1]) + Number(match[2]) / 10 : Number.NaN;
};

/**
 * Every version Meta ever released: v1.0, v2.0-v2.12, then v3.0-v3.3, v4.0 and v5.0 onwards in whole
 * versions (the changelog's archive).
 */
const everReleased = (version: string): boolean => {
  const match = /^v(\d+)\.(\d+)$/.exec(version);
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major === 1) return minor === 0;
  if (major === 2) return minor <= 12;
  if (major === 3) return minor <= 3;
  return major >= 4 && minor === 0 && versionNumber(version) <= versionNumber(NEWEST_VERSION);
};

/** The version that serves a call made with `version`, or undefined when it never existed. */
const servingVersion = (version: string): string | undefined => {
  if (!everReleased(version)) return undefined;
  return versionNumber(version) < versionNumber(OLDEST_AVAILABLE) ? OLDEST_AVAILABLE : version;
};

/** Whether `version` is `since` or newer. */
const atLeast = (version: string, since: string): boolean =>
  versionNumber(version) >= versionNumber(since);

export { AVAILABLE_VERSIONS, atLeast, NEWEST_VERSION, servingVersion, versionNumber };
