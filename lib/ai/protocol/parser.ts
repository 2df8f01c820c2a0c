// The incremental parser for the edit protocol (shared/PROTOCOL.md). It reads a model's answer
// once, as chunks arrive, whatever the chunk boundaries, in time linear in the input, and never
// throws. `npm run --silent protocol:parse < transcript.txt` prints these events as NDJSON.
//
// Events, in stream order (types.ts, ProtocolEvent):
//   { type: "text-delta", text }                       response text, `<response>` tags removed
//   { type: "code-start", index, path, action, to? }   an opening tag is complete and valid
//   { type: "code-delta", index, text }                body text as it arrives
//   { type: "code-end", index, operation }             the block closed; operation.content is the
//                                                      whole body (the code-deltas joined)
//   { type: "error", code, message, index?, path? }    truncated | unknown_action |
//                                                      missing_attribute | malformed_tag | internal
// `index` numbers `<code>` blocks from 0 in stream order, rejected ones included, so indexes of
// code-start may skip a number. A block that starts but never ends (code-start, code-deltas,
// then `error` truncated) is not an operation: discard what was shown for it.
//
// Decisions the protocol leaves open (lib/ai/protocol/README.md):
// - Text is split into segments by tags; a segment that is only whitespace (the newlines between
//   `</response>` and `<code>`, say) is dropped, every other segment is kept verbatim.
// - Inside `<response>…</response>`, a `<code …>` tag without a `path` attribute is text (prose
//   about the HTML element); outside, it is a block with a missing_attribute error.
// - The first line break right after the opening tag and the last one before `</code>` (`\n` or
//   `\r\n`) are not content; everything else is exactly what the model wrote.
// - Tags are lower-case. `</code>` may have whitespace before its `>` (`</code >`, `</code\n>`),
//   as may `<response>` and `</response>`. `<code …/>` is a block with an empty body.
// - In a body, `<code` followed by whitespace, `>` or `/` opens a nested element unless its tag
//   ends with `/>`; quotes and `{…}` are skipped while looking for that tag's `>`.
// - Attribute names are case-insensitive, values are raw (quotes removed, nothing decoded, not
//   trimmed); unquoted values are accepted; the first of a repeated attribute wins.
import { parseTagAttributes } from "./attributes";
import type { CodeAction, CodeOperation, ProtocolErrorCode, ProtocolEvent } from "./types";

export interface ProtocolParser {
  /** Feeds the next chunk; returns the events it completes. */
  push(chunk: string): ProtocolEvent[];
  /** Ends the stream: flushes held-back text and reports a block still open. */
  end(): ProtocolEvent[];
}

/** Longest tag lookahead held back (`</response` plus whitespace before `>`). */
const MAX_LOOKAHEAD = 64;
/** An opening `<code …>` tag longer than this is not a tag: malformed_tag, and it is shown as text. */
export const MAX_OPEN_TAG = 64 * 1024;
/** A nested `<code …>` element's tag longer than this is not a tag (no nesting depth is counted). */
const MAX_INNER_TAG = 4 * 1024;

const ACTIONS: readonly string[] = ["write", "patch", "delete", "rename"] satisfies CodeAction[];

const Mode = {
  Text: 0,
  TextTag: 1, // after `<` outside blocks: is it <response>, </response> or <code?
  OpenTag: 2, // inside a block's opening tag, looking for its `>`
  Body: 3,
  BodyTag: 4, // after `<` in a body: is it </code> or a nested <code?
  InnerTag: 5, // inside a nested <code …> element's tag, looking for its `>`
  Done: 6,
} as const;
type Mode = (typeof Mode)[keyof typeof Mode];

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** `<code` followed by whitespace, `>` or `/`: a block's or an element's opening tag. */
function isCodeOpen(s: string, j: number): boolean {
  if (!s.startsWith("<code", j)) return false;
  const c = s.charCodeAt(j + 5);
  return isSpace(c) || c === 62 || c === 47;
}

/** Whether the `<` at `j` may start a tag outside blocks (the caller has 11 characters after it). */
function maybeTextTag(s: string, j: number): boolean {
  return s.startsWith("<response", j) || s.startsWith("</response", j) || isCodeOpen(s, j);
}

/** Whether the `<` at `j` may start a tag in a body (the caller has 7 characters after it). */
function maybeBodyTag(s: string, j: number): boolean {
  return s.startsWith("</code", j) || isCodeOpen(s, j);
}

