import { unwrap } from '../api/call.js';
import type { Api } from '../api/client.js';

/**
 * Links a Page through Tandem's OAuth flow: the API opens a sign-in for the tenant and answers its
 * begin page, which names the tenant and leads on to Facebook's dialog and the Page/number picker.
 */
const startLinking = async (api: Api): Promise<void> => {
  const started = await unwrap(api.POST('/links/oauth/start'));
  window.location.assign(started.authorizeUrl);
};

export { startLinking };
