import type { Problem } from '../errors.js';

/**
 * The API's objections to a PUT /settings/origins, by the field they are about: `invalid_origin`
 * names the values it refused (`details.invalid`), a schema error names a position
 * (`origins.3`) or the list as a whole (`origins`, e.g. more than allowed). Keys are the fields'
 * positions; `all` is for the list.
 */
const originErrors = (
  problem: Problem,
  origins: readonly string[]
): Record<number, string> & { all?: string } => {
  const errors: Record<number, string> & { all?: string } = {};
  const invalid = problem.details?.invalid;
  if (problem.code === 'invalid_origin' && Array.isArray(invalid)) {
    origins.forEach((origin, index) => {
      if (invalid.includes(origin.trim())) {
        errors[index] =
          'Not an origin: give scheme://host[:port] only, https (or http on localhost).';
      }
    });
  }
  for (const [path, message] of Object.entries(problem.fields ?? {})) {
    const position = /^origins\.(\d+)$/.exec(path);
    if (position) errors[Number(position[1])] ??= message;
    else if (path === 'origins') errors.all ??= message;
  }
  return errors;
};

export { originErrors };
