import type { FunctionName } from './functions.js';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One HTTP route. `tenant` routes sit behind the JWT authorizer and receive the caller's tenant from
 * its claims; `public` routes are called by browsers or by Meta and must say why they have no JWT.
 */
type RouteSpec =
  | { method: HttpMethod; path: string; fn: FunctionName; access: 'tenant'; summary: string }
  | {
      method: HttpMethod;
      path: string;
      fn: FunctionName;
      access: 'public';
      summary: string;
      /** Why this route carries no JWT; becomes the cdk-nag acknowledgement reason. */
      publicReason: string;
    };

/** The single route table: API Gateway (CDK) and the local gateway are both built from it. */
const routes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/health',
    fn: 'health',
    access: 'public',
    summary: 'Liveness check',
    publicReason:
      'Liveness probe for uptime monitors and deploy checks; returns only build and API versions, no tenant data.',
  },
];

export type { HttpMethod, RouteSpec };
export { routes };
