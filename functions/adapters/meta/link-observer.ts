import type { TandemError } from '../../core/errors.js';
import { mayReadInstagram } from '../../core/linking/instagram.js';
import { META_LINK_FIELDS, type PageWhatsAppRead } from '../../core/linking/meta-link.js';
import type { Grant, InstagramAccount, Link } from '../../core/linking/model.js';
import type { HealthRead } from '../../core/linking/number-health.js';
import type {
  GrantRepository,
  LinkRepository,
  OpenedKey,
  SecretContext,
  TokenVault,
} from '../../core/linking/ports.js';
import type { PageSnapshot, ProfileFields } from '../../core/sync/mapping.js';
import type { LinkObserver, Observation, ObserveOptions } from '../../core/sync/ports.js';
import { WHATSAPP_VERTICALS, type WhatsAppVertical } from '../../core/sync/verticals.js';
import * as z from '../../core/zod.js';
import { asCaller } from '../graph/caller.js';
import {
  type BatchItemResult,
  type BatchRequest,
  type GraphClient,
  GraphError,
  GraphNotFoundError,
  GraphPermissionError,
  GraphRateLimitError,
  GraphTokenError,
  toTandemError,
} from '../graph/index.js';
import {
  accessToken,
  businessProfileResponse,
  healthStatus,
  pagePicture,
  page as pageSchema,
  toHealthRead,
  toPageWhatsAppRead,
} from '../graph/schemas.js';
import { PROFILE_FIELDS } from '../graph/whatsapp.js';

/**
 * The LinkObserver over the Graph client: reads a link's Page (with the Page's own token; Meta's
 * Page <-> number link fields in the same request) and its WhatsApp business profile (with the
 * grant's user token), and, when the link's daily checks are due, its number's health. Links of one
 * grant share one batch request per 50 reads, so a link costs two Graph calls (three on its daily
 * check) but a whole grant only a few round trips.
 *
 * Page tokens live on the link, sealed with the grant's data key: the grant is opened once per batch
 * (one KMS call) and its links' Page tokens open with it, so a run fetches no Page token. A link
 * without one (new, or sealed under a grant since signed in again) gets it fetched in a batch and
 * stored sealed. Picture hashes are cached per picture URL, so an unchanged picture is never
 * downloaded twice in a container.
 */

interface LinkObserverDeps {
  graph: () => Promise<GraphClient>;
  grants: GrantRepository;
  vault: TokenVault;
  /**
   * Where fetched Page tokens are stored, sealed (and dropped when Meta rejects one); without it
   * they are fetched for each read (the read-only routes). Storing is a cache: a failure only means
   * the next read fetches the token again.
   */
  pageTokens?: Pick<LinkRepository, 'storePageToken'>;
}

/** Page fields the mapping reads; the picture at WhatsApp's preferred size, URL only. */
const PAGE_FIELDS = [
  'about',
  'description',
  'emails',
  'website',
  'single_line_address',
  'location',
  'category',
  'category_list',
  'hours',
  'picture.width(640).height(640){url,is_silhouette}',
  // Whether the app still receives the Page's webhooks: the reconciler restores a lost subscription.
  'is_webhooks_subscribed',
  // Meta's own Page <-> number link: no webhook says when it goes, so every read looks.
  ...META_LINK_FIELDS,
];

/** The Page fields without Meta's link ones, for a Page whose token may not read those. */
const PAGE_FIELDS_WITHOUT_LINK = PAGE_FIELDS.filter((field) => !META_LINK_FIELDS.includes(field));

/**
 * The Page's Instagram account, read only with a grant that holds instagram_basic (Meta asks for it;
 * without it the field would fail the whole Page read).
 */
const INSTAGRAM_FIELD = 'instagram_business_account{id,username}';

const instagramField = z.catch(
  z.optional(z.looseObject({ id: z.string(), username: z.optional(z.string()) })),
  undefined
);

/** The picture edge as a Page node field; the Graph adapter's Page schema leaves it loose. */
const pictureField = z.catch(z.optional(pagePicture), undefined);

