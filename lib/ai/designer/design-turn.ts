import type { CodeOperation } from "@/lib/ai/protocol/types";
import { DESIGNER_EXAMPLES, describeDesignerCapabilities } from "./capabilities";
import { type Intent, parseRequest } from "./intents";
import { describeOtherColours } from "./one-colour";
import { renderOperation, toOperations } from "./operations";
import { describePageWide } from "./page-wide";
import { applyIntents } from "./plan";
import { Workspace } from "./workspace";

/** One chat turn of the offline designer, from the message and the files to the protocol text. */

export type DesignTurn = {
  /** The whole answer in the protocol: `<response>` markdown, then `<code>` blocks. */
  text: string;
  intents: Intent[];
  unknown: string[];
  operations: CodeOperation[];
};

const quote = (text: string) => `“${text.length > 120 ? `${text.slice(0, 117)}…` : text}”`;

function examples(): string {
  return `Try for example:\n${DESIGNER_EXAMPLES.map((example) => `- “${example}”`).join("\n")}\n- “Switch to dark mode and use a serif font”`;
}

function response(markdown: string): string {
  return `<response>\n${markdown.trim()}\n</response>\n`;
}

export async function designTurn(message: string, files: ReadonlyMap<string, string>): Promise<DesignTurn> {
  const { intents, unknown, pageWide = [], otherColours = [] } = parseRequest(message);
  const actionable = intents.filter((intent) => intent.type !== "help");

  if (actionable.length === 0) {
    const asked = intents.some((intent) => intent.type === "help");
    const opening =
      asked || !message.trim()
        ? ""
        : `I didn't understand ${quote(message.trim())}, so I made no changes.\n\n`;
    const text = response(`${opening}${describeDesignerCapabilities()}\n\n${examples()}`);
    return { text, intents, unknown, operations: [] };
  }

  const workspace = new Workspace(files);
  await applyIntents(workspace, actionable);
  const operations = toOperations(workspace);

  const parts: string[] = [];
  if (operations.length) {
    parts.push(
      intents.some((intent) => intent.type === "first-page")
        ? "Here is your new page:"
        : "Here is what I changed:",
    );
    parts.push(workspace.notes.map((note) => `- ${note}`).join("\n"));
  } else {
    parts.push("I made no changes.");
  }
  // "Make the hero blue": done for the whole page, which is said rather than the hero skipped.
  parts.push(...describePageWide(pageWide, operations.length > 0));
  // "Make the hero blue and the footer green": one brand colour per page, so green is not done.
  const notDone = [...workspace.skipped, ...describeOtherColours(otherColours)];
  if (notDone.length) {
    parts.push(`Not done:\n${notDone.map((reason) => `- ${reason}`).join("\n")}`);
  }
  if (unknown.length) {
    parts.push(
      `I skipped ${unknown.map(quote).join(" and ")} because I didn't understand ${unknown.length > 1 ? "them" : "it"} — ` +
        "I'm a rule-based designer, not an AI model. Ask “what can you do?” to see the requests I know.",
    );
  }
  if (operations.length) {
    parts.push(
      `Files: ${operations.map((operation) => `\`${operation.path}\` (${operation.action})`).join(", ")}.`,
    );
  }
  const text = response(parts.join("\n\n")) + operations.map(renderOperation).join("");
  return { text, intents, unknown, operations };
}
