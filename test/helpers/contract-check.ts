import {
  gatewayBody,
  type RouteContract,
  type RouteResponse,
  routeKeyOf,
} from '../../functions/adapters/http/contract.js';
import * as z from '../../functions/core/zod.js';

/** The request header a test names itself in, so a violation says which test caused it. */
const TEST_HEADER = 'x-tandem-test';

/** One answer to a route, as the gateway gave it (by the function, or by the gateway itself). */
interface Answer {
  by: 'function' | 'gateway';
  status: number;
  /** Lower-case names. */
  headers: readonly (readonly [string, string])[];
  body: Uint8Array;
}

interface Violation {
  route: string;
  status: number;
  problems: string[];
  /** The first request's path and the test that sent it, when it said. */
  url: string;
  test?: string;
  /** How many answers had exactly these problems. */
  times: number;
}

/** API Gateway answers for itself with these, before the function or instead of it. */
const GATEWAY_STATUSES = new Set([401, 429]);

const headerOf = (answer: Answer, name: string): string | undefined =>
  answer.headers.find(([key]) => key === name.toLowerCase())?.[1];

const jsonOf = (answer: Answer): unknown => {
  try {
    return JSON.parse(new TextDecoder().decode(answer.body));
  } catch {
    return undefined;
  }
};

const excerpt = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

const issuesOf = (schema: z.ZodMiniType, value: unknown): string[] => {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return [];
  return parsed.error.issues.map(
    (issue) => `body ${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`
  );
};

/**
 * What is wrong with a body against the answer the contract declares: an HTML page, plain text, JSON
 * of its schema (any of those it declares: a page route's error is a page, or the error JSON when a
 * step before the handler refused), or no body at all when it declares none.
 */
const bodyProblems = (declared: RouteResponse, answer: Answer): string[] => {
  const type = headerOf(answer, 'content-type') ?? '';
  const text = new TextDecoder().decode(answer.body);
  if (declared.html && /^text\/html\b/i.test(type)) return [];
  if (declared.text && /^text\/plain\b/i.test(type)) return [];
  if (declared.schema && /^application\/json\b/i.test(type)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return [`declares a JSON body but answers unparsable ${excerpt(text)}`];
    }
    return issuesOf(declared.schema, json);
  }
  const kinds = [
    ...(declared.html ? ['an HTML page'] : []),
    ...(declared.text ? ['plain text'] : []),
    ...(declared.schema ? ['a JSON body'] : []),
  ];
  if (kinds.length === 0) {
    return answer.body.length === 0 ? [] : [`declares no body but answers ${excerpt(text)}`];
  }
  return [`declares ${kinds.join(' or ')} but answers "${type}": ${excerpt(text)}`];
};

/**
 * What is wrong with one answer against its route's contract: an undeclared status, a body that is
 * not the declared one, a declared header missing. API Gateway's own answers (the authorizer's 401,
 * its throttle's 429) carry its `{ message }` body whatever the contract's schema, but must still be
 * statuses the contract declares; its 500 means the function failed outside Tandem's error map,
 * which is always a fault.
 */
const checkAnswer = (contract: RouteContract, answer: Answer): string[] => {
  const declared = contract.responses[answer.status];
  // API Gateway's 10 MB payload limit holds for every route alike, as its 404 does for a path
  // outside the table: the API's limit, not a route's answer.
  if (answer.by === 'gateway' && answer.status === 413)
    return issuesOf(gatewayBody, jsonOf(answer));
  const statuses = Object.keys(contract.responses).join(', ');
  if (!declared)
    return [`answers ${answer.status}, which the contract does not declare (${statuses})`];
  if (answer.by === 'gateway') {
    if (!GATEWAY_STATUSES.has(answer.status)) {
      return [`API Gateway answered ${answer.status} itself: the function failed or timed out`];
    }
    return issuesOf(gatewayBody, jsonOf(answer));
  }
  const missing = Object.keys(declared.headers ?? {})
    .filter((name) => headerOf(answer, name) === undefined)
    .map((name) => `declares a ${name} header but sends none`);
  return [...bodyProblems(declared, answer), ...missing];
};

/**
 * Holds every answer of a run to its route's contract and keeps the violations, so the run can fail
 * at the end with all of them listed.
 */
const createContractCheck = () => {
  const violations = new Map<string, Violation>();
  let checked = 0;
  return {
    record(
      contract: RouteContract,
      answer: Answer,
      request: { url: string; test?: string | undefined }
    ): void {
      checked += 1;
      const problems = checkAnswer(contract, answer);
      if (problems.length === 0) return;
      const route = routeKeyOf(contract);
      const key = JSON.stringify([route, answer.status, problems]);
      const seen = violations.get(key);
      if (seen) {
        seen.times += 1;
        return;
      }
      violations.set(key, {
        route,
        status: answer.status,
        problems,
        url: request.url,
        ...(request.test ? { test: request.test } : {}),
        times: 1,
      });
    },
    violations: (): readonly Violation[] => [...violations.values()],
    checked: (): number => checked,
  };
};

/** The violations as a list a reader can act on: route, status, what was wrong and which test. */
const formatViolations = (violations: readonly Violation[]): string =>
  violations
    .map(
      (violation) =>
        `- ${violation.route} answered ${violation.status}${violation.times > 1 ? ` (${violation.times} times)` : ''}: first ${violation.url}, test: ${violation.test ?? 'unnamed'}\n${violation.problems.map((problem) => `    ${problem}`).join('\n')}`
    )
    .join('\n');

export type { Answer, Violation };
export { checkAnswer, createContractCheck, formatViolations, TEST_HEADER };
