import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * The API Gateway HTTP API payload format 2.0, built from a plain HTTP request, and the mapping of a
 * function's result back to HTTP. Pure, so its fidelity is unit-tested.
 * Shape: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */

interface HttpRequestInput {
  method: string;
  /** Path and query exactly as received, e.g. `/links/a%20b?x=1&x=2`. */
  url: string;
  /** Raw header pairs as Node gives them (`rawHeaders`): names in any case, repeats kept. */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
  protocol: string;
  routeKey: string;
  pathParameters: Record<string, string> | undefined;
  authorizer?: { claims: Record<string, string>; scopes: string[] };
  requestId: string;
  now: Date;
  apiId: string;
  accountId: string;
  localPort: number;
}

/**
 * Bodies API Gateway passes as text; everything else (images, form posts, no content type at all)
 * arrives base64-encoded with `isBase64Encoded: true`.
 */
const isTextContentType = (contentType: string | undefined): boolean => {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    /^application\/(json|xml|javascript|ecmascript|x-javascript|graphql)$/.test(type) ||
    /\+(json|xml)$/.test(type)
  );
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `requestContext.time`, in API Gateway's CLF-like format: `12/Mar/2020:19:03:58 +0000`. */
const gatewayTime = (date: Date): string => {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(
    date.getUTCHours()
  )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
};

const traceId = (now: Date): string =>
  `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

/** Repeated query parameters are joined with commas, as API Gateway does in payload 2.0. */
const parseQuery = (rawQueryString: string): Record<string, string> | undefined => {
  if (!rawQueryString) return undefined;
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    params[name] = name in params ? `${params[name]},${value}` : value;
  }
  return Object.keys(params).length > 0 ? params : undefined;
};

const buildHttpApiEvent = (input: HttpRequestInput): APIGatewayProxyEventV2 => {
  const queryIndex = input.url.indexOf('?');
  const rawPath = queryIndex === -1 ? input.url : input.url.slice(0, queryIndex);
  const rawQueryString = queryIndex === -1 ? '' : input.url.slice(queryIndex + 1);

  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let index = 0; index + 1 < input.rawHeaders.length; index += 2) {
    const name = (input.rawHeaders[index] ?? '').toLowerCase();
    const value = input.rawHeaders[index + 1] ?? '';
    // Cookies move to `cookies`, one entry per cookie, and leave the headers.
    if (name === 'cookie') {
      cookies.push(
        ...value
          .split(';')
          .map((cookie) => cookie.trim())
          .filter(Boolean)
      );
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${input.sourceIp}`
    : input.sourceIp;
  headers['x-forwarded-port'] = String(input.localPort);
  headers['x-forwarded-proto'] = 'http';
  headers['x-amzn-trace-id'] ??= traceId(input.now);

  const hasBody = input.body.length > 0;
  const text = isTextContentType(headers['content-type']);
  const domainName = headers.host ?? `localhost:${input.localPort}`;

  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(parseQuery(rawQueryString) ? { queryStringParameters: parseQuery(rawQueryString) } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: input.accountId,
      apiId: input.apiId,
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: input.method.toUpperCase(),
        path: rawPath,
        protocol: input.protocol,
        sourceIp: input.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: input.routeKey,
      stage: '$default',
      time: gatewayTime(input.now),
      timeEpoch: input.now.getTime(),
      ...(input.authorizer ? { authorizer: { jwt: input.authorizer } } : {}),
    },
    ...(hasBody ? { body: input.body.toString(text ? 'utf8' : 'base64') } : {}),
    isBase64Encoded: hasBody && !text,
  } as APIGatewayProxyEventV2;
};

interface HttpResponseOutput {
  statusCode: number;
  /** Header pairs; `set-cookie` may repeat. */
  headers: [string, string][];
  body: Buffer;
}

/**
 * Maps a function's result to HTTP as API Gateway does for payload 2.0: a structured result
 * (`statusCode` present) is used as is; anything else is taken to be a JSON body with status 200.
 */
const mapHttpApiResult = (result: unknown): HttpResponseOutput => {
  const structured =
    typeof result === 'object' && result !== null && 'statusCode' in result
      ? (result as APIGatewayProxyStructuredResultV2)
      : undefined;
  if (!structured) {
    const body =
      result === undefined ? '' : typeof result === 'string' ? result : JSON.stringify(result);
    return {
      statusCode: 200,
      headers: [['content-type', 'application/json']],
      body: Buffer.from(body),
    };
  }
  const headers: [string, string][] = Object.entries(structured.headers ?? {}).map(
    ([name, value]) => [name.toLowerCase(), String(value)]
  );
  for (const cookie of structured.cookies ?? []) headers.push(['set-cookie', cookie]);
  const body = structured.body ?? '';
  return {
    statusCode: structured.statusCode ?? 200,
    headers,
    body: Buffer.from(body, structured.isBase64Encoded ? 'base64' : 'utf8'),
  };
};

export type { HttpRequestInput, HttpResponseOutput };
export { buildHttpApiEvent, gatewayTime, isTextContentType, mapHttpApiResult };
