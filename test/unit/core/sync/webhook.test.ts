import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, ValidationError } from '../../../../functions/core/errors.js';
import {
  answerChallenge,
  pageChangesOf,
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

describe('Function: pageChangesOf', () => {
  it('returns one change per Page entry with its observation time and a stable de-duplication key', () => {
    // Act
    const first = pageChangesOf(JSON.parse(body.toString()));
    const again = pageChangesOf(JSON.parse(body.toString()));

    // Assess
    expect(first).toEqual([
      {
        pageId: '1001',
        observedAt: new Date(1_790_000_000_000).toISOString(),
        fields: ['description'],
        dedupeKey: expect.stringMatching(/^webhook#1001#1790000000#[0-9a-f]{32}$/),
      },
    ]);
    expect(again).toEqual(first);
  });

  it('ignores entries whose fields cannot change the WhatsApp profile', () => {
    expect(
      pageChangesOf({ object: 'page', entry: [{ id: '1', time: 1, changes: [{ field: 'feed' }] }] })
    ).toEqual([]);
  });

  it.each([
    {},
    { object: 'user', entry: [] },
    { object: 'page', entry: [{ id: 'x', time: 1 }] },
    'text',
  ])('refuses a body that is not a Page webhook: %j', (input) => {
    expect(() => pageChangesOf(input)).toThrow(ValidationError);
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
