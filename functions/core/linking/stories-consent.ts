/**
 * The story consent a link carries. It lives with linking because the link item holds it (so
 * unlink and Meta's data deletion remove it with the link); the rules that use it are in
 * core/stories.
 */

const STORY_TARGETS = ['facebook', 'instagram'] as const;
type StoryTarget = (typeof STORY_TARGETS)[number];

/**
 * The permissions each target needs beyond what linking asks, requested only when the tenant turns
 * the target on (a second Login for Business configuration):
 * - facebook: pages_manage_posts (https://developers.facebook.com/docs/page-stories-api); the
 *   Page's pages_read_engagement and pages_show_list are already part of linking.
 * - instagram: instagram_basic, instagram_content_publish
 *   (https://developers.facebook.com/documentation/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit).
 */
const TARGET_SCOPES: Record<StoryTarget, readonly string[]> = {
  facebook: ['pages_manage_posts'],
  instagram: ['instagram_basic', 'instagram_content_publish'],
};
const STORY_SCOPES = [...new Set(Object.values(TARGET_SCOPES).flat())];

type TargetSwitches = Record<StoryTarget, boolean>;

/** One change of a link's consent: who turned which targets on or off, and when. */
interface ConsentChange {
  at: string;
  /** The JWT subject of the person who changed it (the tenant id when the token names no one). */
  by: string;
  targets: TargetSwitches;
}

/** Kept on the link item, so unlinking or Meta's data deletion removes it with the link. */
interface StoriesConsent {
  targets: TargetSwitches;
  /** Newest last, at most HISTORY_LIMIT entries. */
  history: ConsentChange[];
}

export type { ConsentChange, StoriesConsent, StoryTarget, TargetSwitches };
export { STORY_SCOPES, STORY_TARGETS, TARGET_SCOPES };
