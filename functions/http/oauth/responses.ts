import * as z from '../../core/zod.js';

/** Response schemas of the sign-in API (OpenAPI); test/unit/http/responses.test.ts checks them. */

const signInStarted = z.object({
  /** Tandem's begin page: send the user's browser there. */
  authorizeUrl: z.string(),
  expiresAt: z.string(),
});

/** GET and PUT /settings/origins. */
const tenantOrigins = z.object({ origins: z.array(z.string()), updatedAt: z.string() });

export { signInStarted, tenantOrigins };