interface Block {
  index: number;
  path: string;
  action: CodeAction;
  to?: string;
  /** False for a rejected block: its body is consumed but not reported. */
  live: boolean;
  parts: string[];
  depth: number;
  /** 0: nothing of the body seen; 1: a leading `\r` seen; 2: past the leading line break. */
  lead: 0 | 1 | 2;
  /** A trailing line break held back: it is dropped if `</code>` follows. */
  held: string;
}

export function createProtocolParser(): ProtocolParser {
  let mode: Mode = Mode.Text;
  let out: ProtocolEvent[] = [];
  let nextIndex = 0;
  let inResponse = false;

  // Text segments: whitespace-only ones are dropped.
  let segmentHasText = false;
  let heldSpace: string[] = [];

  // Bounded lookahead after `<`; `pendSpace` once it is a complete tag name followed by whitespace.
  let pend = "";
  let pendSpace = false;

  // The opening tag being read.
  let tagParts: string[] = [];
  let tagLength = 0;
  let tagQuote = 0;
  let tagLastChar = 0;

  let block: Block | null = null;

  // A nested element's tag being skipped.
  let innerQuote = 0;
  let innerBraces = 0;
  let innerEscape = false;
  let innerLastChar = 0;
  let innerLength = 0;

  function error(code: ProtocolErrorCode, message: string, index?: number, path?: string) {
    const event: ProtocolEvent = { type: "error", code, message };
    if (index !== undefined) event.index = index;
    if (path !== undefined) event.path = path;
    out.push(event);
  }

  function textOut(s: string) {
    if (s.length === 0) return;
    if (segmentHasText) {
      out.push({ type: "text-delta", text: s });
      return;
    }
    for (let k = 0; k < s.length; k++) {
      if (!isSpace(s.charCodeAt(k))) {
        heldSpace.push(s);
        out.push({ type: "text-delta", text: heldSpace.join("") });
        heldSpace = [];
        segmentHasText = true;
        return;
      }
    }
    heldSpace.push(s);
  }

  function endSegment() {
    segmentHasText = false;
    heldSpace = [];
  }

  function bodyOut(s: string) {
    const b = block!;
    if (!b.live || s.length === 0) return;
    if (b.lead !== 2) {
      if (b.lead === 1) {
        b.lead = 2;
        s = s.charCodeAt(0) === 10 ? s.slice(1) : `\r${s}`;
      } else if (s.charCodeAt(0) === 10) {
        b.lead = 2;
        s = s.slice(1);
      } else if (s.charCodeAt(0) === 13) {
        if (s.length === 1) {
          b.lead = 1;
          return;
        }
        b.lead = 2;
        if (s.charCodeAt(1) === 10) s = s.slice(2);
      } else {
        b.lead = 2;
      }
      if (s.length === 0) return;
    }
    const text = b.held.length > 0 ? b.held + s : s;
    let cut = text.length;
    const last = text.charCodeAt(cut - 1);
    if (last === 10) {
      cut--;
      if (cut > 0 && text.charCodeAt(cut - 1) === 13) cut--;
    } else if (last === 13) {
      cut--;
    }
    b.held = text.slice(cut);
    if (cut > 0) {
      const delta = cut === text.length ? text : text.slice(0, cut);
      b.parts.push(delta);
      out.push({ type: "code-delta", index: b.index, text: delta });
    }
  }

  function openBlock(raw: string, selfClosing: boolean) {
    const attrs = parseTagAttributes(raw, raw.length - 1, true);
    const path = attrs.get("path");
    if (inResponse && path === undefined) {
      // Prose about the HTML element, inside a response: text.
      textOut(raw);
      mode = Mode.Text;
      return;
    }
    endSegment();
    inResponse = false;
    const index = nextIndex++;
    const actionAttr = attrs.get("action");
    const action = (actionAttr ?? "write") as CodeAction;
    const to = attrs.get("to");
    let live = false;
    if (!path) {
      error("missing_attribute", `Code block ${index} has no path.`, index);
    } else if (!ACTIONS.includes(action)) {
      error(
        "unknown_action",
        `Code block ${index} (${path}) has an unknown action "${actionAttr}"; use write, patch, delete or rename.`,
        index,
        path,
      );
    } else if (action === "rename" && !to) {
      error("missing_attribute", `Code block ${index} (${path}) renames without a "to" path.`, index, path);
    } else {
      live = true;
      const start: ProtocolEvent = { type: "code-start", index, path, action };
      if (action === "rename") start.to = to;
      out.push(start);
    }
    block = { index, path: path ?? "", action, live, parts: [], depth: 0, lead: 0, held: "" };
    if (action === "rename") block.to = to;
    if (selfClosing) closeBlock();
    else mode = Mode.Body;
  }

  function closeBlock() {
    const b = block!;
    if (b.live) {
      // A lone `\r` is not a line break: it is content.
      if (b.lead === 1 || b.held === "\r") {
        b.parts.push("\r");
        out.push({ type: "code-delta", index: b.index, text: "\r" });
      }
      const operation: CodeOperation = { path: b.path, action: b.action, content: b.parts.join("") };
      if (b.to !== undefined) operation.to = b.to;
      out.push({ type: "code-end", index: b.index, operation });
    }
    block = null;
    mode = Mode.Text;
  }

  function truncated(index: number, path: string | undefined) {
    const where = path ? ` (${path})` : "";
    error(
      "truncated",
      `Code block ${index}${where} was still open when the answer ended; it is not applied.`,
      index,
      path,
    );
  }

  /** Reads `s` from `i` in the current mode; returns where it stopped (always past `i` or at n). */
  function step(s: string, i: number): number {
    const n = s.length;
    switch (mode) {
      case Mode.Text: {
        // Fast path: a `<` that is plainly no tag, with its next characters in this chunk, stays
        // part of the run; only possible tags (and chunk ends) go through the lookahead.
        let j = s.indexOf("<", i);
        while (j !== -1 && j + 11 < n && !maybeTextTag(s, j)) j = s.indexOf("<", j + 1);
        if (j === -1) {
          textOut(i === 0 ? s : s.slice(i));
          return n;
        }
        if (j > i) textOut(s.slice(i, j));
        pend = "<";
        pendSpace = false;
        mode = Mode.TextTag;
        return j + 1;
      }
      case Mode.TextTag: {
        const c = s.charCodeAt(i);
        if (pendSpace) {
          if (c === 62) return responseTag(i);
          if (isSpace(c) && pend.length < MAX_LOOKAHEAD) {
            pend += s[i];
            return i + 1;
          }
        } else {
          const candidate = pend + s[i];
          if (
            "<response".startsWith(candidate) ||
            "</response".startsWith(candidate) ||
            "<code".startsWith(candidate)
          ) {
            pend = candidate;
            return i + 1;
          }
          if (pend === "<response" || pend === "</response") {
            if (c === 62) return responseTag(i);
            if (isSpace(c)) {
              pend = candidate;
              pendSpace = true;
              return i + 1;
            }
          } else if (pend === "<code" && (isSpace(c) || c === 62 || c === 47)) {
            tagParts = [pend];
            tagLength = pend.length;
            tagQuote = 0;
            tagLastChar = 0;
            mode = Mode.OpenTag;
            return i;
          }
        }
        // Not a tag: the lookahead is text, and this character is read again as text.
        textOut(pend);
        mode = Mode.Text;
        return i;
      }
      case Mode.OpenTag: {
        const limit = Math.min(n, i + (MAX_OPEN_TAG - tagLength));
        let j = i;
        for (; j < limit; j++) {
          const c = s.charCodeAt(j);
          if (tagQuote !== 0) {
            if (c === tagQuote) tagQuote = 0;
          } else if (c === 62) {
            tagParts.push(s.slice(i, j + 1));
            const raw = tagParts.join("");
            tagParts = [];
            openBlock(raw, tagLastChar === 47);
            return j + 1;
          } else if (c === 34 || c === 39) {
            tagQuote = c;
            tagLastChar = c;
          } else if (!isSpace(c)) {
            tagLastChar = c;
          }
        }
        tagParts.push(s.slice(i, j));
        tagLength += j - i;
        if (tagLength >= MAX_OPEN_TAG) {
          const raw = tagParts.join("");
          tagParts = [];
          error("malformed_tag", `A <code> tag ran past ${MAX_OPEN_TAG} characters without ending.`);
          textOut(raw);
          mode = Mode.Text;
        }
        return j;
      }
      case Mode.Body: {
        let j = s.indexOf("<", i);
        while (j !== -1 && j + 7 < n && !maybeBodyTag(s, j)) j = s.indexOf("<", j + 1);
        if (j === -1) {
          bodyOut(i === 0 ? s : s.slice(i));
          return n;
        }
        if (j > i) bodyOut(s.slice(i, j));
        pend = "<";
        pendSpace = false;
        mode = Mode.BodyTag;
        return j + 1;
      }
      case Mode.BodyTag: {
        const c = s.charCodeAt(i);
        if (pendSpace) {
          if (c === 62) return closeTag(i);
          if (isSpace(c) && pend.length < MAX_LOOKAHEAD) {
            pend += s[i];
            return i + 1;
          }
        } else {
          const candidate = pend + s[i];
          if ("</code".startsWith(candidate) || "<code".startsWith(candidate)) {
            pend = candidate;
            return i + 1;
          }
          if (pend === "</code") {
            if (c === 62) return closeTag(i);
            if (isSpace(c)) {
              pend = candidate;
              pendSpace = true;
              return i + 1;
            }
          } else if (pend === "<code" && (isSpace(c) || c === 62 || c === 47)) {
            bodyOut(pend);
            innerQuote = 0;
            innerBraces = 0;
            innerEscape = false;
            innerLastChar = 0;
            innerLength = 0;
            mode = Mode.InnerTag;
            return i;
          }
        }
        bodyOut(pend);
        mode = Mode.Body;
        return i;
      }
      case Mode.InnerTag: {
        let j = i;
        let ended = false;
        for (; j < n; j++) {
          const c = s.charCodeAt(j);
          if (innerQuote !== 0) {
            if (innerEscape) innerEscape = false;
            else if (c === 92 && innerBraces > 0) innerEscape = true;
            else if (c === innerQuote) {
              innerQuote = 0;
              innerLastChar = c;
            }
          } else if (c === 62 && innerBraces === 0) {
            ended = true;
            j++;
            break;
          } else {
            if (c === 34 || c === 39 || c === 96) innerQuote = c;
            else if (c === 123) innerBraces++;
            else if (c === 125 && innerBraces > 0) innerBraces--;
            if (!isSpace(c)) innerLastChar = c;
          }
          if (++innerLength >= MAX_INNER_TAG) {
            // Not an element after all: no nesting is counted for it.
            j++;
            mode = Mode.Body;
            break;
          }
        }
        bodyOut(s.slice(i, j));
        if (ended) {
          if (innerLastChar !== 47) block!.depth++;
          mode = Mode.Body;
        }
        return j;
      }
      default:
        return n;
    }
  }

  function responseTag(i: number): number {
    inResponse = !pend.startsWith("</");
    endSegment();
    mode = Mode.Text;
    return i + 1;
  }

  function closeTag(i: number): number {
    const b = block!;
    if (b.depth > 0) {
      b.depth--;
      bodyOut(`${pend}>`);
      mode = Mode.Body;
    } else {
      closeBlock();
      endSegment();
    }
    return i + 1;
  }

  function failed(cause: unknown) {
    // A bug, not an input problem: report it and ignore the rest of the stream.
    mode = Mode.Done;
    error(
      "internal",
      `The protocol parser failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }

  function flush(): ProtocolEvent[] {
    const events = out;
    out = [];
    return events;
  }

  return {
    push(chunk) {
      if (mode === Mode.Done) return [];
      try {
        const s = typeof chunk === "string" ? chunk : String(chunk);
        let i = 0;
        while (i < s.length) i = step(s, i);
      } catch (cause) {
        failed(cause);
      }
      return flush();
    },
    end() {
      if (mode === Mode.Done) return [];
      try {
        switch (mode) {
          case Mode.TextTag:
            textOut(pend);
            break;
          case Mode.OpenTag: {
            const raw = tagParts.join("");
            const path = parseTagAttributes(raw, raw.length, false).get("path");
            if (inResponse && path === undefined) textOut(raw);
            else truncated(nextIndex++, path);
            break;
          }
          case Mode.Body:
          case Mode.BodyTag:
          case Mode.InnerTag:
            truncated(block!.index, block!.path || undefined);
            break;
        }
      } catch (cause) {
        failed(cause);
      }
      mode = Mode.Done;
      return flush();
    },
  };
}

export interface ParsedProtocol {
  events: ProtocolEvent[];
  operations: CodeOperation[];
  /** All response text, joined. */
  text: string;
  errors: Extract<ProtocolEvent, { type: "error" }>[];
}

/** Parses a whole answer at once (tests, stored transcripts). */
export function parseProtocol(text: string): ParsedProtocol {
  const parser = createProtocolParser();
  const events = [...parser.push(text), ...parser.end()];
  return collectEvents(events);
}

/** Sorts a stream's events into operations, text and errors. */
export function collectEvents(events: ProtocolEvent[]): ParsedProtocol {
  const operations: CodeOperation[] = [];
  const text: string[] = [];
  const errors: ParsedProtocol["errors"] = [];
  for (const event of events) {
    if (event.type === "code-end") operations.push(event.operation);
    else if (event.type === "text-delta") text.push(event.text);
    else if (event.type === "error") errors.push(event);
  }
  return { events, operations, text: text.join(""), errors };
}
