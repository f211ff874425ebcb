import { GRAPH_API_VERSION } from '../../functions/adapters/graph/version.js';
import { errorBody, type RouteResponse } from '../../functions/adapters/http/contract.js';
import {
  ATTEMPT_HEADER,
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
} from '../../functions/core/events/signing.js';
import {
  EVENT_DESCRIPTIONS,
  EVENT_SCHEMAS,
  EVENT_TYPES,
  eventEnvelope,
} from '../../functions/core/linking/events.js';
import { COOLDOWNS, QUOTAS } from '../../functions/core/quotas.js';
import * as z from '../../functions/core/zod.js';
import { type RouteSpec, routes } from './routes.js';

/**
 * Builds the OpenAPI 3.1 description of Tandem's HTTP API from the route table and the zod schemas
 * the handlers parse with. `npm run openapi` writes it to docs/openapi.json; a unit test fails when
 * the committed file and the code disagree.
 */
type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output' = 'input'): Json =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/** A page route's error is a page or the error JSON, so an answer may have both. */
const contentOf = (response: RouteResponse): Json | undefined => {
  const json = response.schema
    ? response.schema === errorBody
      ? ERROR_REF
      : jsonSchema(response.schema, 'output')
    : undefined;
  const content: Json = {
    ...(response.html ? { 'text/html': { schema: { type: 'string' } } } : {}),
    ...(response.text ? { 'text/plain': { schema: { type: 'string' } } } : {}),
    ...(json ? { 'application/json': { schema: json } } : {}),
  };
  return Object.keys(content).length > 0 ? content : undefined;
};

/** One answer: its meaning, the headers a client may rely on, and its body. */
const answerOf = (response: RouteResponse, description = response.description): Json => {
  const content = contentOf(response);
  return {
    description,
    ...(response.headers
      ? {
          headers: Object.fromEntries(
            Object.entries(response.headers).map(([name, text]) => [
              name,
              { description: text, schema: { type: 'string' } },
            ])
          ),
        }
      : {}),
    ...(content ? { content } : {}),
  };
};

const propertiesOf = (schema: z.ZodMiniType | undefined): [string, Json, boolean][] => {
  if (!schema) return [];
  const json = jsonSchema(schema);
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties as Record<string, Json> | undefined) ?? {}).map(
    ([name, property]) => [name, property, required.has(name)]
  );
};

const parametersOf = (route: RouteSpec): Json[] => [
  ...propertiesOf(route.params).map(([name, schema]) => ({
    name,
    in: 'path',
    required: true,
    schema,
  })),
  ...propertiesOf(route.query).map(([name, schema, required]) => ({
    name,
    in: 'query',
    required,
    schema,
  })),
  ...Object.entries(route.requestHeaders ?? {}).map(([name, description]) => ({
    name,
    in: 'header',
    required: description.startsWith('Required'),
    description,
    schema: { type: 'string' },
  })),
];

/**
 * Every limit a route can answer 429 for, with its number (`x-limits`): the tenant quotas it takes,
 * its cool-downs, and API Gateway's throttle of the route.
 */
const limitsOf = (route: RouteSpec): Json[] => {
  const throttle = route.throttle;
  return [
    ...(route.quotas ?? []).map((name) => {
      const quota = QUOTAS[name];
      return {
        name: quota.name,
        kind: 'quota',
        limit: quota.limit,
        windowSeconds: quota.windowSeconds,
        per: quota.per,
        counts: quota.counts,
      };
    }),
    ...(route.cooldowns ?? []).map((name) => {
      const cooldown = COOLDOWNS[name];
      return {
        name: cooldown.name,
        kind: 'cooldown',
        seconds: cooldown.defaultSeconds,
        configVariable: cooldown.configVariable,
        counts: cooldown.counts,
      };
    }),
    {
      name: 'route_throttle',
      kind: 'throttle',
      rateLimitPerSecond: throttle.rateLimit,
      burstLimit: throttle.burstLimit,
      counts: 'requests to this route from all callers together (API Gateway)',
    },
  ];
};

/** The 429 of a route: each limit by name and number, and how the body names the one hit. */
const tooManyRequests = (route: RouteSpec): string => {
  const throttle = route.throttle;
  const quotas = (route.quotas ?? []).map((name) => {
    const quota = QUOTAS[name];
    return `\`${quota.name}\` (quota: ${quota.limit} ${quota.counts} per ${quota.windowSeconds} s${quota.per === 'link' ? ', per link' : ''})`;
  });
  const cooldowns = (route.cooldowns ?? []).map((name) => {
    const cooldown = COOLDOWNS[name];
    return `\`${cooldown.name}\` (cool-down: ${cooldown.defaultSeconds} s ${cooldown.counts}; set by ${cooldown.configVariable})`;
  });
  const own = [...quotas, ...cooldowns];
  const named = own.length > 0 ? `Tandem's limits on this route: ${own.join('; ')}. ` : '';
  return `${named}Every 429 from Tandem names the limit hit in \`error.limit\` (a quota's name, \`reconcile_cooldown\`, or \`meta_rate_limit\` when Meta is throttling the tenant's requests) and says it in \`error.message\`; a quota's \`error.details\` gives its limit and window; Retry-After says when to come back. API Gateway's route throttle (${throttle.rateLimit} requests/s, burst ${throttle.burstLimit}, all callers together) answers \`{"message":"Too Many Requests"}\` before Tandem runs, so that body cannot name it. See \`x-limits\`.`;
};

