import { describe, expect, it } from 'vitest';
import { describeError } from '../../../console/src/errors.js';
import { originErrors } from '../../../console/src/settings/origins.js';

describe('Console: the API’s objections to origins, by field', () => {
  it('places each origin invalid_origin refused beside its own field', () => {
    // Prepare
    const problem = describeError(400, {
      error: {
        code: 'invalid_origin',
        message: 'Not an origin Tandem accepts: http://app.example.com/login.',
        requestId: 'r-1',
        details: { invalid: ['http://app.example.com/login'] },
      },
    });

    // Act
    const errors = originErrors(problem, [
      'https://ok.example.com',
      ' http://app.example.com/login ',
    ]);

    // Assess
    expect(problem.title).toBe('Some origins cannot be registered');
    expect(errors[0]).toBeUndefined();
    expect(errors[1]).toMatch(/^Not an origin/);
  });

  it('places a schema issue by its position, and one about the list under it', () => {
    // Prepare
    const problem = describeError(400, {
      error: {
        code: 'invalid_request',
        message: 'Invalid body',
        requestId: 'r-2',
        details: {
          issues: [
            {
              path: 'body.origins.2',
              message: 'Too big: expected string to have <=2048 characters',
            },
            { path: 'body.origins', message: 'Too big: expected array to have <=10 items' },
          ],
        },
      },
    });

    // Act
    const errors = originErrors(problem, ['a', 'b', 'c']);

    // Assess
    expect(errors[2]).toContain('2048');
    expect(errors.all).toContain('<=10 items');
  });
});
