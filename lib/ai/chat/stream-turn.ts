// Turns a model's text stream into the chat's UI message stream in one pass: response text as
// text parts, each `<code>` block as a card that fills in live and shows its validation result
// when it closes (checked against the project's files as the earlier blocks left them).
import type { UIMessageStreamWriter } from "ai";
import { createProtocolParser } from "@/lib/ai/protocol/parser";
import type { CodeOperation, ProtocolEvent } from "@/lib/ai/protocol/types";
import { applyOperations } from "@/lib/edits/apply-operations";
import type { ApplyOptions, FileContent } from "@/lib/edits/schemas";
import type { ChatUIMessage, CodeCardData } from "./schemas";

/** How often a streaming card is refreshed, at most. */
const CARD_REFRESH_MS = 120;

export interface StreamedTurn {
  text: string;
  operations: CodeOperation[];
  cards: CodeCardData[];
  /** Blocks that failed to parse (truncated, unknown action…), already shown on their cards. */
  protocolErrors: number;
}

export async function streamTurn(input: {
  textStream: AsyncIterable<string>;
  writer: UIMessageStreamWriter<ChatUIMessage>;
  files: Map<string, FileContent>;
  applyOptions: ApplyOptions;
}): Promise<StreamedTurn> {
  const { writer } = input;
  const parser = createProtocolParser();
  const cards = new Map<number, CodeCardData>();
  const lastSent = new Map<number, number>();
  let simulated: ReadonlyMap<string, FileContent> = input.files;
  const operations: CodeOperation[] = [];
  let text = "";
  let textId: string | null = null;
  let textCount = 0;
  let protocolErrors = 0;

  const sendCard = (card: CodeCardData, force = false) => {
    const now = performance.now();
    if (!force && now - (lastSent.get(card.index) ?? 0) < CARD_REFRESH_MS) return;
    lastSent.set(card.index, now);
    writer.write({ type: "data-code", id: `code-${card.index}`, data: { ...card } });
  };
  const closeText = () => {
    if (textId) writer.write({ type: "text-end", id: textId });
    textId = null;
  };

  const handle = (event: ProtocolEvent) => {
    switch (event.type) {
      case "text-delta": {
        if (!textId) {
          textId = `text-${textCount++}`;
          writer.write({ type: "text-start", id: textId });
        }
        writer.write({ type: "text-delta", id: textId, delta: event.text });
        text += event.text;
        return;
      }
      case "code-start": {
        closeText();
        const card: CodeCardData = {
          index: event.index,
          path: event.path,
          action: event.action,
          ...(event.to ? { to: event.to } : {}),
          status: "streaming",
          lines: 0,
          linesAdded: 0,
          linesRemoved: 0,
        };
        cards.set(event.index, card);
        sendCard(card, true);
        return;
      }
      case "code-delta": {
        const card = cards.get(event.index);
        if (!card) return;
        for (let i = event.text.indexOf("\n"); i !== -1; i = event.text.indexOf("\n", i + 1)) card.lines++;
        sendCard(card);
        return;
      }
      case "code-end": {
        const card = cards.get(event.index);
        operations.push(event.operation);
        const result = applyOperations(simulated, [event.operation], input.applyOptions);
        if (!card) return;
        if (result.ok) {
          simulated = result.files;
          const stats = result.stats[0];
          Object.assign(card, {
            status: "valid",
            linesAdded: stats?.linesAdded ?? 0,
            linesRemoved: stats?.linesRemoved ?? 0,
          });
        } else {
          Object.assign(card, { status: "invalid", reason: result.errors.map((e) => e.reason).join(" ") });
        }
        sendCard(card, true);
        return;
      }
      case "error": {
        protocolErrors++;
        const card = event.index !== undefined ? cards.get(event.index) : undefined;
        if (card) {
          Object.assign(card, {
            status: event.code === "truncated" ? "truncated" : "invalid",
            reason: event.message,
          });
          sendCard(card, true);
        } else {
          const note = `\n\n> ${event.message}\n`;
          text += note;
          if (!textId) {
            textId = `text-${textCount++}`;
            writer.write({ type: "text-start", id: textId });
          }
          writer.write({ type: "text-delta", id: textId, delta: note });
        }
        return;
      }
    }
  };

  try {
    for await (const delta of input.textStream) for (const event of parser.push(delta)) handle(event);
  } finally {
    // Whatever arrived before a stop or an error is still parsed; open blocks end as truncated.
    for (const event of parser.end()) handle(event);
    closeText();
  }
  return { text, operations, cards: [...cards.values()], protocolErrors };
}
