import { MAX_ORIGINS } from '../../core/linking/origins.js';
import * as z from '../../core/zod.js';

/** What Meta appends to the redirect URI. Loose: Meta may add parameters; lengths are bounded. */
const callbackQuery = z.looseObject({
  state: z.optional(z.string().check(z.maxLength(512))),
  code: z.optional(z.string().check(z.maxLength(2048))),
  error: z.optional(z.string().check(z.maxLength(256))),
  error_reason: z.optional(z.string().check(z.maxLength(256))),
  error_description: z.optional(z.string().check(z.maxLength(1024))),
});

/** The picker form as a browser posts it; the use case checks the values and re-shows the form. */
const selectionForm = z.looseObject({
  selection: z.optional(z.string().check(z.maxLength(128))),
  pageId: z.optional(z.string().check(z.maxLength(64))),
  phoneNumberId: z.optional(z.string().check(z.maxLength(64))),
});

/** GET /oauth/begin?state=… as the client app's link carries it. */
const beginQuery = z.looseObject({ state: z.optional(z.string().check(z.maxLength(512))) });

/** The begin page's form. */
const beginForm = z.looseObject({ state: z.optional(z.string().check(z.maxLength(512))) });

/** POST /links/oauth/start: optional; `returnUrl` must be on one of the tenant's registered origins. */
const startBody = z.strictObject({
  returnUrl: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
});

/** PUT /settings/origins: the tenant's registered origins, replaced as a whole. */
const originsBody = z.strictObject({
  origins: z
    .array(z.string().check(z.minLength(1), z.maxLength(256)))
    .check(z.maxLength(MAX_ORIGINS)),
});

export { beginForm, beginQuery, callbackQuery, originsBody, selectionForm, startBody };
