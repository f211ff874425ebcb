/**
 * Structured Graph parameters (objects, lists) arrive as JSON strings in query strings and form
 * bodies, and as JSON values in JSON bodies. A string that opens with `{` or `[` is one of them.
 */

type Structured = { ok: true; value: unknown } | { ok: false };

/** The value a structured parameter carries; `ok: false` when it opens like JSON but is not. */
const decodeStructured = (value: unknown): Structured => {
  if (typeof value !== 'string') return { ok: true, value };
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    return { ok: false };
  }
};

/** The decoded value, or the raw one when it does not decode (the caller's checks then refuse it). */
const decoded = (value: unknown): unknown => {
  const result = decodeStructured(value);
  return result.ok ? result.value : value;
};

export { decoded, decodeStructured };
