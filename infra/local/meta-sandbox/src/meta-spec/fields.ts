/**
 * Graph's `fields` parameter: `a,b{c,d},e.width(640).height(640){url}`. Field expansion may name a
 * node's fields and its GET edges, with modifiers (an edge's parameters, or `limit`) and nested
 * selections: https://developers.facebook.com/docs/graph-api/guides/field-expansion
 */

interface FieldSelection {
  name: string;
  /** `.name(value)` modifiers, in order. */
  modifiers: Record<string, string>;
  /** The `{...}` sub-selection, when given. */
  children?: FieldSelection[];
}

class FieldsSyntaxError extends Error {}

/** Parses a `fields` value; throws FieldsSyntaxError for unbalanced braces or parentheses. */
const parseFields = (text: string): FieldSelection[] => {
  let at = 0;
  const fail = (why: string): never => {
    throw new FieldsSyntaxError(`fields: ${why} at character ${at + 1} of "${text}"`);
  };
  const readUntil = (stops: string): string => {
    const start = at;
    while (at < text.length && !stops.includes(text[at] ?? '')) at += 1;
    return text.slice(start, at).trim();
  };
  const list = (closing: string | undefined): FieldSelection[] => {
    const items: FieldSelection[] = [];
    for (;;) {
      const name = readUntil('.{},()');
      if (name === '') fail('a field name is missing');
      const modifiers: Record<string, string> = {};
      while (text[at] === '.') {
        at += 1;
        const modifier = readUntil('(');
        if (text[at] !== '(') fail(`modifier ${modifier} has no (value)`);
        at += 1;
        modifiers[modifier] = readUntil(')');
        if (text[at] !== ')') fail('a ) is missing');
        at += 1;
      }
      let children: FieldSelection[] | undefined;
      if (text[at] === '{') {
        at += 1;
        children = list('}');
      }
      items.push({ name, modifiers, ...(children ? { children } : {}) });
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (closing === undefined) {
        if (at < text.length) fail(`unexpected "${text[at]}"`);
        return items;
      }
      if (text[at] !== closing) fail(`a ${closing} is missing`);
      at += 1;
      return items;
    }
  };
  return list(undefined);
};

export type { FieldSelection };
export { FieldsSyntaxError, parseFields };
