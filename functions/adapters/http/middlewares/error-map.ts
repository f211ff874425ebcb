import { type ErrorPage, errorResponse } from '../error-response.js';
import { withHeaders } from '../headers.js';
import type { RouteMiddleware } from './context.js';

/**
 * The route's one onError: whatever failed (a step above, the handler, or the deadline) is answered
 * by the one error map, as JSON or on the route's error page, with the CORS headers known by then.
 */
const errorMap = (page?: ErrorPage): RouteMiddleware => ({
  onError: (request) => {
    const { route } = request.context;
    request.response = withHeaders(
      errorResponse(request.error, route.requestId, route.log, page),
      route.corsHeaders
    );
  },
});

export { errorMap };