/** Every status the route's contract declares; a 429 also names each of its limits. */
const responsesOf = (route: RouteSpec): Json =>
  Object.fromEntries(
    Object.entries(route.responses).map(([status, response]) => [
      status,
      answerOf(response, status === '429' ? tooManyRequests(route) : response.description),
    ])
  );

const operationOf = (route: RouteSpec): Json => {
  const parameters = parametersOf(route);
  return {
    operationId: route.fn,
    summary: route.summary,
    ...(route.access === 'public' ? { description: `Public route: ${route.publicReason}` } : {}),
    security: route.access === 'tenant' ? [{ tenantJwt: [] }] : [],
    'x-limits': limitsOf(route),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.rawBodyMediaTypes
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              route.rawBodyMediaTypes.map((type) => [
                type,
                { schema: { type: 'string', contentMediaType: type } },
              ])
            ),
          },
        }
      : {}),
    ...(route.body
      ? {
          requestBody: {
            required: !route.bodyOptional,
            content: {
              [route.bodyFormat === 'form'
                ? 'application/x-www-form-urlencoded'
                : 'application/json']: {
                schema: jsonSchema(route.body),
              },
            },
          },
        }
      : {}),
    responses: responsesOf(route),
  };
};

/** Where a delivery's headers are described, once for every event. */
const DELIVERY_HEADERS: Record<string, string> = {
  [SIGNATURE_HEADER]:
    't=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<raw body> with the endpoint secret> (one v1 per secret during a rotation). Refuse a t more than 5 minutes off.',
  [EVENT_ID_HEADER]: 'The event id (also `id` in the body): de-duplicate on it.',
  [EVENT_TYPE_HEADER]: 'The event type (also `type` in the body).',
  [ATTEMPT_HEADER]: 'Which attempt this is, from 1.',
};

/**
 * The events Tandem sends to webhook endpoints (OpenAPI 3.1 `webhooks`): one entry per type, its
 * body the envelope with that type's `data` (functions/core/linking/events.ts), and its schema
 * under components as `Event.<type>`.
 */
const webhooksOf = (): { webhooks: Json; schemas: Json } => {
  const webhooks: Json = {};
  const schemas: Json = {};
  for (const type of EVENT_TYPES) {
    const name = `Event.${type}`;
    schemas[name] = jsonSchema(
      z.object({ ...eventEnvelope.shape, type: z.literal(type), data: EVENT_SCHEMAS[type] }),
      'output'
    );
    webhooks[type] = {
      post: {
        summary: EVENT_DESCRIPTIONS[type],
        description: 'Answer any 2xx within 10 seconds; anything else is retried (docs/events.md).',
        parameters: Object.entries(DELIVERY_HEADERS).map(([header, description]) => ({
          name: header,
          in: 'header',
          required: true,
          description,
          schema: { type: 'string' },
        })),
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
        },
        responses: { '2XX': { description: 'Received' } },
      },
    };
  }
  return { webhooks, schemas };
};
/** The operations a client calls: every route but the CORS preflight, which is the browser's. */
const documentedRoutes = routes.filter((route) => route.method !== 'OPTIONS');

const buildOpenApi = (): Json => {
  const paths: Record<string, Json> = {};
  for (const route of documentedRoutes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route) };
  }
  const events = webhooksOf();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tandem API',
      version: '1.0.0',
      description: `Keeps a business's Facebook Page and its WhatsApp Business profile working together. Talks to Meta's Graph API ${GRAPH_API_VERSION}.`,
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'npm start (the embedded default)' }],
    paths,
    webhooks: events.webhooks,
    components: {
      securitySchemes: {
        tenantJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "A JWT from the deployment's identity provider; its tenant_id claim names the tenant.",
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'requestId'],
              properties: {
                code: {
                  type: 'string',
                  description: 'Stable machine-readable code, e.g. link_not_found.',
                },
                message: { type: 'string', description: 'What was wrong and how to fix it.' },
                limit: {
                  type: 'string',
                  description:
                    "On a 429: the limit hit, as the route's x-limits name it (a quota, reconcile_cooldown, meta_rate_limit).",
                },
                details: { type: 'object' },
                requestId: { type: 'string' },
              },
            },
          },
        },
        ...events.schemas,
      },
    },
  };
};

export { buildOpenApi, documentedRoutes };
