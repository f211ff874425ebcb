import { describe, expect, it } from 'vitest';
import {
  buildHttpApiEvent,
  gatewayTime,
  type HttpRequestInput,
  mapHttpApiResult,
} from '../../src/apigw-event.js';

const request = (overrides: Partial<HttpRequestInput> = {}): HttpRequestInput => ({
  method: 'GET',
  url: '/links/lnk_1',
  rawHeaders: ['Host', '127.0.0.1:3000', 'User-Agent', 'curl/8'],
  body: Buffer.alloc(0),
  sourceIp: '127.0.0.1',
  protocol: 'HTTP/1.1',
  routeKey: 'GET /links/{linkId}',
  pathParameters: { linkId: 'lnk_1' },
  requestId: 'req-1',
  now: new Date('2026-03-12T19:03:58.123Z'),
  apiId: 'local',
  accountId: '123456789012',
  localPort: 3000,
  ...overrides,
});

describe('Gateway: payload 2.0 event', () => {
  it('builds the request context as API Gateway does', () => {
    // Act
    const event = buildHttpApiEvent(request());

    // Assess
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /links/{linkId}',
      rawPath: '/links/lnk_1',
      rawQueryString: '',
      pathParameters: { linkId: 'lnk_1' },
      isBase64Encoded: false,
      requestContext: {
        accountId: '123456789012',
        apiId: 'local',
        domainName: '127.0.0.1:3000',
        http: {
          method: 'GET',
          path: '/links/lnk_1',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'curl/8',
        },
        requestId: 'req-1',
        routeKey: 'GET /links/{linkId}',
        stage: '$default',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: Date.parse('2026-03-12T19:03:58.123Z'),
      },
    });
    expect(event.body).toBeUndefined();
    expect(event.queryStringParameters).toBeUndefined();
  });

  it('lower-cases header names, joins repeats with commas and moves cookies out', () => {
    // Act
    const event = buildHttpApiEvent(
      request({
        rawHeaders: ['X-Thing', 'a', 'x-thing', 'b', 'Cookie', 's=1; t=2', 'Host', 'h'],
      })
    );

    // Assess
    expect(event.headers['x-thing']).toBe('a,b');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(['s=1', 't=2']);
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(event.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  });

  it('decodes query parameters and joins repeated ones with commas', () => {
    // Act
    const event = buildHttpApiEvent(request({ url: '/links?tag=a&tag=b&q=caf%C3%A9&empty=' }));

    // Assess
    expect(event.rawQueryString).toBe('tag=a&tag=b&q=caf%C3%A9&empty=');
    expect(event.queryStringParameters).toEqual({ tag: 'a,b', q: 'café', empty: '' });
  });

  it('passes JSON bodies as text', () => {
    // Act
    const event = buildHttpApiEvent(
      request({
        method: 'POST',
        rawHeaders: ['content-type', 'application/json; charset=utf-8'],
        body: Buffer.from('{"a":1}'),
      })
    );

    // Assess
    expect(event.body).toBe('{"a":1}');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('base64-encodes binary and form bodies', () => {
    // Prepare
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);

    // Act
    const binary = buildHttpApiEvent(
      request({ method: 'POST', rawHeaders: ['content-type', 'image/png'], body: png })
    );
    const form = buildHttpApiEvent(
      request({
        method: 'POST',
        rawHeaders: ['content-type', 'application/x-www-form-urlencoded'],
        body: Buffer.from('a=1'),
      })
    );

    // Assess
    expect(binary).toMatchObject({ body: png.toString('base64'), isBase64Encoded: true });
    expect(form).toMatchObject({
      body: Buffer.from('a=1').toString('base64'),
      isBase64Encoded: true,
    });
  });
});

describe('Gateway: result mapping', () => {
  it('uses a structured result as is, with cookies as set-cookie headers', () => {
    // Act
    const response = mapHttpApiResult({
      statusCode: 201,
      headers: { 'Content-Type': 'text/plain' },
      cookies: ['a=1', 'b=2'],
      body: 'made',
    });

    // Assess
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual([
      ['content-type', 'text/plain'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
    expect(response.body.toString()).toBe('made');
  });

  it('decodes a base64 body', () => {
    // Act
    const response = mapHttpApiResult({
      statusCode: 200,
      body: Buffer.from([1, 2, 3]).toString('base64'),
      isBase64Encoded: true,
    });

    // Assess
    expect([...response.body]).toEqual([1, 2, 3]);
  });

  it('treats a result without statusCode as a JSON body with status 200', () => {
    // Act
    const response = mapHttpApiResult({ hello: 'world' });

    // Assess
    expect(response).toEqual({
      statusCode: 200,
      headers: [['content-type', 'application/json']],
      body: Buffer.from('{"hello":"world"}'),
    });
  });
});

describe('Function: gatewayTime', () => {
  it('pads day, hours, minutes and seconds', () => {
    // Act
    const time = gatewayTime(new Date('2026-01-02T03:04:05Z'));

    // Assess
    expect(time).toBe('02/Jan/2026:03:04:05 +0000');
  });
});
