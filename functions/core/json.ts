/**
 * JSON nesting, measured on the raw text without parsing it. `JSON.parse` copes with any depth, but
 * everything that walks the parsed value afterwards recursively (`JSON.stringify`, deep equality,
 * marshalling) overflows the stack somewhere between 5,000 and 10,000 levels: a body has to be
 * bounded before it is parsed, not after.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Whether arrays and objects in `text` nest deeper than `maxDepth`. One pass over the bytes, skipping
 * strings (UTF-8 continuation bytes are never ASCII, so a byte-wise scan cannot misread them). Text
 * that is not JSON still gets an answer; the parser refuses it afterwards.
 *
 * @example
 * nestsDeeperThan(Buffer.from('{"a":[[1]]}'), 2) // true: the object holds an array holding an array
 */
const nestsDeeperThan = (text: Uint8Array, maxDepth: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const byte = text[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      depth -= 1;
    }
  }
  return false;
};

export { nestsDeeperThan };
