import type { TandemError } from '../../core/errors.js';
import { openGrantToken } from '../../core/linking/grants.js';
import { mayReadInstagram } from '../../core/linking/instagram.js';
import type { Grant, InstagramAccount, Link } from '../../core/linking/model.js';
import type { GrantRepository, TokenVault } from '../../core/linking/ports.js';
import type { PageSnapshot, ProfileFields } from '../../core/sync/mapping.js';
import type { LinkObserver, Observation } from '../../core/sync/ports.js';
import { WHATSAPP_VERTICALS, type WhatsAppVertical } from '../../core/sync/verticals.js';
import * as z from '../../core/zod.js';
import { asCaller } from '../graph/caller.js';
import {
  type BatchItemResult,
  type BatchRequest,
  type GraphClient,
  GraphError,
  GraphNotFoundError,
  GraphRateLimitError,
  GraphTokenError,
  toTandemError,
} from '../graph/index.js';
import {
  accessToken,
  businessProfileResponse,
  pagePicture,
  page as pageSchema,
} from '../graph/schemas.js';
import { PROFILE_FIELDS } from '../graph/whatsapp.js';

/**
 * The LinkObserver over the Graph client: reads a link's Page (with the Page's own token) and its
 * WhatsApp business profile (with the grant's user token). Links of one grant share one batch
 * request per 50 reads, so a link costs two Graph calls but a whole grant only a few round trips.
 *
 * Page tokens are fetched once per cold start (`/{page-id}?fields=access_token`, batched too) and
 * cached; so are picture hashes per picture URL, so an unchanged picture is never downloaded twice.
 */

interface LinkObserverDeps {
  graph: () => Promise<GraphClient>;
  grants: GrantRepository;
  vault: TokenVault;
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
];

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
    };

/**
 * Creates the observer.
 *
 * @example
 * const observer = createLinkObserver({ graph: graphClient(), grants, vault });
 * const observation = await observer.observe(link);
 */
const createLinkObserver = (deps: LinkObserverDeps): LinkObserver => {
  /** `tenant|grant|page` -> Page token. */
  const pageTokens = new Map<string, string>();
  /** Picture URL -> sha256 of its bytes. */
  const pictureHashes = new Map<string, string>();

  const tokenKey = (link: Link) => `${link.tenantId}|${link.grantId}|${link.pageId}`;

  /** Fetches the Page tokens this grant's links lack; failures are recorded per link. */
  const fetchPageTokens = async (
    client: GraphClient,
    userToken: string,
    links: readonly Link[],
    failed: Map<string, BatchItemResult & { ok: false }>
  ): Promise<void> => {
    const missing = links.filter((link) => !pageTokens.has(tokenKey(link)));
    if (missing.length === 0) return;
    const { data } = await client.batch(
      userToken,
      missing.map((link) => ({
        method: 'GET',
        relativeUrl: `${encodeURIComponent(link.pageId)}?fields=access_token`,
      }))
    );
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
      remember(pageTokens, tokenKey(link), parsed.data.access_token);
    });
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

  /** Reads every link of one grant: two batch items per link. */
  const readGrant = async (
    client: GraphClient,
    grant: Grant,
    links: readonly Link[]
  ): Promise<Map<string, LinkRead>> => {
    const out = new Map<string, LinkRead>();
    const userToken = await openGrantToken(deps, grant);
    const tokenFailures = new Map<string, BatchItemResult & { ok: false }>();
    await fetchPageTokens(client, userToken, links, tokenFailures);
    const readable: Link[] = [];
    for (const link of links) {
      const failure = tokenFailures.get(link.linkId);
      const outcome = failure && pageOutcome(failure, 'page');
      if (outcome) out.set(link.linkId, outcome);
      else readable.push(link);
    }
    if (readable.length === 0) return out;

    const readsInstagram = mayReadInstagram(grant.scopes);
    const fields = [...PAGE_FIELDS, ...(readsInstagram ? [INSTAGRAM_FIELD] : [])].join(',');
    const requests: BatchRequest[] = [];
    for (const link of readable) {
      const pageToken = pageTokens.get(tokenKey(link));
      requests.push(
        {
          method: 'GET',
          relativeUrl: `${encodeURIComponent(link.pageId)}?fields=${encodeURIComponent(fields)}`,
          ...(pageToken ? { token: pageToken } : {}),
        },
        {
          method: 'GET',
          relativeUrl: `${encodeURIComponent(link.phoneNumberId)}/whatsapp_business_profile?fields=${PROFILE_FIELDS}`,
        }
      );
    }
    const { data } = await client.batch(userToken, requests);
    readable.forEach((link, index) => {
      const pageResult = data[index * 2];
      const profileResult = data[index * 2 + 1];
      const pageFailure = pageOutcome(pageResult, 'page');
      if (pageFailure) {
        // A Page token that stopped working is dropped, so a re-link starts from a fresh one.
        if (pageFailure.kind === 'done') pageTokens.delete(tokenKey(link));
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
      });
    });
    return out;
  };

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
    read: Extract<LinkRead, { kind: 'read' }>
  ): Promise<Observation> => {
    const { page } = read;
    const picture = await pictureOf(client, read.pictureUrl);
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
    links: readonly Link[]
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
        reads = await asCaller(first.tenantId, () => readGrant(client, grant, group));
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
            results.set(link.linkId, await snapshotOf(client, link, read));
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
    observeMany: async (links) => {
      const all = await observeAll(links);
      const observed = new Map<string, Observation>();
      for (const [linkId, result] of all)
        if (result.kind !== 'failed') observed.set(linkId, result);
      return observed;
    },
  };
};

export type { LinkObserverDeps };
export { createLinkObserver, PAGE_FIELDS };
