/**
 * Generated from docs/openapi.json by `npm run console:types`: do not edit by hand.
 * test/unit/console/api-types.test.ts fails when it is stale.
 */
export interface paths {
    "/links/{linkId}/ads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a Click-to-WhatsApp ad (Idempotency-Key required) */
        post: operations["adCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/ads/dsa-recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meta's recommended DSA beneficiary and payor names for an ad account */
        get: operations["adDsaRecommendations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/ads/{operationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an ad operation by operation id or Idempotency-Key */
        get: operations["adGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/ads/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an ad image (the JPEG or PNG as the body); answers Meta's image hash */
        post: operations["adImageUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/ads/{operationId}/insights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an ad's spend, impressions and WhatsApp conversations */
        get: operations["adInsights"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An event and its deliveries */
        get: operations["eventGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/{eventId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver a kept event again, freshly signed (202) */
        post: operations["eventRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's events, newest first, with their deliveries */
        get: operations["eventsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tenant's webhook endpoints */
        get: operations["webhookEndpointsList"];
        put?: never;
        /** Register a webhook endpoint; answers its signing secret (shown once) */
        post: operations["webhookEndpointCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a webhook endpoint */
        get: operations["webhookEndpointGet"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint */
        delete: operations["webhookEndpointDelete"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint's URL, event types or status (enable again) */
        patch: operations["webhookEndpointUpdate"];
        trace?: never;
    };
    "/webhook-endpoints/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a webhook endpoint's signing secret; answers the new one */
        post: operations["webhookEndpointRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{endpointId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed test event to a webhook endpoint (202) */
        post: operations["webhookEndpointTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Count the tenant's links by status, pause reason, sync and drift class */
        get: operations["fleetSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grants/{grantId}/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the Pages, WhatsApp numbers and ad accounts a grant reaches */
        get: operations["grantAssets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grants/{grantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a sign-in no link uses (409 while links use it) and revoke it on Meta; 404 once gone */
        delete: operations["grantDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tenant's grants */
        get: operations["grantsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List links, filtered by status or pause reason, sync, drift class and Page */
        get: operations["linksList"];
        put?: never;
        /** Create a link */
        post: operations["linkCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a link */
        get: operations["linkGet"];
        put?: never;
        post?: never;
        /** Unlink */
        delete: operations["linkDelete"];
        options?: never;
        head?: never;
        /** Change a link's sync settings */
        patch: operations["linkUpdate"];
        trace?: never;
    };
    "/links/{linkId}/meta-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Link the Page to the number on Meta's side: {} sends a code, { code } confirms */
        put: operations["linkMetaLink"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/whatsapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The link's WhatsApp side read from Meta now: Meta's Page link, the number's health */
        get: operations["linkWhatsApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/bulk/{operationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bulk action's status and progress */
        get: operations["linksBulkGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume, or turn sync on or off for, every link of a filter; 202 with the operation */
        post: operations["linksBulkStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/data-deletion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Meta's data-deletion callback
         * @description Public route: Called by Meta for a data-deletion request; Meta cannot send a JWT, so the HMAC-SHA256 signed_request (app secret) authenticates it.
         */
        post: operations["metaDataDeletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/data-deletion/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Data-deletion status page
         * @description Public route: Meta shows this status URL to the user, who opens it in a browser without a JWT; it reveals only counts and times for an unguessable 128-bit confirmation code.
         */
        get: operations["metaDataDeletionStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meta/deauthorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Meta's deauthorize callback
         * @description Public route: Called by Meta when a user removes the app; Meta cannot send a JWT, so the HMAC-SHA256 signed_request (app secret) authenticates it.
         */
        post: operations["metaDeauthorize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/begin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign-in's first page: names the tenant, sets the browser's sign-in cookie
         * @description Public route: The client app sends the user's browser here, which carries no JWT; it only shows the tenant's name for a single-use, 10-minute OAuth state and sets an HttpOnly SameSite cookie, changing nothing.
         */
        get: operations["oauthBegin"];
        put?: never;
        /**
         * Begin page's form: binds the sign-in to the browser, redirects to Meta's dialog
         * @description Public route: Posted by the user's browser from Tandem's own begin page, which has no JWT; it needs the single-use OAuth state and the browser's SameSite sign-in cookie, and binds the state to that browser once.
         */
        post: operations["oauthContinue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * OAuth redirect URI: completes the sign-in, shows the Page/number picker
         * @description Public route: Meta's login dialog redirects the user's browser here, which carries no JWT; the request is bound to its tenant by a single-use, 10-minute OAuth state plus PKCE, and to the browser that began it by its sign-in cookie.
         */
        get: operations["oauthCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/select": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Picker form post: links the chosen Page and number
         * @description Public route: Posted by the user's browser from Tandem's own picker page, which has no JWT; authorised by a single-use, tenant-bound selection id that expires in 15 minutes, together with the sign-in cookie of the browser that signed in.
         */
        post: operations["oauthSelect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/oauth/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a sign-in with Facebook ({ returnUrl? }); answers the begin URL for the user's browser */
        post: operations["oauthStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/origins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's registered origins (where a sign-in may return the browser) */
        get: operations["settingsOriginsGet"];
        /** Replace the tenant's registered origins */
        put: operations["settingsOriginsPut"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A link's drift history, field by field, newest first */
        get: operations["linkDrift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reconcile/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reconcile run's status and the caller's drift counts */
        get: operations["reconcileRunGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reconcile/runs/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest reconcile run that covered the caller's links */
        get: operations["reconcileRunLatest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reconcile/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reconcile the caller's links (or one) now; 202 with the run to poll */
        post: operations["reconcileRunStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A link's messages sent, delivered and priced, and its ads' results, per day or month */
        get: operations["linkStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The message statistics of all the tenant's links, summed per day or month */
        get: operations["tenantStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness check
         * @description Public route: Liveness probe for uptime monitors and deploy checks; returns only build and API versions, no tenant data.
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each Meta surface as Tandem sees it: its breaker's state, since when, and when calls resume
         * @description Public route: Outage status for status pages and clients deciding when to retry; names no tenant, reads only the breakers table, and caches its answer for 5 seconds.
         */
        get: operations["metaStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness check: 503 naming any table or queue that does not answer
         * @description Public route: Readiness probe for monitors and deploy checks; answers only ok/down per dependency, reads nothing but a probe key no item has, and caches its answer for 5 seconds.
         */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/stories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A link's stories and each target's outcome */
        get: operations["storiesList"];
        put?: never;
        /** Publish one story to the Page and its Instagram account (Idempotency-Key; 202) */
        post: operations["storyCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/stories/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A link's story consent per target, its history, and the permissions still missing */
        get: operations["storyConsentGet"];
        /** Turn story cross-posting on or off per target (off by default) */
        put: operations["storyConsentPut"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/stories/{operationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One story's outcome per target, by operation id or Idempotency-Key */
        get: operations["storyGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/stories/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A signed URL that uploads one story photo or video to Tandem's store (201) */
        post: operations["storyUploadCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The link's Page and WhatsApp profile now, side by side, with the differences */
        get: operations["linkProfiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A link's sync status: last run, outcome, notes, pause reason */
        get: operations["syncStatus"];
        put?: never;
        /** Sync now: enqueue a sync of the link (202 with the job id) */
        post: operations["syncRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/links/{linkId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a link paused by a direct WhatsApp edit ({ overwrite }) */
        post: operations["syncResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Meta's webhook subscription handshake
         * @description Public route: Meta calls this subscription handshake without a JWT; it only echoes hub.challenge when hub.verify_token matches (constant-time compare) and reveals no data.
         */
        get: operations["webhookVerify"];
        put?: never;
        /**
         * Meta's Page webhooks: enqueue a sync for each link of the Page
         * @description Public route: Meta delivers Page webhooks without a JWT; every request is authenticated by an HMAC-SHA256 X-Hub-Signature-256 over the raw body with the app secret (401 otherwise), bounded to 256 KB, and de-duplicated.
         */
        post: operations["webhookReceive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/whatsapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Meta's webhook subscription handshake (WhatsApp Business Account object)
         * @description Public route: Meta calls this subscription handshake without a JWT; it only echoes hub.challenge when hub.verify_token matches (constant-time compare) and reveals no data.
         */
        get: operations["whatsappWebhookVerify"];
        put?: never;
        /**
         * Meta's WhatsApp Business Account webhooks: a number's connection, alerts, name and quality
         * @description Public route: Meta delivers WABA webhooks without a JWT; every request is authenticated by an HMAC-SHA256 X-Hub-Signature-256 over the raw body with the app secret (401 otherwise), bounded to 256 KB, and de-duplicated.
         */
        post: operations["whatsappWebhookReceive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "link.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A Page was linked to a WhatsApp number (POST /links or the sign-in picker).
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.link.created"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "link.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A link was removed: unlinked, or Meta's deauthorize or data-deletion callback.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.link.deleted"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "link.paused": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sync paused for a link: a direct edit on WhatsApp (`local_override`, with the fields), Meta no longer accepting the access (`token_invalid`), or the number no longer on the Cloud API (`whatsapp_disconnected`).
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.link.paused"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "link.resumed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A paused link was resumed (POST /links/{id}/resume).
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.link.resumed"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "link.meta_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The WhatsApp side of a link changed on Meta (the Page's WhatsApp button, the number's state).
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.link.meta_changed"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sync.applied": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A sync wrote the Page's values to the WhatsApp profile.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.sync.applied"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sync.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A sync failed for good: it cannot succeed (the Page or number is gone, Meta refused the write), or every attempt failed and the job was dead-lettered.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.sync.failed"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "drift.detected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A reconcile run found a link out of step (one event per link and run).
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.drift.detected"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "reconcile.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A reconcile run finished, with the tenant's own counts: its on-demand run, or a scheduled run that covered its links.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.reconcile.completed"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "ad.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A Click-to-WhatsApp ad operation created every object.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.ad.completed"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "ad.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A Click-to-WhatsApp ad operation failed for good; what was created is cleaned up.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.ad.failed"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "grant.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A sign-in's access ended: revoked by Tandem after the last unlink, or by Meta.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.grant.revoked"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "meta.outage.started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tandem sees a Meta surface down; work on it waits.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.meta.outage.started"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "meta.outage.ended": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The Meta surface is back; waiting work resumes.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.meta.outage.ended"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "story.published": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A story reached one target: the Page's Facebook or Instagram stories.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.story.published"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "story.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A story could not be posted to one target, for good (the code says why).
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.story.failed"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "endpoint.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One of the tenant’s endpoints was disabled after failing every delivery for too long.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.endpoint.disabled"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "endpoint.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A test delivery asked for with POST /webhook-endpoints/{id}/test.
         * @description Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off. */
                    "tandem-signature": string;
                    /** @description The event id (also `id` in the body): de-duplicate on it. */
                    "tandem-event-id": string;
                    /** @description The event type (also `type` in the body). */
                    "tandem-event-type": string;
                    /** @description Which attempt this is, from 1. */
                    "tandem-delivery-attempt": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Event.endpoint.test"];
                };
            };
            responses: {
                /** @description Received */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        Error: {
            error: {
                /** @description Stable machine-readable code, e.g. link_not_found. */
                code: string;
                /** @description What was wrong and how to fix it. */
                message: string;
                /** @description On a 429: the limit hit, as the route's x-limits name it (a quota, reconcile_cooldown, meta_rate_limit). */
                limit?: string;
                details?: Record<string, never>;
                requestId: string;
            };
        };
        "Event.link.created": {
            id: string;
            /** @constant */
            type: "link.created";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                grantId: string;
                pageId: string;
                pageName: string;
                wabaId: string;
                phoneNumberId: string;
                displayPhoneNumber: string;
            };
        };
        "Event.link.deleted": {
            id: string;
            /** @constant */
            type: "link.deleted";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                pageId: string;
                phoneNumberId: string;
                /** @enum {string} */
                cause: "unlinked" | "meta_deauthorized" | "meta_data_deletion";
            };
        };
        "Event.link.paused": {
            id: string;
            /** @constant */
            type: "link.paused";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                /** @enum {string} */
                reason: "local_override" | "token_invalid" | "whatsapp_disconnected";
                since: string;
                fields: {
                    field: string;
                    expected?: unknown;
                    actual?: unknown;
                }[];
                message: string;
            };
        };
        "Event.link.resumed": {
            id: string;
            /** @constant */
            type: "link.resumed";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                overwrite: boolean;
                optedOutFields: string[];
            };
        };
        "Event.link.meta_changed": {
            id: string;
            /** @constant */
            type: "link.meta_changed";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                state: string;
                previous?: string;
                details?: {
                    [key: string]: unknown;
                };
            };
        };
        "Event.sync.applied": {
            id: string;
            /** @constant */
            type: "sync.applied";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                /** @enum {string} */
                trigger: "webhook" | "manual" | "reconcile" | "whatsapp_event" | "enabled";
                changedFields: ("about" | "description" | "address" | "email" | "websites" | "vertical" | "profilePicture")[];
                at: string;
            };
        };
        "Event.sync.failed": {
            id: string;
            /** @constant */
            type: "sync.failed";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                /** @enum {string} */
                trigger: "webhook" | "manual" | "reconcile" | "whatsapp_event" | "enabled";
                code: string;
                reason: string;
                at: string;
            };
        };
        "Event.drift.detected": {
            id: string;
            /** @constant */
            type: "drift.detected";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                runId: string;
                linkId: string;
                /** @enum {string} */
                class: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number";
                fields: string[];
                /** @enum {string} */
                action: "enqueue_sync" | "restore_subscription" | "report_only";
                paused: boolean;
            };
        };
        "Event.reconcile.completed": {
            id: string;
            /** @constant */
            type: "reconcile.completed";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                runId: string;
                linksChecked: number;
                drift: {
                    [key: string]: number;
                };
                errors: number;
                syncsEnqueued: number;
                startedAt: string;
                finishedAt: string;
            };
        };
        "Event.ad.completed": {
            id: string;
            /** @constant */
            type: "ad.completed";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                operationId: string;
                campaignId?: string;
                adSetId?: string;
                creativeId?: string;
                adId?: string;
                adStatus: string;
            };
        };
        "Event.ad.failed": {
            id: string;
            /** @constant */
            type: "ad.failed";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                operationId: string;
                code: string;
                message: string;
                cleanedUp: number;
                leftBehind: number;
            };
        };
        "Event.grant.revoked": {
            id: string;
            /** @constant */
            type: "grant.revoked";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                grantId: string;
                /** @enum {string} */
                cause: "unlinked" | "meta_deauthorized" | "meta_data_deletion";
            };
        };
        "Event.meta.outage.started": {
            id: string;
            /** @constant */
            type: "meta.outage.started";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                /** @enum {string} */
                surface: "pages" | "whatsapp" | "marketing" | "login";
                since: string;
                retryAt?: string;
            };
        };
        "Event.meta.outage.ended": {
            id: string;
            /** @constant */
            type: "meta.outage.ended";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                /** @enum {string} */
                surface: "pages" | "whatsapp" | "marketing" | "login";
                endedAt: string;
            };
        };
        "Event.story.published": {
            id: string;
            /** @constant */
            type: "story.published";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                operationId: string;
                /** @enum {string} */
                target: "facebook" | "instagram";
                publishedId?: string;
                publishedAt: string;
            };
        };
        "Event.story.failed": {
            id: string;
            /** @constant */
            type: "story.failed";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                linkId: string;
                operationId: string;
                /** @enum {string} */
                target: "facebook" | "instagram";
                code: string;
                message: string;
            };
        };
        "Event.endpoint.disabled": {
            id: string;
            /** @constant */
            type: "endpoint.disabled";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                endpointId: string;
                url: string;
                consecutiveFailures: number;
                failingSince: string;
                reason: string;
            };
        };
        "Event.endpoint.test": {
            id: string;
            /** @constant */
            type: "endpoint.test";
            /** @constant */
            apiVersion: "2026-12-01";
            createdAt: string;
            tenantId: string;
            data: {
                endpointId: string;
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    adCreate: {
        parameters: {
            query?: never;
            header: {
                /** @description Required. 8-128 characters [A-Za-z0-9_-]; a retry with the same key resumes the same ad. */
                "Idempotency-Key": string;
            };
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    adAccountId: string;
                    name: string;
                    /** @enum {string} */
                    objective: "OUTCOME_ENGAGEMENT" | "OUTCOME_LEADS" | "OUTCOME_SALES" | "OUTCOME_TRAFFIC";
                    /**
                     * @default CONVERSATIONS
                     * @enum {string}
                     */
                    optimizationGoal?: "CONVERSATIONS" | "LINK_CLICKS" | "OFFSITE_CONVERSIONS" | "IMPRESSIONS" | "REACH" | "LANDING_PAGE_VIEWS" | "POST_ENGAGEMENT";
                    /**
                     * @default LOWEST_COST_WITHOUT_CAP
                     * @enum {string}
                     */
                    bidStrategy?: "LOWEST_COST_WITHOUT_CAP" | "LOWEST_COST_WITH_BID_CAP" | "COST_CAP";
                    bidAmountMinor?: number;
                    budget: {
                        /** @enum {string} */
                        kind: "daily" | "lifetime";
                        amountMinor: number;
                    };
                    schedule: {
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end?: string;
                    };
                    targeting: {
                        countries: string[];
                        /** @default 18 */
                        ageMin?: number;
                        /** @default 65 */
                        ageMax?: number;
                        /** @default false */
                        advantageAudience?: boolean;
                        interests?: {
                            id: string;
                            name?: string;
                        }[];
                    };
                    creative: {
                        primaryText: string;
                        headline: string;
                        image: {
                            /** Format: uri */
                            url: string;
                        } | {
                            hash: string;
                        };
                        prefilledMessage: string;
                    };
                    /**
                     * @default PAUSED
                     * @enum {string}
                     */
                    status?: "ACTIVE" | "PAUSED";
                    dsa?: {
                        beneficiary: string;
                        payor: string;
                    };
                };
            };
        };
        responses: {
            /** @description A replay: the operation this Idempotency-Key started (Idempotent-Replayed: true). A failed operation is answered with its error status and this same body, its `error` saying why. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operationId: string;
                        idempotencyKey: string;
                        linkId: string;
                        /** @enum {string} */
                        status: "in_progress" | "incomplete" | "completed" | "failed";
                        adAccountId: string;
                        /** @enum {string} */
                        adStatus: "ACTIVE" | "PAUSED";
                        created: {
                            imageHash?: string;
                            campaignId?: string;
                            adSetId?: string;
                            creativeId?: string;
                            adId?: string;
                        };
                        error?: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                        cleanedUp?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                        }[];
                        leftBehind?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                            reason: string;
                        }[];
                        notes: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    /** @description The operation: /links/{linkId}/ads/{operationId}. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operationId: string;
                        idempotencyKey: string;
                        linkId: string;
                        /** @enum {string} */
                        status: "in_progress" | "incomplete" | "completed" | "failed";
                        adAccountId: string;
                        /** @enum {string} */
                        adStatus: "ACTIVE" | "PAUSED";
                        created: {
                            imageHash?: string;
                            campaignId?: string;
                            adSetId?: string;
                            creativeId?: string;
                            adId?: string;
                        };
                        error?: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                        cleanedUp?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                        }[];
                        leftBehind?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                            reason: string;
                        }[];
                        notes: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. A failed operation answers its report, its `error` saying why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            limit?: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            requestId: string;
                        };
                    } | {
                        operationId: string;
                        idempotencyKey: string;
                        linkId: string;
                        /** @enum {string} */
                        status: "in_progress" | "incomplete" | "completed" | "failed";
                        adAccountId: string;
                        /** @enum {string} */
                        adStatus: "ACTIVE" | "PAUSED";
                        created: {
                            imageHash?: string;
                            campaignId?: string;
                            adSetId?: string;
                            creativeId?: string;
                            adId?: string;
                        };
                        error?: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                        cleanedUp?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                        }[];
                        leftBehind?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                            reason: string;
                        }[];
                        notes: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. A failed operation answers its report, its `error` saying why. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            limit?: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            requestId: string;
                        };
                    } | {
                        operationId: string;
                        idempotencyKey: string;
                        linkId: string;
                        /** @enum {string} */
                        status: "in_progress" | "incomplete" | "completed" | "failed";
                        adAccountId: string;
                        /** @enum {string} */
                        adStatus: "ACTIVE" | "PAUSED";
                        created: {
                            imageHash?: string;
                            campaignId?: string;
                            adSetId?: string;
                            creativeId?: string;
                            adId?: string;
                        };
                        error?: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                        cleanedUp?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                        }[];
                        leftBehind?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                            reason: string;
                        }[];
                        notes: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `ad_creates` (quota: 30 Click-to-WhatsApp ad creations (each up to six Graph writes) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. A failed operation answers its report, its `error` saying why. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            limit?: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            requestId: string;
                        };
                    } | {
                        operationId: string;
                        idempotencyKey: string;
                        linkId: string;
                        /** @enum {string} */
                        status: "in_progress" | "incomplete" | "completed" | "failed";
                        adAccountId: string;
                        /** @enum {string} */
                        adStatus: "ACTIVE" | "PAUSED";
                        created: {
                            imageHash?: string;
                            campaignId?: string;
                            adSetId?: string;
                            creativeId?: string;
                            adId?: string;
                        };
                        error?: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                        cleanedUp?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                        }[];
                        leftBehind?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                            reason: string;
                        }[];
                        notes: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Meta answered with an error that retrying will not fix. A failed operation answers its report, its `error` saying why. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            message: string;
                            limit?: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            requestId: string;
                        };
                    } | {
                        operationId: string;
                        idempotencyKey: string;
                        linkId: string;
                        /** @enum {string} */
                        status: "in_progress" | "incomplete" | "completed" | "failed";
                        adAccountId: string;
                        /** @enum {string} */
                        adStatus: "ACTIVE" | "PAUSED";
                        created: {
                            imageHash?: string;
                            campaignId?: string;
                            adSetId?: string;
                            creativeId?: string;
                            adId?: string;
                        };
                        error?: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                        cleanedUp?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                        }[];
                        leftBehind?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                            reason: string;
                        }[];
                        notes: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adDsaRecommendations: {
        parameters: {
            query: {
                adAccountId: string;
            };
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Meta's recommended names */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adAccountId: string;
                        recommendations: string[];
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `meta_reads` (quota: 120 reads that call Meta: a grant’s assets, an ad account’s DSA recommendations, an ad’s insights, a link’s profiles and WhatsApp side per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
                operationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operation and what it created */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operationId: string;
                        idempotencyKey: string;
                        linkId: string;
                        /** @enum {string} */
                        status: "in_progress" | "incomplete" | "completed" | "failed";
                        adAccountId: string;
                        /** @enum {string} */
                        adStatus: "ACTIVE" | "PAUSED";
                        created: {
                            imageHash?: string;
                            campaignId?: string;
                            adSetId?: string;
                            creativeId?: string;
                            adId?: string;
                        };
                        error?: {
                            code: string;
                            message: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                        cleanedUp?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                        }[];
                        leftBehind?: {
                            /** @enum {string} */
                            step: "image" | "campaign" | "adSet" | "creative" | "ad";
                            id: string;
                            reason: string;
                        }[];
                        notes: string[];
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adImageUpload: {
        parameters: {
            query: {
                adAccountId: string;
            };
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
            };
        };
        responses: {
            /** @description In the ad account's library; `imageHash` is for `creative.image.hash` */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adAccountId: string;
                        imageHash: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `ad_image_uploads` (quota: 30 images uploaded to an ad account’s library (up to 4 MB each) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adInsights: {
        parameters: {
            query: {
                since: string;
                until: string;
            };
            header?: never;
            path: {
                linkId: string;
                operationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ad's results over the range */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operationId: string;
                        adId: string;
                        since: string;
                        until: string;
                        currency: string | null;
                        spend: number;
                        impressions: number;
                        messagingConversationsStarted: number;
                        costPerConversation: number | null;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `meta_reads` (quota: 120 reads that call Meta: a grant’s assets, an ad account’s DSA recommendations, an ad’s insights, a link’s profiles and WhatsApp side per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    eventGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event and its deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        type: "link.created" | "link.deleted" | "link.paused" | "link.resumed" | "link.meta_changed" | "sync.applied" | "sync.failed" | "drift.detected" | "reconcile.completed" | "ad.completed" | "ad.failed" | "grant.revoked" | "meta.outage.started" | "meta.outage.ended" | "story.published" | "story.failed" | "endpoint.disabled" | "endpoint.test";
                        /** @constant */
                        apiVersion: "2026-12-01";
                        createdAt: string;
                        tenantId: string;
                        data: {
                            [key: string]: unknown;
                        };
                        deliveries: {
                            endpointId: string;
                            /** @enum {string} */
                            status: "pending" | "retrying" | "delivered" | "failed" | "skipped";
                            attempts: number;
                            lastAttemptAt?: string;
                            lastResult?: {
                                status?: number;
                                error?: string;
                            };
                            nextAttemptAt?: string;
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    eventRedeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    endpointId?: string;
                };
            };
        };
        responses: {
            /** @description Queued again for these endpoints */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventId: string;
                        endpointIds: string[];
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `event_deliveries` (quota: 60 test events and redeliveries asked for (each a delivery to the tenant’s endpoints) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    eventsList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** @enum {string} */
                            type: "link.created" | "link.deleted" | "link.paused" | "link.resumed" | "link.meta_changed" | "sync.applied" | "sync.failed" | "drift.detected" | "reconcile.completed" | "ad.completed" | "ad.failed" | "grant.revoked" | "meta.outage.started" | "meta.outage.ended" | "story.published" | "story.failed" | "endpoint.disabled" | "endpoint.test";
                            /** @constant */
                            apiVersion: "2026-12-01";
                            createdAt: string;
                            tenantId: string;
                            data: {
                                [key: string]: unknown;
                            };
                            deliveries: {
                                endpointId: string;
                                /** @enum {string} */
                                status: "pending" | "retrying" | "delivered" | "failed" | "skipped";
                                attempts: number;
                                lastAttemptAt?: string;
                                lastResult?: {
                                    status?: number;
                                    error?: string;
                                };
                                nextAttemptAt?: string;
                            }[];
                        }[];
                        nextCursor?: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    webhookEndpointsList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the tenant's endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            endpointId: string;
                            url: string;
                            description: string;
                            eventTypes: string[];
                            /** @enum {string} */
                            status: "enabled" | "disabled";
                            disabled?: {
                                at: string;
                                reason: string;
                                /** @enum {string} */
                                by: "tandem" | "tenant";
                            };
                            consecutiveFailures: number;
                            failingSince?: string;
                            lastSuccessAt?: string;
                            previousSecretExpiresAt?: string;
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        }[];
                        nextCursor?: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    webhookEndpointCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    description?: string;
                    eventTypes: string[];
                };
            };
        };
        responses: {
            /** @description Registered; `secret` signs its deliveries and is shown only now */
            201: {
                headers: {
                    /** @description The endpoint: /webhook-endpoints/{endpointId}. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpointId: string;
                        url: string;
                        description: string;
                        eventTypes: string[];
                        /** @enum {string} */
                        status: "enabled" | "disabled";
                        disabled?: {
                            at: string;
                            reason: string;
                            /** @enum {string} */
                            by: "tandem" | "tenant";
                        };
                        consecutiveFailures: number;
                        failingSince?: string;
                        lastSuccessAt?: string;
                        previousSecretExpiresAt?: string;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        secret: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    webhookEndpointGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpointId: string;
                        url: string;
                        description: string;
                        eventTypes: string[];
                        /** @enum {string} */
                        status: "enabled" | "disabled";
                        disabled?: {
                            at: string;
                            reason: string;
                            /** @enum {string} */
                            by: "tandem" | "tenant";
                        };
                        consecutiveFailures: number;
                        failingSince?: string;
                        lastSuccessAt?: string;
                        previousSecretExpiresAt?: string;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    webhookEndpointDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    webhookEndpointUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    description?: string;
                    eventTypes?: string[];
                    /** @enum {string} */
                    status?: "enabled" | "disabled";
                };
            };
        };
        responses: {
            /** @description The endpoint as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpointId: string;
                        url: string;
                        description: string;
                        eventTypes: string[];
                        /** @enum {string} */
                        status: "enabled" | "disabled";
                        disabled?: {
                            at: string;
                            reason: string;
                            /** @enum {string} */
                            by: "tandem" | "tenant";
                        };
                        consecutiveFailures: number;
                        failingSince?: string;
                        lastSuccessAt?: string;
                        previousSecretExpiresAt?: string;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    webhookEndpointRotate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    graceSeconds?: number;
                };
            };
        };
        responses: {
            /** @description The new secret, shown only now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpointId: string;
                        url: string;
                        description: string;
                        eventTypes: string[];
                        /** @enum {string} */
                        status: "enabled" | "disabled";
                        disabled?: {
                            at: string;
                            reason: string;
                            /** @enum {string} */
                            by: "tandem" | "tenant";
                        };
                        consecutiveFailures: number;
                        failingSince?: string;
                        lastSuccessAt?: string;
                        previousSecretExpiresAt?: string;
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        secret: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    webhookEndpointTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The test event, queued for delivery */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventId: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `event_deliveries` (quota: 60 test events and redeliveries asked for (each a delivery to the tenant’s endpoints) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    fleetSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant's links, counted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        status: {
                            active: number;
                            paused: number;
                        };
                        pauseReasons: {
                            local_override: number;
                            token_invalid: number;
                            whatsapp_disconnected: number;
                        };
                        sync: {
                            enabled: number;
                            disabled: number;
                        };
                        drift: {
                            in_sync: number;
                            page_changed: number;
                            whatsapp_edited: number;
                            both_changed: number;
                            token_invalid: number;
                            asset_gone: number;
                            unsupported_field: number;
                            webhook_subscription_lost: number;
                            number_blocked: number;
                            meta_link_missing: number;
                            meta_link_other_number: number;
                            unchecked: number;
                        };
                    };
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `fleet_scans` (quota: 30 fleet summaries (each reads every link of the tenant) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    grantAssets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Pages, numbers and ad accounts the grant reaches */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adAccounts: ({
                            id: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        adAccountsUnavailable?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `meta_reads` (quota: 120 reads that call Meta: a grant’s assets, an ad account’s DSA recommendations, an ad’s insights, a link’s profiles and WhatsApp side per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    grantDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted with its sealed token; `revocation` says whether the app was revoked on Meta. A retry after success answers 404 `grant_not_found`: the grant is gone. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        grantId: string;
                        /** @enum {string} */
                        revocation: "revoked" | "not_needed" | "failed";
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `link_writes` (quota: 60 links created or deleted, grants deleted, and Meta-side links asked for (each calls Meta) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    grantsList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the tenant's grants */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: ({
                            grantId: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        nextCursor?: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linksList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "active" | "paused" | "local_override" | "token_invalid" | "whatsapp_disconnected";
                syncEnabled?: "true" | "false";
                drift?: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number" | "unchecked";
                pageId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the tenant's links that pass every filter given, each with its last sync outcome. A page may hold fewer than `limit` links: follow `nextCursor` until it is absent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            linkId: string;
                            grantId: string;
                            pageId: string;
                            pageName: string;
                            wabaId: string;
                            phoneNumberId: string;
                            displayPhoneNumber: string;
                            /** @enum {string} */
                            status: "active" | "paused";
                            pause?: {
                                /** @enum {string} */
                                reason: "local_override" | "token_invalid" | "whatsapp_disconnected";
                                since: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                            };
                            sync: {
                                enabled: boolean;
                                fields: {
                                    about: boolean;
                                    description: boolean;
                                    address: boolean;
                                    email: boolean;
                                    websites: boolean;
                                    vertical: boolean;
                                    profilePicture: boolean;
                                };
                            };
                            unsupported: {
                                /** @constant */
                                field: "hours";
                                reason: string;
                            }[];
                            instagramAccountId?: string;
                            instagramUsername?: string;
                            stories?: {
                                targets: {
                                    facebook: boolean;
                                    instagram: boolean;
                                };
                                history: {
                                    at: string;
                                    by: string;
                                    targets: {
                                        facebook: boolean;
                                        instagram: boolean;
                                    };
                                }[];
                            };
                            drift?: {
                                /** @enum {string} */
                                class: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number";
                                runId: string;
                                since: string;
                            };
                            whatsapp: {
                                metaLink: {
                                    /** @enum {string} */
                                    state: "linked" | "missing" | "other_number" | "unknown";
                                    pageNumber?: string;
                                    businessNumber?: boolean;
                                    since: string;
                                    reason?: string;
                                    verification?: {
                                        number: string;
                                        startedAt: string;
                                        expiresAt: string;
                                        failedAttempts: number;
                                    };
                                    fix?: string;
                                } | null;
                                health: {
                                    /** @enum {string} */
                                    canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                    problems: {
                                        entityType: string;
                                        entityId: string;
                                        /** @enum {string} */
                                        canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                        errors: {
                                            code?: string;
                                            description?: string;
                                            solution?: string;
                                        }[];
                                        additionalInfo: string[];
                                    }[];
                                    since: string;
                                    reason?: string;
                                } | null;
                                connection: {
                                    /** @enum {string} */
                                    state: "connected" | "offboarded" | "partner_removed";
                                    event?: string;
                                    reason?: string;
                                    initiatedBy?: string;
                                    since: string;
                                    fix?: string;
                                } | null;
                                displayName: {
                                    decision: string;
                                    requestedName?: string;
                                    rejectionReason?: string;
                                    at: string;
                                } | null;
                                quality: {
                                    event: string;
                                    currentLimit?: string;
                                    oldLimit?: string;
                                    maxDailyConversations?: string;
                                    at: string;
                                } | null;
                                alerts: {
                                    type: string;
                                    severity?: string;
                                    status?: string;
                                    description?: string;
                                    at: string;
                                    /** @enum {string} */
                                    handling: "resynced" | "reported";
                                    note: string;
                                }[];
                                notVisible: {
                                    /** @enum {string} */
                                    feature: "hours" | "greeting_message" | "away_message" | "quick_replies" | "labels";
                                    reason: string;
                                }[];
                            };
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                            lastSync: {
                                /** @enum {string} */
                                outcome: "applied" | "noop" | "paused" | "failed";
                                at: string;
                                reason?: string;
                            } | null;
                        }[];
                        nextCursor?: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    grantId: string;
                    pageId: string;
                    phoneNumberId: string;
                };
            };
        };
        responses: {
            /** @description Linked */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        grantId: string;
                        pageId: string;
                        pageName: string;
                        wabaId: string;
                        phoneNumberId: string;
                        displayPhoneNumber: string;
                        /** @enum {string} */
                        status: "active" | "paused";
                        pause?: {
                            /** @enum {string} */
                            reason: "local_override" | "token_invalid" | "whatsapp_disconnected";
                            since: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                        sync: {
                            enabled: boolean;
                            fields: {
                                about: boolean;
                                description: boolean;
                                address: boolean;
                                email: boolean;
                                websites: boolean;
                                vertical: boolean;
                                profilePicture: boolean;
                            };
                        };
                        unsupported: {
                            /** @constant */
                            field: "hours";
                            reason: string;
                        }[];
                        instagramAccountId?: string;
                        instagramUsername?: string;
                        stories?: {
                            targets: {
                                facebook: boolean;
                                instagram: boolean;
                            };
                            history: {
                                at: string;
                                by: string;
                                targets: {
                                    facebook: boolean;
                                    instagram: boolean;
                                };
                            }[];
                        };
                        drift?: {
                            /** @enum {string} */
                            class: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number";
                            runId: string;
                            since: string;
                        };
                        whatsapp: {
                            metaLink: {
                                /** @enum {string} */
                                state: "linked" | "missing" | "other_number" | "unknown";
                                pageNumber?: string;
                                businessNumber?: boolean;
                                since: string;
                                reason?: string;
                                verification?: {
                                    number: string;
                                    startedAt: string;
                                    expiresAt: string;
                                    failedAttempts: number;
                                };
                                fix?: string;
                            } | null;
                            health: {
                                /** @enum {string} */
                                canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                problems: {
                                    entityType: string;
                                    entityId: string;
                                    /** @enum {string} */
                                    canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                    errors: {
                                        code?: string;
                                        description?: string;
                                        solution?: string;
                                    }[];
                                    additionalInfo: string[];
                                }[];
                                since: string;
                                reason?: string;
                            } | null;
                            connection: {
                                /** @enum {string} */
                                state: "connected" | "offboarded" | "partner_removed";
                                event?: string;
                                reason?: string;
                                initiatedBy?: string;
                                since: string;
                                fix?: string;
                            } | null;
                            displayName: {
                                decision: string;
                                requestedName?: string;
                                rejectionReason?: string;
                                at: string;
                            } | null;
                            quality: {
                                event: string;
                                currentLimit?: string;
                                oldLimit?: string;
                                maxDailyConversations?: string;
                                at: string;
                            } | null;
                            alerts: {
                                type: string;
                                severity?: string;
                                status?: string;
                                description?: string;
                                at: string;
                                /** @enum {string} */
                                handling: "resynced" | "reported";
                                note: string;
                            }[];
                            notVisible: {
                                /** @enum {string} */
                                feature: "hours" | "greeting_message" | "away_message" | "quick_replies" | "labels";
                                reason: string;
                            }[];
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `link_writes` (quota: 60 links created or deleted, grants deleted, and Meta-side links asked for (each calls Meta) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link */
            200: {
                headers: {
                    /** @description The link version, for If-Match on the next write ("3"). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        grantId: string;
                        pageId: string;
                        pageName: string;
                        wabaId: string;
                        phoneNumberId: string;
                        displayPhoneNumber: string;
                        /** @enum {string} */
                        status: "active" | "paused";
                        pause?: {
                            /** @enum {string} */
                            reason: "local_override" | "token_invalid" | "whatsapp_disconnected";
                            since: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                        sync: {
                            enabled: boolean;
                            fields: {
                                about: boolean;
                                description: boolean;
                                address: boolean;
                                email: boolean;
                                websites: boolean;
                                vertical: boolean;
                                profilePicture: boolean;
                            };
                        };
                        unsupported: {
                            /** @constant */
                            field: "hours";
                            reason: string;
                        }[];
                        instagramAccountId?: string;
                        instagramUsername?: string;
                        stories?: {
                            targets: {
                                facebook: boolean;
                                instagram: boolean;
                            };
                            history: {
                                at: string;
                                by: string;
                                targets: {
                                    facebook: boolean;
                                    instagram: boolean;
                                };
                            }[];
                        };
                        drift?: {
                            /** @enum {string} */
                            class: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number";
                            runId: string;
                            since: string;
                        };
                        whatsapp: {
                            metaLink: {
                                /** @enum {string} */
                                state: "linked" | "missing" | "other_number" | "unknown";
                                pageNumber?: string;
                                businessNumber?: boolean;
                                since: string;
                                reason?: string;
                                verification?: {
                                    number: string;
                                    startedAt: string;
                                    expiresAt: string;
                                    failedAttempts: number;
                                };
                                fix?: string;
                            } | null;
                            health: {
                                /** @enum {string} */
                                canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                problems: {
                                    entityType: string;
                                    entityId: string;
                                    /** @enum {string} */
                                    canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                    errors: {
                                        code?: string;
                                        description?: string;
                                        solution?: string;
                                    }[];
                                    additionalInfo: string[];
                                }[];
                                since: string;
                                reason?: string;
                            } | null;
                            connection: {
                                /** @enum {string} */
                                state: "connected" | "offboarded" | "partner_removed";
                                event?: string;
                                reason?: string;
                                initiatedBy?: string;
                                since: string;
                                fix?: string;
                            } | null;
                            displayName: {
                                decision: string;
                                requestedName?: string;
                                rejectionReason?: string;
                                at: string;
                            } | null;
                            quality: {
                                event: string;
                                currentLimit?: string;
                                oldLimit?: string;
                                maxDailyConversations?: string;
                                at: string;
                            } | null;
                            alerts: {
                                type: string;
                                severity?: string;
                                status?: string;
                                description?: string;
                                at: string;
                                /** @enum {string} */
                                handling: "resynced" | "reported";
                                note: string;
                            }[];
                            notVisible: {
                                /** @enum {string} */
                                feature: "hours" | "greeting_message" | "away_message" | "quick_replies" | "labels";
                                reason: string;
                            }[];
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlinked; what was deleted and revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        grantDeleted: boolean;
                        /** @enum {string} */
                        revocation: "revoked" | "not_needed" | "failed";
                        /** @enum {string} */
                        webhooks: "unsubscribed" | "failed" | "not_needed";
                        /** @enum {string} */
                        wabaWebhooks: "unsubscribed" | "kept" | "failed" | "not_needed";
                        adOperationsDeleted: number;
                        storyOperationsDeleted: number;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `link_writes` (quota: 60 links created or deleted, grants deleted, and Meta-side links asked for (each calls Meta) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The link version last read, as an ETag ("3"); or send `version` in the body. */
                "If-Match"?: string;
            };
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version?: number;
                    sync: {
                        enabled?: boolean;
                        fields?: {
                            about?: boolean;
                            description?: boolean;
                            address?: boolean;
                            email?: boolean;
                            websites?: boolean;
                            vertical?: boolean;
                            profilePicture?: boolean;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description The link as changed; `firstSync` names the sync enqueued when sync was turned on */
            200: {
                headers: {
                    /** @description The link version, for If-Match on the next write ("3"). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        grantId: string;
                        pageId: string;
                        pageName: string;
                        wabaId: string;
                        phoneNumberId: string;
                        displayPhoneNumber: string;
                        /** @enum {string} */
                        status: "active" | "paused";
                        pause?: {
                            /** @enum {string} */
                            reason: "local_override" | "token_invalid" | "whatsapp_disconnected";
                            since: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        };
                        sync: {
                            enabled: boolean;
                            fields: {
                                about: boolean;
                                description: boolean;
                                address: boolean;
                                email: boolean;
                                websites: boolean;
                                vertical: boolean;
                                profilePicture: boolean;
                            };
                        };
                        unsupported: {
                            /** @constant */
                            field: "hours";
                            reason: string;
                        }[];
                        instagramAccountId?: string;
                        instagramUsername?: string;
                        stories?: {
                            targets: {
                                facebook: boolean;
                                instagram: boolean;
                            };
                            history: {
                                at: string;
                                by: string;
                                targets: {
                                    facebook: boolean;
                                    instagram: boolean;
                                };
                            }[];
                        };
                        drift?: {
                            /** @enum {string} */
                            class: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number";
                            runId: string;
                            since: string;
                        };
                        whatsapp: {
                            metaLink: {
                                /** @enum {string} */
                                state: "linked" | "missing" | "other_number" | "unknown";
                                pageNumber?: string;
                                businessNumber?: boolean;
                                since: string;
                                reason?: string;
                                verification?: {
                                    number: string;
                                    startedAt: string;
                                    expiresAt: string;
                                    failedAttempts: number;
                                };
                                fix?: string;
                            } | null;
                            health: {
                                /** @enum {string} */
                                canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                problems: {
                                    entityType: string;
                                    entityId: string;
                                    /** @enum {string} */
                                    canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                    errors: {
                                        code?: string;
                                        description?: string;
                                        solution?: string;
                                    }[];
                                    additionalInfo: string[];
                                }[];
                                since: string;
                                reason?: string;
                            } | null;
                            connection: {
                                /** @enum {string} */
                                state: "connected" | "offboarded" | "partner_removed";
                                event?: string;
                                reason?: string;
                                initiatedBy?: string;
                                since: string;
                                fix?: string;
                            } | null;
                            displayName: {
                                decision: string;
                                requestedName?: string;
                                rejectionReason?: string;
                                at: string;
                            } | null;
                            quality: {
                                event: string;
                                currentLimit?: string;
                                oldLimit?: string;
                                maxDailyConversations?: string;
                                at: string;
                            } | null;
                            alerts: {
                                type: string;
                                severity?: string;
                                status?: string;
                                description?: string;
                                at: string;
                                /** @enum {string} */
                                handling: "resynced" | "reported";
                                note: string;
                            }[];
                            notVisible: {
                                /** @enum {string} */
                                feature: "hours" | "greeting_message" | "away_message" | "quick_replies" | "labels";
                                reason: string;
                            }[];
                        };
                        createdAt: string;
                        updatedAt: string;
                        version: number;
                        firstSync?: {
                            jobId: string;
                            linkId: string;
                            observedAt: string;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkMetaLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string;
                };
            };
        };
        responses: {
            /** @description A code was sent, or the Page is linked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        /** @enum {string} */
                        outcome: "code_sent" | "linked" | "already_linked" | "accepted";
                        metaLink: {
                            /** @enum {string} */
                            state: "linked" | "missing" | "other_number" | "unknown";
                            pageNumber?: string;
                            businessNumber?: boolean;
                            since: string;
                            reason?: string;
                            verification?: {
                                number: string;
                                startedAt: string;
                                expiresAt: string;
                                failedAttempts: number;
                            };
                            fix?: string;
                        };
                        message: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `link_writes` (quota: 60 links created or deleted, grants deleted, and Meta-side links asked for (each calls Meta) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkWhatsApp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link's WhatsApp side, read from Meta now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        checkedAt: string;
                        metaLink: {
                            /** @enum {string} */
                            state: "linked" | "missing" | "other_number" | "unknown";
                            pageNumber?: string;
                            businessNumber?: boolean;
                            since: string;
                            reason?: string;
                            verification?: {
                                number: string;
                                startedAt: string;
                                expiresAt: string;
                                failedAttempts: number;
                            };
                            fix?: string;
                        } | null;
                        health: {
                            /** @enum {string} */
                            canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                            problems: {
                                entityType: string;
                                entityId: string;
                                /** @enum {string} */
                                canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                errors: {
                                    code?: string;
                                    description?: string;
                                    solution?: string;
                                }[];
                                additionalInfo: string[];
                            }[];
                            since: string;
                            reason?: string;
                        } | null;
                        connection: {
                            /** @enum {string} */
                            state: "connected" | "offboarded" | "partner_removed";
                            event?: string;
                            reason?: string;
                            initiatedBy?: string;
                            since: string;
                            fix?: string;
                        } | null;
                        displayName: {
                            decision: string;
                            requestedName?: string;
                            rejectionReason?: string;
                            at: string;
                        } | null;
                        quality: {
                            event: string;
                            currentLimit?: string;
                            oldLimit?: string;
                            maxDailyConversations?: string;
                            at: string;
                        } | null;
                        alerts: {
                            type: string;
                            severity?: string;
                            status?: string;
                            description?: string;
                            at: string;
                            /** @enum {string} */
                            handling: "resynced" | "reported";
                            note: string;
                        }[];
                        notVisible: {
                            /** @enum {string} */
                            feature: "hours" | "greeting_message" | "away_message" | "quick_replies" | "labels";
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `meta_reads` (quota: 120 reads that call Meta: a grant’s assets, an ad account’s DSA recommendations, an ad’s insights, a link’s profiles and WhatsApp side per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linksBulkGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                operationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operation and its progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operationId: string;
                        /** @enum {string} */
                        action: "resume" | "enable_sync" | "disable_sync";
                        filter: {
                            /** @enum {string} */
                            status?: "active" | "paused" | "local_override" | "token_invalid" | "whatsapp_disconnected";
                            syncEnabled?: boolean;
                            /** @enum {string} */
                            drift?: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number" | "unchecked";
                            pageId?: string;
                        };
                        overwrite?: boolean;
                        /** @enum {string} */
                        status: "running" | "completed";
                        progress: {
                            pages: number;
                            matched: number;
                            changed: number;
                            skipped: number;
                            failed: number;
                        };
                        failures: {
                            linkId: string;
                            code: string;
                            message: string;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                        completedAt?: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linksBulkStart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "resume" | "enable_sync" | "disable_sync";
                    /** @default {} */
                    filter?: {
                        /** @enum {string} */
                        status?: "active" | "paused" | "local_override" | "token_invalid" | "whatsapp_disconnected";
                        syncEnabled?: boolean;
                        /** @enum {string} */
                        drift?: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number" | "unchecked";
                        pageId?: string;
                    };
                    overwrite?: boolean;
                };
            };
        };
        responses: {
            /** @description The operation, running; poll its Location */
            202: {
                headers: {
                    /** @description The operation to poll: /links/bulk/{operationId}. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operationId: string;
                        /** @enum {string} */
                        action: "resume" | "enable_sync" | "disable_sync";
                        filter: {
                            /** @enum {string} */
                            status?: "active" | "paused" | "local_override" | "token_invalid" | "whatsapp_disconnected";
                            syncEnabled?: boolean;
                            /** @enum {string} */
                            drift?: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number" | "unchecked";
                            pageId?: string;
                        };
                        overwrite?: boolean;
                        /** @enum {string} */
                        status: "running" | "completed";
                        progress: {
                            pages: number;
                            matched: number;
                            changed: number;
                            skipped: number;
                            failed: number;
                        };
                        failures: {
                            linkId: string;
                            code: string;
                            message: string;
                        }[];
                        createdAt: string;
                        updatedAt: string;
                        completedAt?: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `bulk_actions` (quota: 10 bulk actions started (each walks the filter and may enqueue a sync per link, outside the sync_requests quota) per 3600 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    metaDataDeletion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    signed_request: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Meta's data-deletion answer: the status page and its confirmation code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        confirmation_code: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (20 requests/s, burst 40, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    metaDataDeletionStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (10 requests/s, burst 20, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    metaDeauthorize: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    signed_request: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Deauthorized */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "deauthorized";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (20 requests/s, burst 40, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    oauthBegin: {
        parameters: {
            query?: {
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The begin page; sets the browser's sign-in cookie */
            200: {
                headers: {
                    /** @description The browser's sign-in cookie (HttpOnly, SameSite). */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (20 requests/s, burst 40, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    oauthContinue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    state?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description To Meta's login dialog */
            303: {
                headers: {
                    /** @description Meta's login dialog. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (20 requests/s, burst 40, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    oauthCallback: {
        parameters: {
            query?: {
                state?: string;
                code?: string;
                error?: string;
                error_reason?: string;
                error_description?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Page/number picker, or the story permissions page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Back to the client app with `tandem_outcome`; the page says the same, with the link */
            303: {
                headers: {
                    /** @description The return URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (20 requests/s, burst 40, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    oauthSelect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    selection?: string;
                    pageId?: string;
                    phoneNumberId?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Linked */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Back to the client app with `tandem_outcome`; the page says the same, with the link */
            303: {
                headers: {
                    /** @description The return URL. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (20 requests/s, burst 40, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    oauthStart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    returnUrl?: string;
                };
            };
        };
        responses: {
            /** @description The begin page to send the browser to. With a `returnUrl`, the sign-in ends there with `tandem_outcome`: `linked` (and `link_id`), `cancelled`, `failed`, `expired` or `nothing_selectable`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authorizeUrl: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `sign_ins` (quota: 30 sign-ins with Facebook started (each callback calls Meta) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    settingsOriginsGet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant's registered origins */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        origins: string[];
                        updatedAt: string;
                    };
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    settingsOriginsPut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    origins: string[];
                };
            };
        };
        responses: {
            /** @description The origins as registered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        origins: string[];
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkDrift: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Drift per run, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        items: {
                            runId: string;
                            linkId: string;
                            observedAt: string;
                            /** @enum {string} */
                            class: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number";
                            fields: {
                                /** @enum {string} */
                                field: "about" | "description" | "address" | "email" | "websites" | "vertical";
                                /** @enum {string} */
                                side: "page" | "whatsapp" | "both";
                                page?: string | string[];
                                whatsapp?: string | string[];
                                lastWritten?: string | string[];
                            }[];
                            unsupported: string[];
                            /** @enum {string} */
                            action: "enqueue_sync" | "restore_subscription" | "report_only";
                            syncEnabled: boolean;
                            paused: boolean;
                            whatsapp?: {
                                metaLink: ("linked" | "missing" | "other_number" | "unknown") | null;
                                health: ("AVAILABLE" | "LIMITED" | "BLOCKED") | null;
                                notes: string[];
                            };
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reconcileRunGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run with the caller's counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runId: string;
                        /** @enum {string} */
                        scope: "all" | "tenant";
                        linkId?: string;
                        /** @enum {string} */
                        trigger: "schedule" | "on_demand";
                        /** @enum {string} */
                        status: "running" | "completed" | "failed";
                        startedAt: string;
                        finishedAt: string | null;
                        durationMs: number | null;
                        resumedAt: string | null;
                        progress: {
                            shardCount: number;
                            shardsDone: number;
                            pagesDone: number;
                        };
                        counts: {
                            linksChecked: number;
                            drift: {
                                in_sync: number;
                                page_changed: number;
                                whatsapp_edited: number;
                                both_changed: number;
                                token_invalid: number;
                                asset_gone: number;
                                unsupported_field: number;
                                webhook_subscription_lost: number;
                                number_blocked: number;
                                meta_link_missing: number;
                                meta_link_other_number: number;
                            };
                            errors: number;
                            syncsEnqueued: number;
                            metaLink: {
                                linked: number;
                                missing: number;
                                other_number: number;
                                unknown: number;
                            };
                            health: {
                                AVAILABLE: number;
                                LIMITED: number;
                                BLOCKED: number;
                            };
                            dailyChecks: number;
                        };
                        drifted: {
                            linkId: string;
                            /** @enum {string} */
                            class: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number";
                        }[];
                        driftedTruncated: boolean;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reconcileRunLatest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run with the caller's counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runId: string;
                        /** @enum {string} */
                        scope: "all" | "tenant";
                        linkId?: string;
                        /** @enum {string} */
                        trigger: "schedule" | "on_demand";
                        /** @enum {string} */
                        status: "running" | "completed" | "failed";
                        startedAt: string;
                        finishedAt: string | null;
                        durationMs: number | null;
                        resumedAt: string | null;
                        progress: {
                            shardCount: number;
                            shardsDone: number;
                            pagesDone: number;
                        };
                        counts: {
                            linksChecked: number;
                            drift: {
                                in_sync: number;
                                page_changed: number;
                                whatsapp_edited: number;
                                both_changed: number;
                                token_invalid: number;
                                asset_gone: number;
                                unsupported_field: number;
                                webhook_subscription_lost: number;
                                number_blocked: number;
                                meta_link_missing: number;
                                meta_link_other_number: number;
                            };
                            errors: number;
                            syncsEnqueued: number;
                            metaLink: {
                                linked: number;
                                missing: number;
                                other_number: number;
                                unknown: number;
                            };
                            health: {
                                AVAILABLE: number;
                                LIMITED: number;
                                BLOCKED: number;
                            };
                            dailyChecks: number;
                        };
                        drifted: {
                            linkId: string;
                            /** @enum {string} */
                            class: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number";
                        }[];
                        driftedTruncated: boolean;
                    };
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reconcileRunStart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    linkId?: string;
                };
            };
        };
        responses: {
            /** @description The run started or joined, to poll */
            202: {
                headers: {
                    /** @description The run to poll: /reconcile/runs/{runId}. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runId: string;
                        /** @constant */
                        status: "running";
                        joined: boolean;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `reconcile_cooldown` (cool-down: 60 s between the end of a tenant’s on-demand reconcile run and the start of its next; set by RECONCILE_TENANT_COOLDOWN_SECONDS). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkStats: {
        parameters: {
            query?: {
                since?: string;
                until?: string;
                granularity?: "DAY" | "MONTH";
            };
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link's statistics over the range */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        since: string;
                        until: string;
                        /** @enum {string} */
                        granularity: "DAY" | "MONTH";
                        currency: string | null;
                        adCurrency: string | null;
                        buckets: {
                            start: string;
                            end: string;
                            sent: number;
                            delivered: number;
                            volume: number;
                            cost: number | null;
                            costComplete: boolean;
                            byCategory: {
                                [key: string]: {
                                    volume: number;
                                    cost: number | null;
                                };
                            };
                            ads: {
                                spend: number | null;
                                impressions: number;
                                conversationsStarted: number;
                                costPerConversation: number | null;
                            } | null;
                        }[];
                        totals: {
                            start: string;
                            end: string;
                            sent: number;
                            delivered: number;
                            volume: number;
                            cost: number | null;
                            costComplete: boolean;
                            byCategory: {
                                [key: string]: {
                                    volume: number;
                                    cost: number | null;
                                };
                            };
                            ads: {
                                spend: number | null;
                                impressions: number;
                                conversationsStarted: number;
                                costPerConversation: number | null;
                            } | null;
                        };
                        notes: string[];
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    tenantStats: {
        parameters: {
            query?: {
                since?: string;
                until?: string;
                granularity?: "DAY" | "MONTH";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant's statistics over the range */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        links: number;
                        since: string;
                        until: string;
                        /** @enum {string} */
                        granularity: "DAY" | "MONTH";
                        currency: string | null;
                        adCurrency: string | null;
                        buckets: {
                            start: string;
                            end: string;
                            sent: number;
                            delivered: number;
                            volume: number;
                            cost: number | null;
                            costComplete: boolean;
                            byCategory: {
                                [key: string]: {
                                    volume: number;
                                    cost: number | null;
                                };
                            };
                            ads: {
                                spend: number | null;
                                impressions: number;
                                conversationsStarted: number;
                                costPerConversation: number | null;
                            } | null;
                        }[];
                        totals: {
                            start: string;
                            end: string;
                            sent: number;
                            delivered: number;
                            volume: number;
                            cost: number | null;
                            costComplete: boolean;
                            byCategory: {
                                [key: string]: {
                                    volume: number;
                                    cost: number | null;
                                };
                            };
                            ads: {
                                spend: number | null;
                                impressions: number;
                                conversationsStarted: number;
                                costPerConversation: number | null;
                            } | null;
                        };
                        notes: string[];
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                        /** @constant */
                        service: "tandem";
                        graphApiVersion: string;
                        /** Format: date-time */
                        startedAt: string;
                    };
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (10 requests/s, burst 20, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    metaStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each Meta surface as the breakers see it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "degraded";
                        /** Format: date-time */
                        checkedAt: string;
                        surfaces: {
                            /** @enum {string} */
                            surface: "pages" | "whatsapp" | "marketing" | "login";
                            name: string;
                            /** @enum {string} */
                            status: "closed" | "open" | "half_open";
                            since: string | null;
                            retryAfterSeconds?: number;
                        }[];
                    };
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (10 requests/s, burst 20, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every table and queue answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        checks: {
                            [key: string]: string;
                        };
                        /** @constant */
                        service: "tandem";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (10 requests/s, burst 20, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A table or queue does not answer; `checks` names it */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                        checks: {
                            [key: string]: string;
                        };
                        /** @constant */
                        service: "tandem";
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    storiesList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link's stories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            operationId: string;
                            idempotencyKey: string;
                            linkId: string;
                            /** @enum {string} */
                            status: "queued" | "in_progress" | "completed" | "partial" | "failed" | "cancelled";
                            media: {
                                /** @enum {string} */
                                type: "photo" | "video";
                                url: string;
                            } | {
                                /** @enum {string} */
                                type: "photo" | "video";
                                uploadId: string;
                            };
                            targets: {
                                facebook?: {
                                    /** @enum {string} */
                                    status: "pending" | "waiting_quota" | "published" | "failed" | "cancelled";
                                    publishedId?: string;
                                    publishedAt?: string;
                                    error?: {
                                        code: string;
                                        message: string;
                                    };
                                    resumeAt?: string;
                                };
                                instagram?: {
                                    /** @enum {string} */
                                    status: "pending" | "waiting_quota" | "published" | "failed" | "cancelled";
                                    publishedId?: string;
                                    publishedAt?: string;
                                    error?: {
                                        code: string;
                                        message: string;
                                    };
                                    resumeAt?: string;
                                };
                            };
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        nextCursor?: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    storyCreate: {
        parameters: {
            query?: never;
            header: {
                /** @description Required. 8-128 characters [A-Za-z0-9_-]; a retry with the same key answers the same story and never posts it twice. */
                "Idempotency-Key": string;
            };
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    media: {
                        /** @enum {string} */
                        type: "photo" | "video";
                        /** Format: uri */
                        url?: string;
                        uploadId?: string;
                    };
                    targets: ("facebook" | "instagram" | "whatsapp_status")[];
                };
            };
        };
        responses: {
            /** @description A replay: the story this Idempotency-Key started (Idempotent-Replayed: true). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operationId: string;
                        idempotencyKey: string;
                        linkId: string;
                        /** @enum {string} */
                        status: "queued" | "in_progress" | "completed" | "partial" | "failed" | "cancelled";
                        media: {
                            /** @enum {string} */
                            type: "photo" | "video";
                            url: string;
                        } | {
                            /** @enum {string} */
                            type: "photo" | "video";
                            uploadId: string;
                        };
                        targets: {
                            facebook?: {
                                /** @enum {string} */
                                status: "pending" | "waiting_quota" | "published" | "failed" | "cancelled";
                                publishedId?: string;
                                publishedAt?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                resumeAt?: string;
                            };
                            instagram?: {
                                /** @enum {string} */
                                status: "pending" | "waiting_quota" | "published" | "failed" | "cancelled";
                                publishedId?: string;
                                publishedAt?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                resumeAt?: string;
                            };
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Queued: a job publishes each target; poll the operation for the outcome. */
            202: {
                headers: {
                    /** @description The operation: /links/{linkId}/stories/{operationId}. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operationId: string;
                        idempotencyKey: string;
                        linkId: string;
                        /** @enum {string} */
                        status: "queued" | "in_progress" | "completed" | "partial" | "failed" | "cancelled";
                        media: {
                            /** @enum {string} */
                            type: "photo" | "video";
                            url: string;
                        } | {
                            /** @enum {string} */
                            type: "photo" | "video";
                            uploadId: string;
                        };
                        targets: {
                            facebook?: {
                                /** @enum {string} */
                                status: "pending" | "waiting_quota" | "published" | "failed" | "cancelled";
                                publishedId?: string;
                                publishedAt?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                resumeAt?: string;
                            };
                            instagram?: {
                                /** @enum {string} */
                                status: "pending" | "waiting_quota" | "published" | "failed" | "cancelled";
                                publishedId?: string;
                                publishedAt?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                resumeAt?: string;
                            };
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `story_posts` (quota: 30 stories queued (each up to five Graph calls per target) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    storyConsentGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link's story consent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        targets: {
                            facebook: boolean;
                            instagram: boolean;
                        };
                        instagramAccountId?: string;
                        instagramUsername?: string;
                        missingPermissions: string[];
                        signIn?: {
                            authorizeUrl: string;
                            expiresAt: string;
                        };
                        history: {
                            at: string;
                            by: string;
                            targets: {
                                facebook: boolean;
                                instagram: boolean;
                            };
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    storyConsentPut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    targets: {
                        facebook: boolean;
                        instagram: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description The consent as now recorded; `signIn` is the sign-in that asks for the permissions still missing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        targets: {
                            facebook: boolean;
                            instagram: boolean;
                        };
                        instagramAccountId?: string;
                        instagramUsername?: string;
                        missingPermissions: string[];
                        signIn?: {
                            authorizeUrl: string;
                            expiresAt: string;
                        };
                        history: {
                            at: string;
                            by: string;
                            targets: {
                                facebook: boolean;
                                instagram: boolean;
                            };
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `link_writes` (quota: 60 links created or deleted, grants deleted, and Meta-side links asked for (each calls Meta) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    storyGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
                operationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The story's outcome per target */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        operationId: string;
                        idempotencyKey: string;
                        linkId: string;
                        /** @enum {string} */
                        status: "queued" | "in_progress" | "completed" | "partial" | "failed" | "cancelled";
                        media: {
                            /** @enum {string} */
                            type: "photo" | "video";
                            url: string;
                        } | {
                            /** @enum {string} */
                            type: "photo" | "video";
                            uploadId: string;
                        };
                        targets: {
                            facebook?: {
                                /** @enum {string} */
                                status: "pending" | "waiting_quota" | "published" | "failed" | "cancelled";
                                publishedId?: string;
                                publishedAt?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                resumeAt?: string;
                            };
                            instagram?: {
                                /** @enum {string} */
                                status: "pending" | "waiting_quota" | "published" | "failed" | "cancelled";
                                publishedId?: string;
                                publishedAt?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                resumeAt?: string;
                            };
                        };
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    storyUploadCreate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    contentType: "image/jpeg" | "image/png" | "video/mp4" | "video/quicktime";
                    bytes: number;
                };
            };
        };
        responses: {
            /** @description PUT the media to `uploadUrl` with exactly `headers` before `expiresAt`, then name `uploadId` in `POST /links/{linkId}/stories` within `usableForSeconds` of the upload. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        uploadId: string;
                        uploadUrl: string;
                        /** @constant */
                        method: "PUT";
                        headers: {
                            [key: string]: string;
                        };
                        expiresAt: string;
                        usableForSeconds: number;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `story_uploads` (quota: 60 story upload URLs signed (each good for one photo or video of up to 100 MB) per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    linkProfiles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Page and the WhatsApp profile now, field by field */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        observedAt: string;
                        /** @enum {string} */
                        observation: "observed" | "token_invalid" | "asset_gone";
                        assetGone: ("page" | "phone_number") | null;
                        /** @enum {string} */
                        driftClass: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number";
                        fields: {
                            /** @enum {string} */
                            field: "about" | "description" | "address" | "email" | "websites" | "vertical";
                            synced: boolean;
                            page: (string | string[]) | null;
                            whatsapp: (string | string[]) | null;
                            lastWritten: (string | string[]) | null;
                            differs: boolean;
                            drift: ("page" | "whatsapp" | "both") | null;
                        }[];
                        pagePictureUrl: string | null;
                        notes: {
                            /** @enum {string} */
                            field: "about" | "description" | "address" | "email" | "websites" | "vertical" | "profilePicture" | "hours";
                            /** @enum {string} */
                            kind: "truncated" | "dropped" | "unsupported" | "fallback" | "kept";
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `meta_reads` (quota: 120 reads that call Meta: a grant’s assets, an ad account’s DSA recommendations, an ad’s insights, a link’s profiles and WhatsApp side per 60 s). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Meta answered with an error that retrying will not fix. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    syncStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link's sync status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkId: string;
                        enabled: boolean;
                        fields: {
                            about: boolean;
                            description: boolean;
                            address: boolean;
                            email: boolean;
                            websites: boolean;
                            vertical: boolean;
                            profilePicture: boolean;
                        };
                        /** @enum {string} */
                        status: "active" | "paused";
                        pause: {
                            /** @enum {string} */
                            reason: "local_override" | "token_invalid" | "whatsapp_disconnected";
                            since: string;
                            details?: {
                                [key: string]: unknown;
                            };
                        } | null;
                        lastSyncAt: string | null;
                        lastObservedAt: string | null;
                        lastResult: {
                            at: string;
                            /** @enum {string} */
                            outcome: "applied" | "noop" | "paused" | "failed";
                            /** @enum {string} */
                            trigger: "webhook" | "manual" | "reconcile" | "whatsapp_event" | "enabled";
                            changedFields: ("about" | "description" | "address" | "email" | "websites" | "vertical" | "profilePicture")[];
                            notes: {
                                /** @enum {string} */
                                field: "about" | "description" | "address" | "email" | "websites" | "vertical" | "profilePicture" | "hours";
                                /** @enum {string} */
                                kind: "truncated" | "dropped" | "unsupported" | "fallback" | "kept";
                                message: string;
                            }[];
                            reason?: string;
                            picture?: {
                                /** @constant */
                                outcome: "applied";
                            } | {
                                /** @constant */
                                outcome: "failed";
                                reason: string;
                            } | {
                                /** @constant */
                                outcome: "unconfirmed";
                                reason: string;
                            };
                        } | null;
                        notes: {
                            /** @enum {string} */
                            field: "about" | "description" | "address" | "email" | "websites" | "vertical" | "profilePicture" | "hours";
                            /** @enum {string} */
                            kind: "truncated" | "dropped" | "unsupported" | "fallback" | "kept";
                            message: string;
                        }[];
                        unsupported: {
                            /** @constant */
                            field: "hours";
                            reason: string;
                        }[];
                        unconfirmedWrites: {
                            fields: ("about" | "description" | "address" | "email" | "websites" | "vertical" | "profilePicture")[];
                            sentAt: string;
                        }[];
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    syncRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sync job is on the queue */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobId: string;
                        linkId: string;
                        observedAt: string;
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `sync_requests` (quota: 60 syncs enqueued with sync now or resume per 60 s); `link_sync_requests` (quota: 6 syncs enqueued for one link (a sync already queued covers the next change) per 60 s, per link). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    syncResume: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: the link version last read, as an ETag ("3"). */
                "If-Match"?: string;
            };
            path: {
                linkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    overwrite: boolean;
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Resumed; the sync job is on the queue */
            202: {
                headers: {
                    /** @description The link version, for If-Match on the next write ("3"). */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobId: string;
                        linkId: string;
                        observedAt: string;
                        link: {
                            linkId: string;
                            grantId: string;
                            pageId: string;
                            pageName: string;
                            wabaId: string;
                            phoneNumberId: string;
                            displayPhoneNumber: string;
                            /** @enum {string} */
                            status: "active" | "paused";
                            pause?: {
                                /** @enum {string} */
                                reason: "local_override" | "token_invalid" | "whatsapp_disconnected";
                                since: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                            };
                            sync: {
                                enabled: boolean;
                                fields: {
                                    about: boolean;
                                    description: boolean;
                                    address: boolean;
                                    email: boolean;
                                    websites: boolean;
                                    vertical: boolean;
                                    profilePicture: boolean;
                                };
                            };
                            unsupported: {
                                /** @constant */
                                field: "hours";
                                reason: string;
                            }[];
                            instagramAccountId?: string;
                            instagramUsername?: string;
                            stories?: {
                                targets: {
                                    facebook: boolean;
                                    instagram: boolean;
                                };
                                history: {
                                    at: string;
                                    by: string;
                                    targets: {
                                        facebook: boolean;
                                        instagram: boolean;
                                    };
                                }[];
                            };
                            drift?: {
                                /** @enum {string} */
                                class: "in_sync" | "page_changed" | "whatsapp_edited" | "both_changed" | "token_invalid" | "asset_gone" | "unsupported_field" | "webhook_subscription_lost" | "number_blocked" | "meta_link_missing" | "meta_link_other_number";
                                runId: string;
                                since: string;
                            };
                            whatsapp: {
                                metaLink: {
                                    /** @enum {string} */
                                    state: "linked" | "missing" | "other_number" | "unknown";
                                    pageNumber?: string;
                                    businessNumber?: boolean;
                                    since: string;
                                    reason?: string;
                                    verification?: {
                                        number: string;
                                        startedAt: string;
                                        expiresAt: string;
                                        failedAttempts: number;
                                    };
                                    fix?: string;
                                } | null;
                                health: {
                                    /** @enum {string} */
                                    canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                    problems: {
                                        entityType: string;
                                        entityId: string;
                                        /** @enum {string} */
                                        canSendMessage: "AVAILABLE" | "LIMITED" | "BLOCKED";
                                        errors: {
                                            code?: string;
                                            description?: string;
                                            solution?: string;
                                        }[];
                                        additionalInfo: string[];
                                    }[];
                                    since: string;
                                    reason?: string;
                                } | null;
                                connection: {
                                    /** @enum {string} */
                                    state: "connected" | "offboarded" | "partner_removed";
                                    event?: string;
                                    reason?: string;
                                    initiatedBy?: string;
                                    since: string;
                                    fix?: string;
                                } | null;
                                displayName: {
                                    decision: string;
                                    requestedName?: string;
                                    rejectionReason?: string;
                                    at: string;
                                } | null;
                                quality: {
                                    event: string;
                                    currentLimit?: string;
                                    oldLimit?: string;
                                    maxDailyConversations?: string;
                                    at: string;
                                } | null;
                                alerts: {
                                    type: string;
                                    severity?: string;
                                    status?: string;
                                    description?: string;
                                    at: string;
                                    /** @enum {string} */
                                    handling: "resynced" | "reported";
                                    note: string;
                                }[];
                                notVisible: {
                                    /** @enum {string} */
                                    feature: "hours" | "greeting_message" | "away_message" | "quick_replies" | "labels";
                                    reason: string;
                                }[];
                            };
                            createdAt: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, invalid or expired JWT (answered by the API Gateway authorizer). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description The JWT has no valid tenant_id claim, or Meta refused a permission Tandem needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found for this tenant (another tenant's id answers the same). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with current state (already linked, stale version, key reused). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not in the media type the route accepts. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's limits on this route: `sync_requests` (quota: 60 syncs enqueued with sync now or resume per 60 s); `link_sync_requests` (quota: 6 syncs enqueued for one link (a sync already queued covers the next change) per 60 s, per link). Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (50 requests/s, burst 100, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    webhookVerify: {
        parameters: {
            query?: {
                "hub.mode"?: string;
                "hub.verify_token"?: string;
                "hub.challenge"?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description hub.challenge, echoed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description hub.mode is not subscribe, or hub.verify_token does not match. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (20 requests/s, burst 40, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    webhookReceive: {
        parameters: {
            query?: never;
            header: {
                /** @description Required. sha256=<hex HMAC-SHA256 of the raw body with the app secret>. */
                "X-Hub-Signature-256": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Received (a signed body that is not a Page webhook is acknowledged too) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        received: true;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description X-Hub-Signature-256 is missing or does not match the body. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (500 requests/s, burst 1000, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    whatsappWebhookVerify: {
        parameters: {
            query?: {
                "hub.mode"?: string;
                "hub.verify_token"?: string;
                "hub.challenge"?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description hub.challenge, echoed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Malformed or invalid input; `error.details.issues` names each problem. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description hub.mode is not subscribe, or hub.verify_token does not match. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (20 requests/s, burst 40, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    whatsappWebhookReceive: {
        parameters: {
            query?: never;
            header: {
                /** @description Required. sha256=<hex HMAC-SHA256 of the raw body with the app secret>. */
                "X-Hub-Signature-256": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Received */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        received: true;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description X-Hub-Signature-256 is missing or does not match the body. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is larger than the route accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Every 429 from Tandem names the limit hit in `error.limit` (a quota's name, `reconcile_cooldown`, or `meta_rate_limit` when Meta is throttling the tenant's requests) and says it in `error.message`; a quota's `error.details` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (500 requests/s, burst 1000, all callers together) answers `{"message":"Too Many Requests"}` before Tandem runs, so that body cannot name it. See `x-limits`. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem failed; quote the request id. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Tandem's store, or Meta, is temporarily unavailable (`meta_outage` names the surface held); Retry-After says when to come back. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
