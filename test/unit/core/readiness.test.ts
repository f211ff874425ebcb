import { describe, expect, it } from 'vitest';
import { checkReadiness } from '../../../functions/core/readiness.js';

describe('Function: checkReadiness', () => {
  it('is ready when every check answers', async () => {
    // Act
    const answer = await checkReadiness({ a: async () => {}, b: async () => {} }, 1000);

    // Assess
    expect(answer).toEqual({ status: 'ready', checks: { a: 'ok', b: 'ok' } });
  });

  it('names a check that fails or outlasts the deadline as down, without saying why', async () => {
    // Act
    const answer = await checkReadiness(
      {
        fine: async () => {},
        broken: async () => {
          throw new Error('ECONNREFUSED 10.0.0.1:8000');
        },
        hung: () => new Promise(() => {}),
      },
      50
    );

    // Assess
    expect(answer).toEqual({
      status: 'unavailable',
      checks: { fine: 'ok', broken: 'down', hung: 'down' },
    });
  });
});
