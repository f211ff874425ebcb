/**
 * The worked examples of a Markdown document, so a test can run them and check their answers: every
 * ```sh block is an example, run in document order in one shell; a ```json answer or ```text answer
 * block right after one is what it must print.
 *
 * - A JSON answer is a subset of what is printed: objects may have more keys, arrays more items
 *   (the answer's items match the first ones). `"…"` matches any value and `"lnk_…"` any string that
 *   begins with `lnk_`.
 * - A text answer is lines the output must hold, in that order (others may come between); `…` in a
 *   line matches any text.
 */

interface DocExample {
  /** 1-based line of the ```sh fence in the document. */
  line: number;
  script: string;
  answer?: { kind: 'json' | 'text'; body: string; line: number };
}

const FENCE = /^```([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;

const lineOf = (markdown: string, index: number): number =>
  markdown.slice(0, index).split('\n').length;

const docExamples = (markdown: string): DocExample[] => {
  const blocks = [...markdown.matchAll(FENCE)].map((match) => ({
    info: (match[1] ?? '').trim(),
    body: match[2] ?? '',
    line: lineOf(markdown, match.index ?? 0),
  }));
  const examples: DocExample[] = [];
  blocks.forEach((block, index) => {
    if (block.info === 'json answer' || block.info === 'text answer') {
      const previous = blocks[index - 1];
      if (previous?.info !== 'sh') {
        throw new Error(`The answer at line ${block.line} does not follow a sh block.`);
      }
      return;
    }
    if (block.info !== 'sh') return;
    const next = blocks[index + 1];
    const kind =
      next?.info === 'json answer' ? 'json' : next?.info === 'text answer' ? 'text' : undefined;
    examples.push({
      line: block.line,
      script: block.body,
      ...(kind && next ? { answer: { kind, body: next.body, line: next.line } } : {}),
    });
  });
  return examples;
};

const ANY = '…';

/** Why `actual` does not match the JSON answer `expected`, or undefined when it does. */
const jsonMismatch = (expected: unknown, actual: unknown, path = '$'): string | undefined => {
  if (typeof expected === 'string' && expected.endsWith(ANY)) {
    if (expected === ANY) return actual === undefined ? `${path} is missing` : undefined;
    const prefix = expected.slice(0, -ANY.length);
    return typeof actual === 'string' && actual.startsWith(prefix)
      ? undefined
      : `${path} is ${JSON.stringify(actual)}, not a string beginning ${JSON.stringify(prefix)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path} is ${JSON.stringify(actual)}, not an array`;
    if (actual.length < expected.length) {
      return `${path} has ${actual.length} items, fewer than the ${expected.length} shown`;
    }
    for (const [index, item] of expected.entries()) {
      const problem = jsonMismatch(item, actual[index], `${path}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return `${path} is ${JSON.stringify(actual)}, not an object`;
    }
    for (const [key, value] of Object.entries(expected)) {
      const problem = jsonMismatch(
        value,
        (actual as Record<string, unknown>)[key],
        `${path}.${key}`
      );
      if (problem) return problem;
    }
    return undefined;
  }
  return Object.is(expected, actual)
    ? undefined
    : `${path} is ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`;
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A text answer's line as a pattern for a whole output line, `…` matching anything. */
const linePattern = (line: string): RegExp =>
  new RegExp(`^${line.split(ANY).map(escapeRegExp).join('.*')}$`);

/** Why `output` does not hold the text answer's lines in order, or undefined when it does. */
const textMismatch = (expected: string, output: string): string | undefined => {
  const lines = output.split('\n').map((line) => line.trimEnd());
  let from = 0;
  for (const wanted of expected.split('\n').filter((line) => line.trim() !== '')) {
    const pattern = linePattern(wanted.trimEnd());
    const found = lines.findIndex((line, index) => index >= from && pattern.test(line));
    if (found < 0) return `no line ${JSON.stringify(wanted)} (in order) in the output`;
    from = found + 1;
  }
  return undefined;
};

/** Why an example's output does not match its answer, or undefined when it does (or has none). */
const answerMismatch = (example: DocExample, output: string): string | undefined => {
  const { answer } = example;
  if (!answer) return undefined;
  if (answer.kind === 'text') return textMismatch(answer.body, output);
  let actual: unknown;
  try {
    actual = JSON.parse(output);
  } catch {
    return `the output is not one JSON document: ${output.slice(0, 500)}`;
  }
  return jsonMismatch(JSON.parse(answer.body), actual);
};

export type { DocExample };
export { answerMismatch, docExamples };
