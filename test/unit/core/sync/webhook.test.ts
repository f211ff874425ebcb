import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthenticationError } from '../../../../functions/core/errors.js';
import {
  answerChallenge,
  MAX_WEBHOOK_DEPTH,
  readPageDelivery,
  verifyHubSignature,
} from '../../../../functions/core/sync/webhook.js';

const SECRET = 'app-secret-for-tests-0001';
const sign = (body: Buffer, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const body = Buffer.from(
  JSON.stringify({
    object: 'page',
    entry: [
      {
        id: '1001',
        time: 1_790_000_000,
        changes: [{ field: 'description', value: { description: 'New' } }],
      },
    ],
  })
);

describe('Function: verifyHubSignature', () => {
  it('accepts a signature over the exact raw body', () => {
    expect(() => verifyHubSignature(body, sign(body), [SECRET])).not.toThrow();
  });

  it('accepts the previous secret while an app-secret rotation overlaps', () => {
    expect(() =>
      verifyHubSignature(body, sign(body, 'old-secret-0000000001'), [
        SECRET,
        'old-secret-0000000001',
      ])
    ).not.toThrow();
  });

  it('refuses a signature made with another secret', () => {
    expect(() => verifyHubSignature(body, sign(body, 'forged-secret-00000001'), [SECRET])).toThrow(
      AuthenticationError
    );
  });

  it('refuses a body changed after signing, even by re-serialising it', () => {
    // Prepare
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));

    // Act & Assess
    expect(() => verifyHubSignature(reserialised, sign(body), [SECRET])).toThrow(
      AuthenticationError
    );
  });

  it.each([undefined, '', 'sha1=abc', 'sha256=zz', `sha256=${'a'.repeat(63)}`])(
    'refuses a missing or malformed header (%s) without throwing anything else',
    (header) => {
      expect(() => verifyHubSignature(body, header, [SECRET])).toThrow(AuthenticationError);
    }
  );
});

const raw = (value: unknown) => Buffer.from(JSON.stringify(value));

/** A Page webhook whose change value nests `depth` arrays deep, as an attacker would send it. */
const nested = (depth: number) =>
  Buffer.from(
    `{"object":"page","entry":[{"id":"1001","time":1,"changes":[{"field":"description","value":${'['.repeat(depth)}${']'.repeat(depth)}}]}]}`
  );

describe('Function: readPageDelivery', () => {
  it('returns one change per Page entry with its observation time and a stable de-duplication key', () => {
    // Act
    const first = readPageDelivery(body);
    const again = readPageDelivery(body);

    // Assess
    expect(first).toEqual({
      ok: true,
      changes: [
        {
          pageId: '1001',
          observedAt: new Date(1_790_000_000_000).toISOString(),
          fields: ['description'],
          dedupeKey: expect.stringMatching(/^webhook#1001#1790000000#[0-9a-f]{32}$/),
        },
      ],
    });
    expect(again).toEqual(first);
  });

  it('ignores entries whose fields cannot change the WhatsApp profile', () => {
    expect(
      readPageDelivery(
        raw({ object: 'page', entry: [{ id: '1', time: 1, changes: [{ field: 'feed' }] }] })
      )
    ).toEqual({ ok: true, changes: [] });
  });

  it.each([
    {},
    { object: 'user', entry: [] },
    { object: 'page', entry: [{ id: 'x', time: 1 }] },
    'text',
  ])('says why a body is not a Page webhook, without throwing: %j', (input) => {
    expect(readPageDelivery(raw(input))).toEqual({
      ok: false,
      reason: 'not a Page webhook (object "page" with entries)',
    });
  });

  it('says a body is not JSON without throwing', () => {
    expect(readPageDelivery(Buffer.from('{"object":'))).toEqual({
      ok: false,
      reason: 'not valid JSON',
    });
  });

  it('refuses a body nested 6,000 deep before parsing it, without overflowing the stack', () => {
    // Act
    const result = readPageDelivery(nested(6_000));

    // Assess
    expect(result).toEqual({ ok: false, reason: `nested deeper than ${MAX_WEBHOOK_DEPTH} levels` });
  });

  it('still reads a Page webhook whose change value nests as deep as the limit allows', () => {
    // Prepare: delivery, entries, entry, changes, change, then the value's own arrays.
    const deepest = nested(MAX_WEBHOOK_DEPTH - 5);

    // Act
    const result = readPageDelivery(deepest);

    // Assess
    expect(result).toMatchObject({ ok: true, changes: [{ pageId: '1001' }] });
  });
});

describe('Function: answerChallenge', () => {
  it('echoes the challenge when the verify token matches', () => {
    expect(
      answerChallenge(
        { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1158201444' },
        'tok'
      )
    ).toBe('1158201444');
  });

  it('refuses a wrong verify token or mode', () => {
    expect(() =>
      answerChallenge(
        { 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '1' },
        'tok'
      )
    ).toThrow(AuthenticationError);
    expect(() =>
      answerChallenge(
        { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1' },
        'tok'
      )
    ).toThrow(AuthenticationError);
  });
});
