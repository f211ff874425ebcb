import type { TableName } from '../../functions/adapters/dynamodb/tables.js';

type TableAccess = 'read' | 'readWrite';

/**
 * What a function may touch. The CDK house function turns each need into an environment variable and
 * a least-privilege grant; the local runtime turns it into the same environment variable.
 */
interface Needs {
  tables?: Partial<Record<TableName, TableAccess>>;
  /** The sync queue: send jobs to it, or consume it (which includes moving letters to its DLQ). */
  syncQueue?: 'send' | 'consume';
  /**
   * Publishes the events its actions cause: PutItem on the events table (nothing else there: no
   * read of other tenants' events or endpoints) and SendMessage to the deliveries queue.
   */
  events?: 'publish';
  /**
   * The deliveries queue: send to it (a test event, a redelivery, a Meta outage's broadcast, which
   * every function that may move a breaker sends), or consume it (the delivery worker, which also
   * sends the next attempt of a failed delivery, and its DLQ).
   */
  deliveriesQueue?: 'send' | 'consume';
  /** The KMS key that wraps token data keys. */
  tokenKey?: 'encrypt' | 'decrypt' | 'encryptDecrypt';
  /** The Meta app secret (signatures, appsecret_proof, token exchange). */
  metaAppSecret?: boolean;
  /** The app's system user token (Resumable Upload sessions for profile pictures). */
  metaSystemUserToken?: boolean;
  /**
   * The story media bucket, under its `stories/` prefix: `presign` signs PUT URLs (s3:PutObject,
   * which a presigned PUT is authorised by), `read` reads objects' heads and signs GET URLs
   * (s3:GetObject), `delete` removes a link's uploads (s3:ListBucket on the prefix, s3:DeleteObject).
   */
  mediaBucket?: 'presign' | 'read' | 'delete';
  /**
   * Readiness probes: a GetItem of the probe key (functions/adapters/aws/probes.ts) on every table, and
   * the sync queue's attributes. The grant is conditioned on the probe key: nothing else is readable.
   */
  probes?: boolean;
}

interface FunctionSpec {
  /** CDK construct id; also names the function in logs and benchmarks. */
  id: string;
  /** Module, from the repository root, that exports `handler`. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  needs: Needs;
  /**
   * Lambda reserved concurrency: at once the most the function may run and what it is always
   * guaranteed. Public functions are capped, so a flood of an unauthenticated route cannot take the
   * account's concurrency from the tenant API, the worker or Meta's webhooks; the webhook receiver
   * is guaranteed its share for the same reason. Unset: the unreserved pool.
   */
  reservedConcurrency?: number;
}

