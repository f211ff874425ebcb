import { describe, expectTypeOf, it } from 'vitest';
import type { AdOperationView } from '../../../functions/core/ads/operation.js';
import type { AdInsights } from '../../../functions/core/ads/read.js';
import type { UnlinkResult } from '../../../functions/core/linking/links.js';
import type { LinkView } from '../../../functions/core/linking/model.js';
import type { ProfileComparison } from '../../../functions/core/reconcile/compare.js';
import type {
  getLinkDriftHistory,
  RequestRunResult,
  RunView,
} from '../../../functions/core/reconcile/reports.js';
import type { LinkStats, TenantStats } from '../../../functions/core/stats/read.js';
import type { ConsentView } from '../../../functions/core/stories/consent.js';
import type { StoryOperationView } from '../../../functions/core/stories/model.js';
import type { UploadView } from '../../../functions/core/stories/uploads.js';
import type { BulkOperationView } from '../../../functions/core/sync/bulk.js';
import type { FleetSummary, LastSync } from '../../../functions/core/sync/fleet.js';
import type { Enqueued } from '../../../functions/core/sync/requests.js';
import type { SyncStatusView } from '../../../functions/core/sync/state.js';
import type * as z from '../../../functions/core/zod.js';
import type * as ads from '../../../functions/http/ads/responses.js';
import type * as links from '../../../functions/http/links/responses.js';
import type * as oauth from '../../../functions/http/oauth/responses.js';
import type * as reconcile from '../../../functions/http/reconcile/responses.js';
import type * as stats from '../../../functions/http/stats/responses.js';
import type * as stories from '../../../functions/http/stories/responses.js';
import type * as sync from '../../../functions/http/sync/responses.js';

/**
 * The OpenAPI response schemas are written apart from the core views they describe; these checks
 * run in the type checker (`npm run lint`) and fail when a view and its schema part. A property that
 * may be undefined is left out of JSON, so it is optional on the wire.
 */
type Wire<T> = T extends (infer Item)[]
  ? Wire<Item>[]
  : T extends object
    ? {
        [K in keyof T as undefined extends T[K] ? never : K]: Wire<T[K]>;
      } & {
        [K in keyof T as undefined extends T[K] ? K : never]?: Wire<Exclude<T[K], undefined>>;
      }
    : T;

type Flat<T> = T extends (infer Item)[]
  ? Flat<Item>[]
  : T extends object
    ? { [K in keyof T]: Flat<T[K]> }
    : T;

type Described<S extends z.ZodMiniType> = Flat<Wire<z.output<S>>>;
type Of<T> = Flat<Wire<T>>;

describe('Response schemas', () => {
  it('describe the views the core answers', () => {
    expectTypeOf<Described<typeof links.linkView>>().toEqualTypeOf<Of<LinkView>>();
    expectTypeOf<Described<typeof links.unlinkResult>>().toEqualTypeOf<Of<UnlinkResult>>();
    expectTypeOf<Described<typeof links.fleetSummary>>().toEqualTypeOf<Of<FleetSummary>>();
    expectTypeOf<Described<typeof links.bulkOperation>>().toEqualTypeOf<Of<BulkOperationView>>();
    expectTypeOf<Described<typeof links.lastSync>>().toEqualTypeOf<Of<LastSync>>();
    expectTypeOf<Described<typeof sync.syncStatus>>().toEqualTypeOf<Of<SyncStatusView>>();
    expectTypeOf<Described<typeof sync.enqueued>>().toEqualTypeOf<Of<Enqueued>>();
    expectTypeOf<Described<typeof sync.resumed>>().toEqualTypeOf<
      Of<Enqueued & { link: LinkView }>
    >();
    expectTypeOf<Described<typeof sync.profileComparison>>().toEqualTypeOf<Of<ProfileComparison>>();
    expectTypeOf<Described<typeof reconcile.runView>>().toEqualTypeOf<Of<RunView>>();
    expectTypeOf<Described<typeof reconcile.runStarted>>().toEqualTypeOf<Of<RequestRunResult>>();
    expectTypeOf<Described<typeof reconcile.driftHistory>>().toEqualTypeOf<
      Of<Awaited<ReturnType<typeof getLinkDriftHistory>>>
    >();
    expectTypeOf<Described<typeof ads.adOperation>>().toEqualTypeOf<Of<AdOperationView>>();
    expectTypeOf<Described<typeof stats.linkStats>>().toEqualTypeOf<Of<LinkStats>>();
    expectTypeOf<Described<typeof stats.tenantStats>>().toEqualTypeOf<Of<TenantStats>>();
    expectTypeOf<Described<typeof ads.adInsights>>().toEqualTypeOf<Of<AdInsights>>();
    expectTypeOf<Described<typeof stories.consentView>>().toEqualTypeOf<Of<ConsentView>>();
    expectTypeOf<Described<typeof stories.storyOperation>>().toEqualTypeOf<
      Of<StoryOperationView>
    >();
    expectTypeOf<Described<typeof stories.storyPage>>().toEqualTypeOf<
      Of<{ items: StoryOperationView[]; nextCursor?: string }>
    >();
    expectTypeOf<Described<typeof stories.storyUpload>>().toEqualTypeOf<Of<UploadView>>();
    expectTypeOf<Described<typeof oauth.signInStarted>>().toEqualTypeOf<{
      authorizeUrl: string;
      expiresAt: string;
    }>();
  });
});
