import { cleanValue, normalize, onlyQuote, restoreQuotes } from "./text";
import { SECTION_WORDS } from "./vocabulary";

/** "a landing page for a coffee subscription called BeanBox with pricing and an FAQ", read apart. */
export type FirstPageRequest = {
  /** The whole request, quotes restored. */
  description: string;
  /** What the page is about, lower case without articles: "coffee subscription". */
  subject: string;
  /** The same words as written: "tech conference in Lisbon". */
  subjectText: string;
  brand?: string;
  /** Sections asked for besides the standard ones, in the order named. */
  sections: string[];
  /** The words after the subject (for colours, fonts and mode named in the description). */
  rest: string;
};

const PAGE_WORDS = "(?:landing ?page|website|web ?site|site|home ?page|page|one-pager|portfolio)";
const DESCRIBES = new RegExp(`\\b${PAGE_WORDS}\\s+(?:for|about|of)\\s+`, "i");
const STARTS_PAGE = new RegExp(
  `^(?:please\\s+)?(?:(?:create|build|make|generate|design|start|write|set up|i want|i need|i'd like|we need|give me)\\s+(?:me\\s+|us\\s+)?)?(?:an?|my|our|the)?\\s*(?:new\\s+|simple\\s+|modern\\s+)?${PAGE_WORDS}\\b`,
  "i",
);
// Where the subject ends: the brand, the wanted sections or the look.
const SUBJECT_END =
  /\s+(?:called|named|with|that|which|featuring|including|plus|using|in\s+(?:an?\s+)?(?:\w+\s+)?(?:colou?rs?|palette|tones?|mode|theme|style|font)|in\s+(?:dark|light)\b)|[,.;!?(]|\s+-\s+|$/i;
const BRAND =
  /\b(?:called|named)\s+(.+?)(?=\s+(?:with|that|which|and|in|using|featuring|including|for|plus)\b|[,.;!?(]|$)/i;

export function parseFirstPageRequest(text: string, quotes: string[]): FirstPageRequest | undefined {
  const describes = DESCRIBES.exec(text);
  if (!describes || !STARTS_PAGE.test(text.trim())) return undefined;
  const after = text.slice(describes.index + describes[0].length);
  const end = SUBJECT_END.exec(after);
  const subjectRaw = after.slice(0, end ? end.index : after.length);
  const article = /^(?:an?|the|my|our|your|some)\s+/i;
  let subjectText = restoreQuotes(subjectRaw, quotes).replace(/\s+/g, " ").trim().replace(article, "");
  let subject = normalize(subjectText);
  const rest = after.slice(end ? end.index : after.length);

  let brand: string | undefined;
  const brandMatch = BRAND.exec(rest);
  if (brandMatch)
    brand = onlyQuote(brandMatch[1], quotes) ?? cleanValue(restoreQuotes(brandMatch[1], quotes));
  // "a page for BeanBox, a coffee subscription": a capitalised subject is the brand.
  if (!brand && /^[A-Z]/.test(subjectRaw.replace(/^(?:an?|the|my|our)\s+/i, "").trim())) {
    brand = cleanValue(restoreQuotes(subjectRaw.replace(/^(?:the|my|our)\s+/i, ""), quotes));
    const apposition =
      /^,\s*(?:an?|the)\s+([^,.;]+?)(?=\s+(?:with|that|which|featuring|including)\b|[,.;]|$)/i.exec(rest);
    subjectText = apposition ? apposition[1].replace(/\s+/g, " ").trim() : "";
    subject = normalize(subjectText);
  }

  const restAll = normalize(
    restoreQuotes(
      rest,
      quotes.map(() => ""),
    ),
  );
  const restLower = brand ? restAll.split(normalize(brand)).join(" ") : restAll;
  const sections: string[] = [];
  const named = Object.entries(SECTION_WORDS)
    .flatMap(([id, phrases]) =>
      phrases.map((phrase) => ({
        id,
        index: restLower.search(new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`)),
      })),
    )
    .filter((entry) => entry.index >= 0)
    .sort((a, b) => a.index - b.index);
  for (const { id } of named) if (!sections.includes(id)) sections.push(id);

  return {
    description: restoreQuotes(text, quotes).trim(),
    subject,
    subjectText,
    ...(brand ? { brand } : {}),
    sections,
    rest: restLower,
  };
}
