import type { Problem } from '../errors.js';

/** An error in plain words: what happened, what to do, and the details support asks for. */
const ProblemNotice = ({ problem }: { problem: Problem | null }) => {
  if (!problem) return null;
  return (
    <div class="notice notice-error" role="alert">
      <p class="notice-title">{problem.title}</p>
      <p>{problem.action}</p>
      {problem.detail && problem.detail !== problem.title ? (
        <details>
          <summary>Details</summary>
          <p>{problem.detail}</p>
          {problem.requestId ? <p>Request id: {problem.requestId}</p> : null}
        </details>
      ) : null}
    </div>
  );
};

export { ProblemNotice };
