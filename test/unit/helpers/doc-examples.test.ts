import { describe, expect, it } from 'vitest';
import { answerMismatch, docExamples } from '../../helpers/doc-examples.js';

const fence = '```';
const markdown = [
  '# A page',
  `${fence}sh`,
  'curl -s "$API/links"',
  fence,
  'It answers:',
  `${fence}json answer`,
  '{ "items": [{ "linkId": "lnk_…", "status": "active" }] }',
  fence,
  `${fence}console`,
  'npm start',
  fence,
  `${fence}sh`,
  'echo one; echo two',
  fence,
  `${fence}text answer`,
  'o…e',
  'two',
  fence,
].join('\n');

describe('Doc examples', () => {
  it('finds the sh blocks in order, each with the answer that follows it, and nothing else', () => {
    // Act
    const examples = docExamples(markdown);

    // Assess
    expect(examples).toEqual([
      {
        line: 2,
        script: 'curl -s "$API/links"\n',
        answer: {
          kind: 'json',
          line: 6,
          body: '{ "items": [{ "linkId": "lnk_…", "status": "active" }] }\n',
        },
      },
      {
        line: 12,
        script: 'echo one; echo two\n',
        answer: { kind: 'text', line: 15, body: 'o…e\ntwo\n' },
      },
    ]);
  });

  it('refuses an answer that follows no example', () => {
    // Act & Assess
    expect(() => docExamples(`${fence}json answer\n{}\n${fence}\n`)).toThrow(/line 1/);
  });

  it('matches a JSON answer as a subset, with … for any value or a prefix', () => {
    // Prepare
    const [example] = docExamples(markdown);
    if (!example) throw new Error('no example');

    // Act & Assess
    const printed = (items: unknown) => JSON.stringify({ items, cursor: 'x' });
    expect(
      answerMismatch(example, printed([{ linkId: 'lnk_1', status: 'active', v: 1 }, {}]))
    ).toBeUndefined();
    expect(answerMismatch(example, printed([{ linkId: 'grt_1', status: 'active' }]))).toMatch(
      /\$\.items\[0\]\.linkId is "grt_1", not a string beginning "lnk_"/
    );
    expect(answerMismatch(example, printed([{ linkId: 'lnk_1', status: 'paused' }]))).toMatch(
      /\$\.items\[0\]\.status is "paused", not "active"/
    );
    expect(answerMismatch(example, printed([]))).toMatch(/fewer than the 1 shown/);
    expect(answerMismatch(example, 'curl: (7) Failed to connect')).toMatch(/not one JSON document/);
  });

  it('matches a text answer as whole lines in order, with … for any text', () => {
    // Prepare
    const example = docExamples(markdown)[1];
    if (!example) throw new Error('no example');

    // Act & Assess
    expect(answerMismatch(example, 'one\nnoise\ntwo')).toBeUndefined();
    expect(answerMismatch(example, 'two\none')).toMatch(/no line "two"/);
    expect(answerMismatch(example, 'one\nnoise two')).toMatch(/no line "two"/);
    expect(answerMismatch(example, 'ones\ntwo')).toMatch(/no line "o…e"/);
  });
});