const functions = {
  health: {
    id: 'Health',
    entry: 'functions/http/health.ts',
    description: 'Answers liveness checks with the build and Graph API version.',
    timeoutSeconds: 5,
    memoryMb: 256,
    reservedConcurrency: 5,
    needs: {},
  },
  readiness: {
    id: 'Readiness',
    entry: 'functions/http/health-ready.ts',
    description: 'Answers readiness checks: whether every table and the sync queue answer.',
    timeoutSeconds: 5,
    memoryMb: 256,
    reservedConcurrency: 5,
    needs: { probes: true },
  },
  metaStatus: {
    id: 'MetaStatus',
    entry: 'functions/http/status/get.ts',
    description: "Answers each Meta surface's circuit breaker state (GET /status).",
    timeoutSeconds: 5,
    memoryMb: 256,
    reservedConcurrency: 5,
    needs: { tables: { breakers: 'read' } },
  },
  worker: {
    id: 'SyncWorker',
    entry: 'functions/queue/worker.ts',
    description:
      'Consumes sync, reconcile, statistics, story and WhatsApp account event jobs from the sync queue.',
    timeoutSeconds: 30,
    memoryMb: 512,
    needs: {
      tables: {
        links: 'readWrite',
        idempotency: 'readWrite',
        driftReports: 'readWrite',
        breakers: 'readWrite',
        messageStats: 'readWrite',
      },
      syncQueue: 'consume',
      tokenKey: 'decrypt',
      metaAppSecret: true,
      metaSystemUserToken: true,
      events: 'publish',
      mediaBucket: 'read',
    },
  },
  reconciler: {
    id: 'Reconciler',
    entry: 'functions/schedule/reconciler.ts',
    description:
      'Starts a reconcile run on schedule: fans the links out to the sync queue by shard.',
    timeoutSeconds: 60,
    memoryMb: 512,
    needs: {
      tables: { links: 'read', driftReports: 'readWrite' },
      syncQueue: 'send',
      events: 'publish',
    },
  },
  statsScheduler: {
    id: 'StatsScheduler',
    entry: 'functions/schedule/stats.ts',
    description: 'Starts the daily message statistics pull: one fan-out job per shard.',
    timeoutSeconds: 10,
    memoryMb: 256,
    // The shard jobs read the links in the worker; this only puts them on the queue.
    needs: { syncQueue: 'send' },
  },
  // Linking: OAuth sign-in, choosing a Page and a number, unlinking, and Meta's callbacks.
  oauthStart: {
    id: 'OAuthStart',
    entry: 'functions/http/oauth/start.ts',
    description: "Opens a sign-in with Facebook for the caller's tenant (state + PKCE).",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { oauthState: 'readWrite', quotas: 'readWrite', links: 'read' } },
  },
  settingsOriginsGet: {
    id: 'SettingsOriginsGet',
    entry: 'functions/http/oauth/origins-get.ts',
    description: "Reads the tenant's registered origins.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read' } },
  },
  settingsOriginsPut: {
    id: 'SettingsOriginsPut',
    entry: 'functions/http/oauth/origins-put.ts',
    description: "Replaces the tenant's registered origins (sign-in returnUrls).",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'readWrite' } },
  },
  oauthBegin: {
    id: 'OAuthBegin',
    entry: 'functions/http/oauth/begin.ts',
    description: "Shows the sign-in's first page (the tenant's name) and sets the sign-in cookie.",
    timeoutSeconds: 10,
    memoryMb: 256,
    reservedConcurrency: 10,
    needs: { tables: { oauthState: 'read' } },
  },
  oauthContinue: {
    id: 'OAuthContinue',
    entry: 'functions/http/oauth/continue.ts',
    description: "Binds a sign-in to the browser's cookie and redirects to Meta's login dialog.",
    timeoutSeconds: 10,
    memoryMb: 256,
    reservedConcurrency: 10,
    needs: { tables: { oauthState: 'readWrite' } },
  },
  oauthCallback: {
    id: 'OAuthCallback',
    entry: 'functions/http/oauth/callback.ts',
    description:
      'Completes the Facebook sign-in, seals the grant and shows the Page/number picker.',
    timeoutSeconds: 20,
    memoryMb: 512,
    reservedConcurrency: 10,
    needs: {
      tables: { oauthState: 'readWrite', links: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'encrypt',
      metaAppSecret: true,
      deliveriesQueue: 'send',
    },
  },
  oauthSelect: {
    id: 'OAuthSelect',
    entry: 'functions/http/oauth/select.ts',
    description: 'Links the Page and number chosen in the picker form.',
    timeoutSeconds: 20,
    memoryMb: 512,
    reservedConcurrency: 10,
    needs: {
      tables: { oauthState: 'readWrite', links: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      events: 'publish',
    },
  },
  grantsList: {
    id: 'GrantsList',
    entry: 'functions/http/links/grants-list.ts',
    description: "Lists the tenant's grants (never their tokens).",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read' } },
  },
  grantAssets: {
    id: 'GrantAssets',
    entry: 'functions/http/links/grant-assets.ts',
    description: 'Lists the Pages and WhatsApp numbers a grant reaches.',
    timeoutSeconds: 20,
    memoryMb: 512,
    needs: {
      tables: { links: 'read', quotas: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      deliveriesQueue: 'send',
    },
  },
  corsPreflight: {
    id: 'CorsPreflight',
    entry: 'functions/http/cors/preflight.ts',
    description: "Answers CORS preflights for the tenants' registered origins (when CORS is on).",
    timeoutSeconds: 5,
    memoryMb: 256,
    reservedConcurrency: 10,
    needs: { tables: { links: 'read' } },
  },
  grantDelete: {
    id: 'GrantDelete',
    entry: 'functions/http/links/grant-delete.ts',
    description: 'Deletes an unused grant and its sealed token, and revokes the app on Meta.',
    timeoutSeconds: 20,
    memoryMb: 512,
    needs: {
      tables: { links: 'readWrite', quotas: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      // A Meta call may move a breaker, and the call that moves it announces the outage.
      deliveriesQueue: 'send',
    },
  },
  linkCreate: {
    id: 'LinkCreate',
    entry: 'functions/http/links/create.ts',
    description: 'Links a Page to a WhatsApp number (one each, transactionally unique).',
    timeoutSeconds: 20,
    memoryMb: 512,
    needs: {
      tables: { links: 'readWrite', quotas: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      events: 'publish',
    },
  },
  linksList: {
    id: 'LinksList',
    entry: 'functions/http/links/list.ts',
    description:
      "Lists the tenant's links, filtered by status, sync, drift or Page, with each last sync outcome.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read' } },
  },
  fleetSummary: {
    id: 'FleetSummary',
    entry: 'functions/http/links/summary.ts',
    description: "Counts the tenant's links by status, pause reason, sync and drift class.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read', quotas: 'readWrite' } },
  },
  linksBulkStart: {
    id: 'LinksBulkStart',
    entry: 'functions/http/links/bulk-start.ts',
    description: 'Starts a bulk action (resume, sync on or off) over a filter of links, as a job.',
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: {
      tables: { idempotency: 'readWrite', links: 'read', quotas: 'readWrite' },
      syncQueue: 'send',
    },
  },
  linksBulkGet: {
    id: 'LinksBulkGet',
    entry: 'functions/http/links/bulk-get.ts',
    description: "Reads a bulk action's status and progress.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { idempotency: 'read' } },
  },
  linkGet: {
    id: 'LinkGet',
    entry: 'functions/http/links/get.ts',
    description: "Reads one of the tenant's links.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read' } },
  },
  linkWhatsApp: {
    id: 'LinkWhatsApp',
    entry: 'functions/http/links/whatsapp.ts',
    description:
      "Reads a link's WhatsApp side from Meta now: Meta's Page link and the number's health.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: {
      tables: { links: 'readWrite', quotas: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      // A Meta call may move a breaker, and the call that moves it announces the outage.
      deliveriesQueue: 'send',
    },
  },
  linkMetaLink: {
    id: 'LinkMetaLink',
    entry: 'functions/http/links/meta-link.ts',
    description:
      "Links the Page to the link's number on Meta's side with a code Meta sends to the number.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: {
      tables: { links: 'readWrite', quotas: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      // A Meta call may move a breaker, and the call that moves it announces the outage.
      deliveriesQueue: 'send',
    },
  },
  linkUpdate: {
    id: 'LinkUpdate',
    entry: 'functions/http/links/update.ts',
    description:
      "Changes a link's sync settings under optimistic concurrency; turning sync on enqueues a first sync.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'readWrite' }, syncQueue: 'send' },
  },
  linkDelete: {
    id: 'LinkDelete',
    entry: 'functions/http/links/delete.ts',
    description:
      'Unlinks; deletes unused grant tokens and revokes the app on Meta after the last link.',
    timeoutSeconds: 20,
    memoryMb: 512,
    needs: {
      tables: {
        links: 'readWrite',
        idempotency: 'readWrite',
        messageStats: 'readWrite',
        quotas: 'readWrite',
        breakers: 'readWrite',
      },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      events: 'publish',
      mediaBucket: 'delete',
    },
  },
  metaDeauthorize: {
    id: 'MetaDeauthorize',
    entry: 'functions/http/meta/deauthorize.ts',
    description: "Meta's deauthorize callback: forgets the user's links and grants.",
    timeoutSeconds: 20,
    memoryMb: 256,
    reservedConcurrency: 5,
    needs: {
      tables: {
        links: 'readWrite',
        idempotency: 'readWrite',
        messageStats: 'readWrite',
        metaCallbacks: 'readWrite',
      },
      metaAppSecret: true,
      events: 'publish',
      mediaBucket: 'delete',
    },
  },
  metaDataDeletion: {
    id: 'MetaDataDeletion',
    entry: 'functions/http/meta/data-deletion.ts',
    description: "Meta's data-deletion callback: deletes the user's data, answers a status URL.",
    timeoutSeconds: 20,
    memoryMb: 256,
    reservedConcurrency: 5,
    needs: {
      tables: {
        links: 'readWrite',
        idempotency: 'readWrite',
        messageStats: 'readWrite',
        metaCallbacks: 'readWrite',
      },
      metaAppSecret: true,
      events: 'publish',
      mediaBucket: 'delete',
    },
  },
  metaDataDeletionStatus: {
    id: 'MetaDataDeletionStatus',
    entry: 'functions/http/meta/data-deletion-status.ts',
    description: 'Shows the status page of a data-deletion request.',
    timeoutSeconds: 10,
    memoryMb: 256,
    reservedConcurrency: 5,
    // Its own records only: never the links table, which holds every tenant's sealed tokens.
    needs: { tables: { metaCallbacks: 'read' } },
  },
  // Ads: Click-to-WhatsApp ad creation (one idempotent, resumable operation) and read-back.
  // Stories: consent per link and target, and one story to the Page's Facebook and Instagram stories.
  storyConsentGet: {
    id: 'StoryConsentGet',
    entry: 'functions/http/stories/consent-get.ts',
    description: "Reads a link's story consent and the permissions it still needs.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read' } },
  },
  storyConsentPut: {
    id: 'StoryConsentPut',
    entry: 'functions/http/stories/consent-put.ts',
    description:
      "Turns a link's story cross-posting on or off per target; opens the sign-in for the story permissions.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: {
      tables: {
        links: 'readWrite',
        oauthState: 'readWrite',
        quotas: 'readWrite',
        breakers: 'readWrite',
      },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      deliveriesQueue: 'send',
    },
  },
  storyCreate: {
    id: 'StoryCreate',
    entry: 'functions/http/stories/create.ts',
    description:
      'Queues one story to a link’s Facebook Page and Instagram account (Idempotency-Key).',
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: {
      tables: { links: 'read', idempotency: 'readWrite', quotas: 'readWrite' },
      syncQueue: 'send',
      mediaBucket: 'read',
    },
  },
  storyUploadCreate: {
    id: 'StoryUploadCreate',
    entry: 'functions/http/stories/upload-create.ts',
    description: "Signs a URL that uploads one story photo or video to Tandem's media bucket.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read', quotas: 'readWrite' }, mediaBucket: 'presign' },
  },
  storiesList: {
    id: 'StoriesList',
    entry: 'functions/http/stories/list.ts',
    description: "Lists a link's stories and each target's outcome.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read', idempotency: 'read' } },
  },
  storyGet: {
    id: 'StoryGet',
    entry: 'functions/http/stories/get.ts',
    description: "Reads one story's outcome per target and the ids Meta gave it.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read', idempotency: 'read' } },
  },
  adCreate: {
    id: 'AdCreate',
    entry: 'functions/http/ads/create.ts',
    description:
      'Creates a Click-to-WhatsApp ad (image, campaign, ad set, creative, ad) as one idempotent, resumable operation.',
    // Below the HTTP API's 30 s integration limit; the operation's lease (60 s) outlives it.
    timeoutSeconds: 28,
    memoryMb: 512,
    needs: {
      tables: {
        links: 'read',
        idempotency: 'readWrite',
        quotas: 'readWrite',
        breakers: 'readWrite',
      },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      events: 'publish',
    },
  },
  adImageUpload: {
    id: 'AdImageUpload',
    entry: 'functions/http/ads/image-upload.ts',
    description: "Uploads a JPEG or PNG to the ad account's image library; answers Meta's hash.",
    timeoutSeconds: 20,
    memoryMb: 512,
    needs: {
      tables: { links: 'read', quotas: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      deliveriesQueue: 'send',
    },
  },
  adDsaRecommendations: {
    id: 'AdDsaRecommendations',
    entry: 'functions/http/ads/dsa-recommendations.ts',
    description: "Reads Meta's recommended DSA beneficiary and payor names for an ad account.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: {
      tables: { links: 'read', quotas: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      deliveriesQueue: 'send',
    },
  },
  adGet: {
    id: 'AdGet',
    entry: 'functions/http/ads/get.ts',
    description: "Reads an ad operation's status and the ids it created.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read', idempotency: 'read' } },
  },
  adInsights: {
    id: 'AdInsights',
    entry: 'functions/http/ads/insights.ts',
    description: "Reads an ad's spend, impressions and WhatsApp conversations for a date range.",
    timeoutSeconds: 20,
    memoryMb: 256,
    needs: {
      tables: { links: 'read', idempotency: 'read', quotas: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      deliveriesQueue: 'send',
    },
  },
  // Message statistics: read what the daily pull stored.
  linkStats: {
    id: 'LinkStats',
    entry: 'functions/http/stats/link.ts',
    description: "Reads a link's message statistics and ad results per day or month.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read', messageStats: 'read' } },
  },
  tenantStats: {
    id: 'TenantStats',
    entry: 'functions/http/stats/tenant.ts',
    description: "Sums the message statistics of all the tenant's links per day or month.",
    timeoutSeconds: 20,
    memoryMb: 512,
    needs: { tables: { links: 'read', messageStats: 'read' } },
  },
  // Reconcile: on-demand runs and drift reports (the scheduled reconciler and the worker are above).
  reconcileRunStart: {
    id: 'ReconcileRunStart',
    entry: 'functions/http/reconcile/run-start.ts',
    description:
      "Starts an on-demand reconcile run over the caller's links (202; runs in the worker).",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: {
      tables: { links: 'read', driftReports: 'readWrite' },
      syncQueue: 'send',
      events: 'publish',
    },
  },
  reconcileRunGet: {
    id: 'ReconcileRunGet',
    entry: 'functions/http/reconcile/run-get.ts',
    description: "Reads a reconcile run's status and the caller's drift counts.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { driftReports: 'read' } },
  },
  reconcileRunLatest: {
    id: 'ReconcileRunLatest',
    entry: 'functions/http/reconcile/run-latest.ts',
    description: "Reads the newest reconcile run that covered the caller's links.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { driftReports: 'read' } },
  },
  linkDrift: {
    id: 'LinkDrift',
    entry: 'functions/http/reconcile/link-drift.ts',
    description: "Reads a link's drift history (field-level, per run), newest first.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read', driftReports: 'read' } },
  },
  // Sync: Meta's Page webhooks in, sync now, resume after a pause, sync status.
  webhookVerify: {
    id: 'WebhookVerify',
    entry: 'functions/http/webhooks/verify.ts',
    description: "Answers Meta's webhook subscription handshake (hub.verify_token, constant time).",
    timeoutSeconds: 5,
    memoryMb: 256,
    reservedConcurrency: 2,
    // The verify token is derived from the app secret unless configured.
    needs: { metaAppSecret: true },
  },
  webhookReceive: {
    id: 'WebhookReceive',
    entry: 'functions/http/webhooks/receive.ts',
    description:
      "Receives Meta's signed Page webhooks: verifies, de-duplicates, enqueues one sync per link.",
    // Meta expects an answer within seconds: 1,000 entries take a few dozen batched calls.
    timeoutSeconds: 10,
    memoryMb: 256,
    // Matches the route's 500 requests/s at about 100 ms each, whatever else is flooded.
    reservedConcurrency: 50,
    needs: {
      tables: { links: 'read', idempotency: 'readWrite' },
      syncQueue: 'send',
      metaAppSecret: true,
    },
  },
  syncRequest: {
    id: 'SyncRequest',
    entry: 'functions/http/sync/request.ts',
    description: "Sync now: enqueues a sync job for one of the caller's links (202).",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: {
      tables: { links: 'read', quotas: 'readWrite' },
      syncQueue: 'send',
    },
  },
  whatsappWebhookVerify: {
    id: 'WhatsAppWebhookVerify',
    entry: 'functions/http/webhooks/verify.ts',
    description:
      "Answers Meta's webhook subscription handshake for the WhatsApp Business Account object.",
    timeoutSeconds: 5,
    memoryMb: 256,
    reservedConcurrency: 2,
    needs: { metaAppSecret: true },
  },
  whatsappWebhookReceive: {
    id: 'WhatsAppWebhookReceive',
    entry: 'functions/http/webhooks/receive-whatsapp.ts',
    description:
      "Receives Meta's signed WhatsApp Business Account webhooks: verifies, de-duplicates, enqueues one job per change.",
    timeoutSeconds: 10,
    memoryMb: 256,
    reservedConcurrency: 10,
    needs: {
      tables: { idempotency: 'readWrite' },
      syncQueue: 'send',
      metaAppSecret: true,
    },
  },
  syncResume: {
    id: 'SyncResume',
    entry: 'functions/http/sync/resume.ts',
    description:
      'Resumes a link paused by a direct WhatsApp edit (overwrite or opt the fields out) and enqueues a sync.',
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: {
      tables: { links: 'readWrite', quotas: 'readWrite' },
      syncQueue: 'send',
      events: 'publish',
    },
  },
  syncStatus: {
    id: 'SyncStatus',
    entry: 'functions/http/sync/status.ts',
    description: "Reads a link's sync status: last run, outcome, mapping notes, pause reason.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { links: 'read' } },
  },
  linkProfiles: {
    id: 'LinkProfiles',
    entry: 'functions/http/sync/profiles.ts',
    description: "Reads a link's Page and WhatsApp profile now and compares them field by field.",
    // One Page read and one profile read, each bounded by the Graph client's timeout.
    timeoutSeconds: 20,
    memoryMb: 256,
    needs: {
      tables: { links: 'read', quotas: 'readWrite', breakers: 'readWrite' },
      tokenKey: 'decrypt',
      metaAppSecret: true,
      deliveriesQueue: 'send',
    },
  },
  // Events to the client: webhook endpoints, the events kept for replay, and their delivery.
  webhookEndpointCreate: {
    id: 'WebhookEndpointCreate',
    entry: 'functions/http/events/endpoint-create.ts',
    description: 'Registers a webhook endpoint (URL checked, secret sealed); answers its secret.',
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { events: 'readWrite' }, tokenKey: 'encrypt' },
  },
  webhookEndpointsList: {
    id: 'WebhookEndpointsList',
    entry: 'functions/http/events/endpoints-list.ts',
    description: "Lists the tenant's webhook endpoints (never their secrets).",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { events: 'read' } },
  },
  webhookEndpointGet: {
    id: 'WebhookEndpointGet',
    entry: 'functions/http/events/endpoint-get.ts',
    description: 'Reads one webhook endpoint and its failure count.',
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { events: 'read' } },
  },
  webhookEndpointUpdate: {
    id: 'WebhookEndpointUpdate',
    entry: 'functions/http/events/endpoint-update.ts',
    description: "Changes a webhook endpoint's URL, event types or status.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { events: 'readWrite' } },
  },
  webhookEndpointDelete: {
    id: 'WebhookEndpointDelete',
    entry: 'functions/http/events/endpoint-delete.ts',
    description: 'Deletes a webhook endpoint and its sealed secrets.',
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { events: 'readWrite' } },
  },
  webhookEndpointRotate: {
    id: 'WebhookEndpointRotate',
    entry: 'functions/http/events/endpoint-rotate.ts',
    description:
      "Rotates a webhook endpoint's signing secret (the old one signs on for a grace period).",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { events: 'readWrite' }, tokenKey: 'encrypt' },
  },
  webhookEndpointTest: {
    id: 'WebhookEndpointTest',
    entry: 'functions/http/events/endpoint-test.ts',
    description: 'Queues a signed test event to one webhook endpoint.',
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { events: 'readWrite', quotas: 'readWrite' }, deliveriesQueue: 'send' },
  },
  eventsList: {
    id: 'EventsList',
    entry: 'functions/http/events/events-list.ts',
    description: "Lists the tenant's events, newest first, with their deliveries.",
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { events: 'read' } },
  },
  eventGet: {
    id: 'EventGet',
    entry: 'functions/http/events/event-get.ts',
    description: 'Reads one event and its deliveries.',
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { events: 'read' } },
  },
  eventRedeliver: {
    id: 'EventRedeliver',
    entry: 'functions/http/events/event-redeliver.ts',
    description: 'Queues a kept event for delivery again, freshly signed.',
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: { tables: { events: 'readWrite', quotas: 'readWrite' }, deliveriesQueue: 'send' },
  },
  deliveryWorker: {
    id: 'DeliveryWorker',
    entry: 'functions/queue/deliveries.ts',
    description:
      'Consumes the deliveries queue: fans events out and delivers them signed, with retries.',
    // A batch of ten deliveries runs side by side, each bounded by the 10 s delivery timeout.
    timeoutSeconds: 30,
    memoryMb: 256,
    needs: { tables: { events: 'readWrite' }, deliveriesQueue: 'consume', tokenKey: 'decrypt' },
  },
} as const satisfies Record<string, FunctionSpec>;

type FunctionName = keyof typeof functions;

/** How often the reconciler starts a run in AWS. */
const reconcileSchedule = { rateMinutes: 60 } as const;

/** How often the message statistics pull starts in AWS: Meta's analytics are daily. */
const statsSchedule = { rateMinutes: 24 * 60 } as const;

export type { FunctionName, FunctionSpec, Needs, TableAccess };
export { functions, reconcileSchedule, statsSchedule };
