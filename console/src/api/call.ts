import { describeError, type Problem, unreachable } from '../errors.js';

/** An API answer the console cannot use, in plain words (errors.ts). */
class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly status: number
  ) {
    super(problem.title);
    this.name = 'ProblemError';
  }
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful answer, or a ProblemError saying what went wrong and what to do.
 * `answer` is an openapi-fetch call: `unwrap(api.GET('/links/{linkId}', {...}))`.
 */
const unwrap = async <T>(answer: Promise<Answer<T>>): Promise<T> => {
  let result: Answer<T>;
  try {
    result = await answer;
  } catch {
    throw new ProblemError(unreachable(), 0);
  }
  if (!result.response.ok || result.error !== undefined) {
    throw new ProblemError(
      describeError(result.response.status, result.error),
      result.response.status
    );
  }
  return result.data as T;
};

/** The problem behind any error a call threw. */
const problemOf = (error: unknown): Problem =>
  error instanceof ProblemError
    ? error.problem
    : {
        title: 'Something went wrong in the console',
        action: 'Reload the page and try again.',
        detail: String(error),
      };

export { ProblemError, problemOf, unwrap };