/** Bounded in-memory caches: a warm container serves many links, but must not grow forever. */
const MAX_CACHED = 2_000;

const remember = <K, V>(cache: Map<K, V>, key: K, value: V): void => {
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
};

const isVertical = (value: string | undefined): value is WhatsAppVertical =>
  value !== undefined && (WHATSAPP_VERTICALS as readonly string[]).includes(value);

/** WhatsApp's profile as the sync compares it; legacy verticals (UNDEFINED, NOT_A_BIZ) read as unset. */
const toProfileFields = (profile: z.output<typeof businessProfileResponse>): ProfileFields => ({
  ...(profile.about !== undefined ? { about: profile.about } : {}),
  ...(profile.description !== undefined ? { description: profile.description } : {}),
  ...(profile.address !== undefined ? { address: profile.address } : {}),
  ...(profile.email !== undefined ? { email: profile.email } : {}),
  ...(profile.websites !== undefined ? { websites: profile.websites } : {}),
  ...(isVertical(profile.vertical) ? { vertical: profile.vertical } : {}),
});

const categoriesOf = (page: z.output<typeof pageSchema>): string[] => [
  ...new Set(
    [page.category, ...(page.category_list ?? []).map((category) => category.name)].filter(
      (name): name is string => typeof name === 'string' && name !== ''
    )
  ),
];

/** What one link's reads came to before the picture is hashed. */
type LinkRead =
  | { kind: 'done'; observation: Observation }
  | { kind: 'failed'; error: GraphError | Error }
  | {
      kind: 'read';
      page: z.output<typeof pageSchema>;
      instagram?: { account?: InstagramAccount };
      pictureUrl?: string;
      whatsapp: ProfileFields;
      metaLink: PageWhatsAppRead;
      health?: HealthRead;
    };

/**
 * Creates the observer.
 *
 * @example
 * const observer = createLinkObserver({ graph: graphClient(), grants, vault });
 * const observation = await observer.observe(link);
 */
