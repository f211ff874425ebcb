import { describe, expect, it } from 'vitest';
import { defineRoute, errors } from '../../../functions/adapters/http/contract.js';
import * as z from '../../../functions/core/zod.js';
import {
  type Answer,
  checkAnswer,
  createContractCheck,
  formatViolations,
} from '../../helpers/contract-check.js';

const route = defineRoute({
  method: 'POST',
  path: '/things',
  access: 'tenant',
  summary: 'Creates a thing',
  responses: {
    201: {
      description: 'Created',
      schema: z.object({ id: z.string(), count: z.number() }),
      headers: { Location: 'The thing.' },
    },
    204: { description: 'Nothing to do' },
    ...errors(400),
  },
});

const json = (status: number, body: unknown, headers: [string, string][] = []): Answer => ({
  by: 'function',
  status,
  headers: [['content-type', 'application/json'], ...headers],
  body: new TextEncoder().encode(JSON.stringify(body)),
});

const tandemError = {
  error: { code: 'invalid_request', message: 'Bad.', requestId: 'r-1' },
};

describe('checkAnswer', () => {
  it('passes an answer that is what the contract declares', () => {
    expect(
      checkAnswer(route, json(201, { id: 't1', count: 2 }, [['location', '/things/t1']]))
    ).toEqual([]);
    expect(checkAnswer(route, json(400, tandemError))).toEqual([]);
    expect(
      checkAnswer(route, { by: 'function', status: 204, headers: [], body: new Uint8Array() })
    ).toEqual([]);
  });

  it('fails a status the contract does not declare', () => {
    expect(checkAnswer(route, json(404, tandemError))).toEqual([
      'answers 404, which the contract does not declare (201, 204, 400, 401, 403, 429, 500, 503)',
    ]);
  });

  it('fails a body that is not the declared shape, naming the field', () => {
    const problems = checkAnswer(route, json(201, { id: 't1', count: '2' }, [['location', '/t']]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^body count: /);
    expect(checkAnswer(route, json(400, { message: 'Bad' }))[0]).toMatch(/^body error: /);
  });

  it('fails a declared header that is missing, and a body where none is declared', () => {
    expect(checkAnswer(route, json(201, { id: 't1', count: 2 }))).toEqual([
      'declares a Location header but sends none',
    ]);
    expect(checkAnswer(route, json(204, {}))).toEqual(['declares no body but answers {}']);
  });

  it("takes API Gateway's own 401 with its body, but not its 500 for a failed function", () => {
    const gateway = (status: number, message: string): Answer => ({
      ...json(status, { message }),
      by: 'gateway',
    });
    expect(checkAnswer(route, gateway(401, 'Unauthorized'))).toEqual([]);
    expect(checkAnswer(route, gateway(500, 'Internal Server Error'))).toEqual([
      'API Gateway answered 500 itself: the function failed or timed out',
    ]);
  });
});

describe('createContractCheck', () => {
  it('keeps each kind of violation once, with how often and the first test that caused it', () => {
    const check = createContractCheck();
    check.record(route, json(404, tandemError), { url: '/things?a=1', test: 'things > a' });
    check.record(route, json(404, tandemError), { url: '/things?a=2', test: 'things > b' });
    check.record(route, json(400, tandemError), { url: '/things' });
    expect(check.checked()).toBe(3);
    expect(formatViolations(check.violations())).toBe(
      '- POST /things answered 404 (2 times): first /things?a=1, test: things > a\n' +
        '    answers 404, which the contract does not declare (201, 204, 400, 401, 403, 429, 500, 503)'
    );
  });
});
