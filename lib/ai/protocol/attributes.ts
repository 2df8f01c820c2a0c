// Reads the attributes of one `<code …>` opening tag, once it is complete (or cut off at the end
// of the stream). Linear in the tag's length; values are returned exactly as written (no entity
// decoding, no trimming): checking paths is the apply validation's job, not the parser's.

/** Attribute names, lower-cased, to their raw values. The first occurrence of a name wins. */
export type TagAttributes = Map<string, string>;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/**
 * `raw` starts with `<code`; `end` is where the attributes stop (the index of the closing `>`, or
 * `raw.length` for a tag cut off by the end of the stream). `complete: false` drops a value whose
 * closing quote never came, so a truncated tag never reports half a path.
 */
export function parseTagAttributes(raw: string, end: number, complete: boolean): TagAttributes {
  const attrs: TagAttributes = new Map();
  let i = 5; // after "<code"
  while (i < end) {
    let c = raw.charCodeAt(i);
    if (isSpace(c) || c === 47 /* / */) {
      i++;
      continue;
    }
    if (c === 34 || c === 39) {
      // A stray quoted string where a name should be: skip it whole.
      const close = raw.indexOf(raw[i], i + 1);
      i = close === -1 || close >= end ? end : close + 1;
      continue;
    }
    const nameStart = i;
    while (i < end) {
      c = raw.charCodeAt(i);
      if (isSpace(c) || c === 61 /* = */ || c === 47 || c === 34 || c === 39) break;
      i++;
    }
    const name = raw.slice(nameStart, i).toLowerCase();
    while (i < end && isSpace(raw.charCodeAt(i))) i++;
    let value = "";
    let known = true;
    if (i < end && raw.charCodeAt(i) === 61) {
      i++;
      while (i < end && isSpace(raw.charCodeAt(i))) i++;
      c = raw.charCodeAt(i);
      if (i < end && (c === 34 || c === 39)) {
        const close = raw.indexOf(raw[i], i + 1);
        if (close === -1 || close >= end) {
          value = raw.slice(i + 1, end);
          known = complete;
          i = end;
        } else {
          value = raw.slice(i + 1, close);
          i = close + 1;
        }
      } else {
        // Unquoted (lenient): up to whitespace, or a `/` that ends a self-closing tag.
        const valueStart = i;
        while (i < end) {
          c = raw.charCodeAt(i);
          if (isSpace(c) || (c === 47 && i + 1 === end)) break;
          i++;
        }
        value = raw.slice(valueStart, i);
        if (i === end && !complete) known = false;
      }
    }
    if (name.length > 0 && known && !attrs.has(name)) attrs.set(name, value);
  }
  return attrs;
}
