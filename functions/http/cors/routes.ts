import { defineRoute, errors } from '../../adapters/http/contract.js';

const corsPreflightRoute = defineRoute({
  method: 'OPTIONS',
  path: '/{proxy+}',
  access: 'public',
  summary:
    "CORS preflight: allows a tenant's registered origin to call the tenant routes, when the deployment turns CORS on",
  publicReason:
    'Browsers send CORS preflights without credentials, so it cannot carry a JWT; it changes nothing, allows only an origin some tenant registered (the actual answer checks the caller tenant), and allows nothing when CORS is off.',
  maxBodyBytes: 0,
  responses: { 204: { description: 'The allowance, if any' }, ...errors(413, 500) },
});

export { corsPreflightRoute };