const createLinkObserver = (deps: LinkObserverDeps): LinkObserver => {
  /** Picture URL -> sha256 of its bytes. */
  const pictureHashes = new Map<string, string>();
  /** Pages whose token Meta refused the link fields to: read without them, their link unknown. */
  const linkFieldsRefused = new Map<string, string>();

  const secretContext = (link: Link): SecretContext => ({
    tenantId: link.tenantId,
    grantId: link.grantId,
    purpose: 'page_token',
    pageId: link.pageId,
  });

  /**
   * The Page token of each link: opened from the link, or fetched (one batch for the grant's
   * links that lack one) and stored sealed. Failures are recorded per link.
   */
  const pageTokensOf = async (
    client: GraphClient,
    key: OpenedKey,
    links: readonly Link[],
    failed: Map<string, BatchItemResult & { ok: false }>
  ): Promise<Map<string, string>> => {
    const tokens = new Map<string, string>();
    const missing: Link[] = [];
    for (const link of links) {
      const opened = link.pageToken && key.open(link.pageToken, secretContext(link));
      if (opened) tokens.set(link.linkId, opened);
      else missing.push(link);
    }
    if (missing.length === 0) return tokens;
    const { data } = await client.batch(
      key.token,
      missing.map((link) => ({
        method: 'GET',
        relativeUrl: `${encodeURIComponent(link.pageId)}?fields=access_token`,
      }))
    );
    const stores: Promise<void>[] = [];
    missing.forEach((link, index) => {
      const result = data[index];
      if (!result) return;
      if (!result.ok) {
        failed.set(link.linkId, result);
        return;
      }
      const parsed = accessToken.safeParse(result.body);
      // No token means the user lost their role on the Page: read it as gone for this grant.
      if (!parsed.success) {
        failed.set(link.linkId, {
          ok: false,
          code: 404,
          error: new GraphNotFoundError({ message: 'No Page token for this user', status: 404 }),
        });
        return;
      }
      tokens.set(link.linkId, parsed.data.access_token);
      if (deps.pageTokens) {
        stores.push(
          deps.pageTokens.storePageToken(
            link,
            key.seal(parsed.data.access_token, secretContext(link))
          )
        );
      }
    });
    // Storing is a cache: a failure only means the next read fetches the token again.
    await Promise.allSettled(stores);
    return tokens;
  };

  const pageOutcome = (
    result: BatchItemResult | undefined,
    which: 'page' | 'phone_number'
  ): LinkRead | undefined => {
    if (!result) return { kind: 'failed', error: new Error('Graph returned no batch item') };
    if (result.ok) return undefined;
    if (result.error instanceof GraphTokenError)
      return { kind: 'done', observation: { kind: 'token_invalid' } };
    if (result.error instanceof GraphNotFoundError)
      return { kind: 'done', observation: { kind: 'asset_gone', which } };
    return { kind: 'failed', error: result.error };
  };

  const pageRequest = (
    link: Link,
    pageToken: string | undefined,
    readsInstagram: boolean
  ): BatchRequest => ({
    method: 'GET',
    relativeUrl: `${encodeURIComponent(link.pageId)}?fields=${encodeURIComponent(
      [
        ...(linkFieldsRefused.has(link.pageId) ? PAGE_FIELDS_WITHOUT_LINK : PAGE_FIELDS),
        ...(readsInstagram ? [INSTAGRAM_FIELD] : []),
      ].join(',')
    )}`,
    ...(pageToken ? { token: pageToken } : {}),
  });

  /** What Meta said of the Page's link fields in its answer (absent when they were not asked). */
  const metaLinkOf = (link: Link, page: z.output<typeof pageSchema>): PageWhatsAppRead => {
    const refused = linkFieldsRefused.get(link.pageId);
    return refused ? { answered: false, reason: refused } : toPageWhatsAppRead(page);
  };

  /**
   * Reads every link of one grant: the Page and the profile per link, and the health of those whose
   * daily checks are due. A Page whose token may read the Page but not Meta's link fields (a
   * permission error) is read again without them, and its link is `unknown` from then on in this
   * container, rather than its Page going unread.
   */
  const readGrant = (
    client: GraphClient,
    grant: Grant,
    links: readonly Link[],
    options: ObserveOptions
  ): Promise<Map<string, LinkRead>> =>
    deps.vault.withKey(
      grant.token,
      { tenantId: grant.tenantId, grantId: grant.grantId, purpose: 'meta_user_token' },
      async (key) => {
        const out = new Map<string, LinkRead>();
        const tokenFailures = new Map<string, BatchItemResult & { ok: false }>();
        const pageTokens = await pageTokensOf(client, key, links, tokenFailures);
        const readable: Link[] = [];
        for (const link of links) {
          const failure = tokenFailures.get(link.linkId);
          const outcome = failure && pageOutcome(failure, 'page');
          if (outcome) out.set(link.linkId, outcome);
          else readable.push(link);
        }
        if (readable.length === 0) return out;

        const readsInstagram = mayReadInstagram(grant.scopes);
        const requests: BatchRequest[] = [];
        const slots = readable.map((link) => {
          const page =
            requests.push(pageRequest(link, pageTokens.get(link.linkId), readsInstagram)) - 1;
          const profile =
            requests.push({
              method: 'GET',
              relativeUrl: `${encodeURIComponent(link.phoneNumberId)}/whatsapp_business_profile?fields=${PROFILE_FIELDS}`,
            }) - 1;
          const health = options.dailyChecks?.(link)
            ? requests.push({
                method: 'GET',
                relativeUrl: `${encodeURIComponent(link.phoneNumberId)}?fields=health_status`,
              }) - 1
            : undefined;
          return { page, profile, health };
        });
        const { data } = await client.batch(key.token, requests);

        // Pages refused for the link fields: read once more without them.
        const refusedNow = readable.filter((link, index) => {
          const result = data[slots[index]?.page ?? -1];
          return (
            result &&
            !result.ok &&
            result.error instanceof GraphPermissionError &&
            !linkFieldsRefused.has(link.pageId)
          );
        });
        if (refusedNow.length > 0) {
          for (const link of refusedNow) {
            const result = data[slots[readable.indexOf(link)]?.page ?? -1];
            remember(
              linkFieldsRefused,
              link.pageId,
              `Meta refused this Page's WhatsApp fields to its token (${result && !result.ok ? result.error.message : 'permission'}).`
            );
          }
          const retried = await client.batch(
            key.token,
            refusedNow.map((link) => pageRequest(link, pageTokens.get(link.linkId), readsInstagram))
          );
          refusedNow.forEach((link, index) => {
            const slot = slots[readable.indexOf(link)];
            const result = retried.data[index];
            if (slot && result) data[slot.page] = result;
          });
        }

        const stale: Promise<void>[] = [];
        readable.forEach((link, index) => {
          const slot = slots[index];
          const pageResult = slot ? data[slot.page] : undefined;
          const profileResult = slot ? data[slot.profile] : undefined;
          const pageFailure = pageOutcome(pageResult, 'page');
          if (pageFailure) {
            // A stored Page token that stopped working is dropped, so the next read fetches a fresh one.
            if (pageFailure.kind === 'done' && link.pageToken && deps.pageTokens) {
              stale.push(deps.pageTokens.storePageToken(link, undefined));
            }
            out.set(link.linkId, pageFailure);
            return;
          }
          const profileFailure = pageOutcome(profileResult, 'phone_number');
          if (profileFailure) {
            out.set(link.linkId, profileFailure);
            return;
          }
          const page = pageSchema.safeParse(pageResult?.ok ? pageResult.body : undefined);
          const profile = businessProfileResponse.safeParse(
            profileResult?.ok ? profileResult.body : undefined
          );
          if (!page.success || !profile.success) {
            out.set(link.linkId, {
              kind: 'failed',
              error: new GraphError({
                message: `Graph answered a ${page.success ? 'WhatsApp profile' : 'Page'} in an unexpected shape`,
              }),
            });
            return;
          }
          const healthResult = slot?.health === undefined ? undefined : data[slot.health];
          if (
            healthResult &&
            !healthResult.ok &&
            healthResult.error instanceof GraphRateLimitError
          ) {
            out.set(link.linkId, { kind: 'failed', error: healthResult.error });
            return;
          }
          // A health read that failed otherwise leaves the last one standing; the next day retries.
          const health = healthResult?.ok ? healthStatus.safeParse(healthResult.body) : undefined;
          const loose = page.data as Record<string, unknown>;
          const picture = pictureField.parse(loose.picture);
          const account = instagramField.parse(loose.instagram_business_account);
          out.set(link.linkId, {
            kind: 'read',
            page: page.data,
            ...(readsInstagram
              ? {
                  instagram: account
                    ? {
                        account: {
                          id: account.id,
                          ...(account.username ? { username: account.username } : {}),
                        },
                      }
                    : {},
                }
              : {}),
            ...(picture && !picture.data.is_silhouette ? { pictureUrl: picture.data.url } : {}),
            whatsapp: toProfileFields(profile.data),
            metaLink: metaLinkOf(link, page.data),
            ...(health?.success ? { health: toHealthRead(health.data) } : {}),
          });
        });
        await Promise.allSettled(stale);
        return out;
      }
    );

  /** Hashes the picture's bytes, downloading only URLs not seen before in this container. */
  const pictureOf = async (
    client: GraphClient,
    url: string | undefined
  ): Promise<PageSnapshot['picture']> => {
    if (!url) return undefined;
    let sha256 = pictureHashes.get(url);
    if (!sha256) {
      sha256 = (await client.downloadImage(url)).sha256;
      remember(pictureHashes, url, sha256);
    }
    return { url, sha256 };
  };

  const snapshotOf = async (
    client: GraphClient,
    link: Link,
    read: Extract<LinkRead, { kind: 'read' }>,
    options: ObserveOptions
  ): Promise<Observation> => {
    const { page } = read;
    const picture =
      options.pictures === false ? undefined : await pictureOf(client, read.pictureUrl);
    const snapshot: PageSnapshot = {
      pageId: link.pageId,
      ...(page.about !== undefined ? { about: page.about } : {}),
      ...(page.description !== undefined ? { description: page.description } : {}),
      ...(page.emails !== undefined ? { emails: page.emails } : {}),
      ...(page.website !== undefined ? { website: page.website } : {}),
      ...(page.single_line_address !== undefined
        ? { singleLineAddress: page.single_line_address }
        : {}),
      ...(page.location !== undefined ? { location: page.location } : {}),
      categories: categoriesOf(page),
      ...(page.hours !== undefined ? { hours: page.hours } : {}),
      ...(picture ? { picture } : {}),
    };
    return {
      kind: 'observed',
      page: snapshot,
      whatsapp: read.whatsapp,
      ...(page.is_webhooks_subscribed !== undefined
        ? { webhooksSubscribed: page.is_webhooks_subscribed }
        : {}),
      metaLink: read.metaLink,
      ...(read.health ? { health: read.health } : {}),
      ...(read.instagram ? { instagram: read.instagram } : {}),
    };
  };

  /** Groups links by grant: one user token, one set of batches. */
  const byGrant = (links: readonly Link[]): Map<string, Link[]> => {
    const groups = new Map<string, Link[]>();
    for (const link of links) {
      const key = `${link.tenantId}|${link.grantId}`;
      groups.set(key, [...(groups.get(key) ?? []), link]);
    }
    return groups;
  };

  /**
   * Observes links; a rate limit on any read rejects the whole call (every other read would be
   * refused as well), other unexpected failures are returned per link for `observe` to throw.
   */
  const observeAll = async (
    links: readonly Link[],
    options: ObserveOptions = {}
  ): Promise<Map<string, Observation | { kind: 'failed'; error: TandemError }>> => {
    const client = await deps.graph();
    const results = new Map<string, Observation | { kind: 'failed'; error: TandemError }>();
    for (const group of byGrant(links).values()) {
      const first = group[0];
      if (!first) continue;
      const grant = await deps.grants.get(first.tenantId, first.grantId);
      if (!grant) {
        // The grant (and its token) is gone, e.g. after Meta's deauthorize: only a re-link helps.
        for (const link of group) results.set(link.linkId, { kind: 'token_invalid' });
        continue;
      }
      let reads: Map<string, LinkRead>;
      try {
        // A grant's reads count against the breakers as its tenant's: a shard spans tenants.
        reads = await asCaller(first.tenantId, () => readGrant(client, grant, group, options));
      } catch (error) {
        if (error instanceof GraphTokenError) {
          for (const link of group) results.set(link.linkId, { kind: 'token_invalid' });
          continue;
        }
        throw toTandemError(error);
      }
      for (const link of group) {
        const read = reads.get(link.linkId);
        if (!read) continue;
        if (read.kind === 'done') results.set(link.linkId, read.observation);
        else if (read.kind === 'failed') {
          if (read.error instanceof GraphRateLimitError) throw toTandemError(read.error);
          results.set(link.linkId, { kind: 'failed', error: toTandemError(read.error) });
        } else {
          try {
            results.set(link.linkId, await snapshotOf(client, link, read, options));
          } catch (error) {
            if (error instanceof GraphRateLimitError) throw toTandemError(error);
            results.set(link.linkId, { kind: 'failed', error: toTandemError(error) });
          }
        }
      }
    }
    return results;
  };

  return {
    observe: async (link) => {
      const result = (await observeAll([link])).get(link.linkId);
      if (!result) throw toTandemError(new Error(`Link ${link.linkId} could not be observed`));
      if (result.kind === 'failed') throw result.error;
      return result;
    },
    observeMany: async (links, options) => {
      const all = await observeAll(links, options);
      const observed = new Map<string, Observation>();
      for (const [linkId, result] of all)
        if (result.kind !== 'failed') observed.set(linkId, result);
      return observed;
    },
  };
};

export type { LinkObserverDeps };
export { createLinkObserver, PAGE_FIELDS };
