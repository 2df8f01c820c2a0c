/**
 * Where one request of a message ends and the next begins. A message is cut at "and", "plus",
 * "then", "also", "&", commas, semicolons and the ends of sentences — but only where what follows
 * is a request of its own: either it starts with a command ("…and use a serif font"), or the words
 * up to the next separator read as a request on their own that the clause so far would otherwise
 * swallow ("remove the testimonials and a serif font", "change the headline to Hi and dark mode"),
 * or they name other sections and a place of their own after a move or an add that did too, and
 * then take over its verb ("move the stats up and the FAQ to the end" is two moves).
 * Lists ("the stats and the FAQ") and free text ("to Rich and warm") stay whole.
 */
import { endsWithQuote } from "./text";

/** What a stretch of a message asks for when read on its own, as far as splitting is concerned. */
export type ClauseReading = {
  /** `section`: add/remove/move/swap sections; `text`: a new text or brand name; `style`: look
   *  and feel; `none`: nothing understood. */
  kind: "section" | "text" | "style" | "none";
  /** It plainly names what it changes ("the button to…", "a serif font", "dark mode"), so it is
   *  not just more words of a text being written ("Rich and warm"). */
  plain: boolean;
  /** It names a page section. */
  namesSection: boolean;
  /** It puts sections in a place ("move the stats up", "add an FAQ after the features"): the verb
   *  that a following stretch naming other sections and a place, but no verb, takes over. */
  carries?: string;
};

export type ReadClause = (clause: string) => ClauseReading;

const COMMAND_START =
  /^(?:(?:please|also|then|now|and|so|ok|okay)[,]?\s+)*(?:add|include|insert|append|remove|delete|drop|hide|get rid|take out|move|put|place|swap|change|set|make|use|switch|rename|call it|name it|update|replace|turn|give|apply|go|darken|lighten|edit|i want|i'd like|i need|we need|we want|can you|could you|let's|lets)\b/i;

const SEPARATOR = /\s*(?:[,;]|[.!?](?=\s)|\s(?:and then|and also|then|also|and|plus|&)(?=\s))\s*/gi;

// What a separator can leave at the start of a stretch (". And the FAQ…", ", and the FAQ…").
const LEADING_JOINER = /^(?:(?:and|then|also|plus|&)[,]?\s+)+/i;

/**
 * What a clause is (a section list, a text, a style) shows in its first words; reading only those
 * keeps a long message from being read again and again as its clause grows (quadratic time).
 */
const READ_AT_MOST = 200;

function startsRequest(clause: string, following: ClauseReading, read: ReadClause): boolean {
  if (following.kind === "none") return false;
  const current = read(clause.slice(0, READ_AT_MOST));
  switch (current.kind) {
    // A section request keeps only section names: anything else after it would be lost.
    case "section":
      return following.kind === "text"
        ? following.plain
        : following.kind === "style" && !following.namesSection;
    // Free text runs to the end of the clause unless what follows plainly asks for something else.
    case "text":
      // A quoted value (a placeholder from `extractQuotes`) closes the clause's free text.
      if (endsWithQuote(clause)) return true;
      return following.kind !== "section" && following.plain;
    // A look-and-feel clause already reads every style word in it; what it understood nothing of
    // is cut off so that it can be named as skipped.
    case "style":
    case "none":
      if (following.kind === "style") return current.kind === "none" && following.plain;
      return following.plain;
  }
}

/**
 * The verb `next` takes over from `clause` when both put sections in a place and `next` leaves
 * its verb out: "move the FAQ to the top and [move] the stats below the hero". A list with one
 * place for all ("add pricing and an FAQ after the features") has no place before the "and", so it
 * stays one request.
 */
function carriedVerb(clause: string, next: string, following: ClauseReading, read: ReadClause) {
  if (following.kind === "text" || !following.namesSection) return undefined;
  const verb = read(clause.slice(0, READ_AT_MOST)).carries;
  if (!verb) return undefined;
  return read(`${verb} ${next.replace(LEADING_JOINER, "")}`).carries === undefined ? undefined : verb;
}

/**
 * Splits a message (quotes already replaced by placeholders) into one clause per request. A clause
 * that took over a verb is returned with it ("move the FAQ to the end"), so it reads on its own.
 */
export function splitAtRequests(text: string, read: ReadClause): string[] {
  const clauses: string[] = [];
  for (const line of text.split(/\n+/)) {
    const separators = [...line.matchAll(SEPARATOR)];
    let start = 0;
    // The verb the current clause took over from the one before it.
    let verb: string | undefined;
    const clauseUpTo = (end: number) =>
      verb ? `${verb} ${line.slice(start, end).replace(LEADING_JOINER, "")}` : line.slice(start, end);
    separators.forEach((separator, index) => {
      const at = separator.index;
      const after = at + separator[0].length;
      // The next stretch: up to the following separator, or the end of the line.
      const next = line.slice(after, separators[index + 1]?.index ?? line.length);
      const clause = clauseUpTo(at);
      if (COMMAND_START.test(next)) {
        clauses.push(clause);
        start = after;
        verb = undefined;
        return;
      }
      const following = read(next);
      const carried = carriedVerb(clause, next, following, read);
      if (carried || startsRequest(clause, following, read)) {
        clauses.push(clause);
        start = after;
        verb = carried;
      }
    });
    clauses.push(clauseUpTo(line.length));
  }
  return clauses.map((clause) => clause.trim()).filter((clause) => clause.replace(/[.!?,\s]/g, "") !== "");
}
