// "Answer again": the new answer replaces the old one in what the person sees (the history API,
// its pages, the page after a reload) and in what the model reads next, while the old row stays in
// the database, marked superseded — and a version it applied stays too.
import type { LanguageModelV3Prompt, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { readUIMessageStream, simulateReadableStream } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commitTurn, validateTurn } from "@/lib/ai/apply/apply-turn";
import { listMessages, loadHistory, saveAssistantMessage } from "@/lib/ai/chat/queries";
import { buildTurnContext, runChatTurn } from "@/lib/ai/chat/run-chat-turn";
import type { ChatBody, ChatUIMessage } from "@/lib/ai/chat/schemas";
import type { EventPayloadInput } from "@/lib/jobs/types";
import { createProject } from "@/lib/projects/create-project";
import { readProjectFile } from "@/lib/projects/files";
import { listVersions } from "@/lib/versions/list-versions";
import { setupTestApp } from "./helpers/app";
import { captureJobEvents } from "./helpers/job-events";
import { type Owner, signUpOwner } from "./helpers/owner";

let app: Awaited<ReturnType<typeof setupTestApp>>;
let owner: Owner;
let stopCapturing: () => void;
let scope: { workspaceId: string; projectId: string; userId: string; requestId: string };
const sent: EventPayloadInput[] = [];

beforeAll(async () => {
  app = await setupTestApp();
  ({ owner } = await signUpOwner({ email: "retry@example.com", password: "retry password", name: "Rita" }));
  stopCapturing = captureJobEvents(sent);
});
afterAll(async () => {
  stopCapturing();
  await app.teardown();
});
// A project per test: each starts with an empty conversation.
beforeEach(async () => {
  sent.length = 0;
  const project = await createProject({ ...owner, name: "Retry", templateId: "saas" });
  scope = { ...owner, projectId: project.id, requestId: "test" };
});

function mockModel(text: string) {
  const chunks: LanguageModelV3StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "t" },
    { type: "text-delta", id: "t", delta: text },
    { type: "text-end", id: "t" },
    {
      type: "finish",
      finishReason: { unified: "stop", raw: "stop" },
      usage: {
        inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: 10, text: 10, reasoning: 0 },
      },
    },
  ];
  return new MockLanguageModelV3({ doStream: async () => ({ stream: simulateReadableStream({ chunks }) }) });
}

async function turn(body: Partial<ChatBody> & { text: string }, model: MockLanguageModelV3) {
  const stream = await runChatTurn(
    scope,
    { trigger: "submit", autoFix: false, ...body },
    new AbortController().signal,
    { model },
  );
  let last: ChatUIMessage | undefined;
  for await (const message of readUIMessageStream<ChatUIMessage>({ stream })) last = message;
  return last!;
}

const ask = (text: string, answer: string) => turn({ text }, mockModel(`<response>${answer}</response>`));
const answerAgain = (answer: string, model = mockModel(`<response>${answer}</response>`)) =>
  turn({ text: "(the client's copy of the question)", trigger: "regenerate" }, model);

const textOf = (message: ChatUIMessage) =>
  message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");

async function shown(limit = 30) {
  return (await listMessages(scope.projectId, { limit })).items.map((m) => `${m.role}: ${textOf(m)}`);
}

/** Every text the model was given, system prompt included. */
function promptTexts(prompt: LanguageModelV3Prompt): string[] {
  return prompt.flatMap((message) =>
    typeof message.content === "string"
      ? [message.content]
      : message.content.flatMap((part) => (part.type === "text" ? [part.text] : [])),
  );
}

describe("answer again", () => {
  it("shows only the new answer, and keeps the old one in the database, superseded", async () => {
    await ask("Make it pop", "First answer");
    const first = await app.db.chatMessage.findFirstOrThrow({
      where: { projectId: scope.projectId, role: "assistant" },
    });
    const again = await answerAgain("Second answer");

    expect(await shown()).toEqual(["user: Make it pop", "assistant: Second answer"]);
    const rows = await app.db.chatMessage.findMany({
      where: { projectId: scope.projectId },
      orderBy: { createdAt: "asc" },
    });
    // No second copy of the question; the old answer is still there, pointing at its replacement.
    expect(rows.map((r) => [r.role, r.content])).toEqual([
      ["user", "Make it pop"],
      ["assistant", "First answer"],
      ["assistant", "Second answer"],
    ]);
    expect(rows[1]).toMatchObject({ id: first.id, supersededById: again.id });
    expect(rows[1].supersededAt).toBeInstanceOf(Date);
    expect(rows[2]).toMatchObject({ id: again.id, supersededAt: null, supersededById: null });

    // Answering again once more replaces the second answer; the first keeps its replacement.
    const third = await answerAgain("Third answer");
    expect(await shown()).toEqual(["user: Make it pop", "assistant: Third answer"]);
    const after = await app.db.chatMessage.findMany({
      where: { projectId: scope.projectId, role: "assistant" },
    });
    expect(Object.fromEntries(after.map((r) => [r.content, r.supersededById]))).toEqual({
      "First answer": again.id,
      "Second answer": third.id,
      "Third answer": null,
    });
  });

  it("answers the question alone: the model sees neither the old answer nor the question twice", async () => {
    await ask("Make the page feel calmer", "Old answer about calm");
    const model = mockModel("<response>New answer</response>");
    await answerAgain("New answer", model);
    const texts = promptTexts(model.doStreamCalls[0].prompt);
    expect(texts.filter((t) => t === "Make the page feel calmer")).toHaveLength(1);
    expect(texts.join("\n")).not.toContain("Old answer about calm");
    expect(texts.at(-1)).toBe("Make the page feel calmer");
  });

  it("leaves superseded answers out of the next turn's context", async () => {
    await ask("Question one", "Replaced answer");
    await answerAgain("Kept answer");
    expect(await loadHistory(scope.projectId)).toEqual([
      { role: "user", content: "Question one", paths: [] },
      { role: "assistant", content: "Kept answer", paths: [] },
    ]);
    const { context } = await buildTurnContext(scope, "Question two");
    const sentTexts = context.messages.map((m) => String(m.content)).join("\n");
    expect(sentTexts).toContain("Kept answer");
    expect(sentTexts).not.toContain("Replaced answer");
  });

  it("pages through the history without superseded answers", async () => {
    await ask("Q1", "A1");
    await ask("Q2", "A2 old");
    await answerAgain("A2 new");
    await ask("Q3", "A3 old");
    await answerAgain("A3 newer");

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await listMessages(scope.projectId, { limit: 2, cursor });
      pages.push(page.items.map((m) => textOf(m)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([
      ["Q3", "A3 newer"],
      ["Q2", "A2 new"],
      ["Q1", "A1"],
    ]);

    // A cursor that has been superseded since it was handed out still pages on from where it was.
    const stale = await app.db.chatMessage.findFirstOrThrow({ where: { content: "A3 old" } });
    const page = await listMessages(scope.projectId, { limit: 2, cursor: stale.id });
    expect(page.items.map((m) => textOf(m))).toEqual(["A2 new", "Q3"]);
  });

  it("keeps the version an old answer applied; only its message is hidden", async () => {
    await turn(
      { text: "add a file" },
      mockModel('<response>Adding it</response><code path="src/first.ts">export const first = 1;\n</code>'),
    );
    expect(sent).toHaveLength(1);
    const data = sent[0].data as { applyRunId: string; request: string };
    const applyScope = { ...scope, runId: data.applyRunId, request: data.request };
    const validated = await validateTurn(applyScope);
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
    const committed = await commitTurn(applyScope, validated);
    expect(committed).toMatchObject({ ok: true });

    await answerAgain("Let me think again, without code");
    expect(await shown()).toEqual(["user: add a file", "assistant: Let me think again, without code"]);
    const versions = await listVersions(scope);
    expect(versions.items.map((v) => [v.number, v.author])).toEqual([
      [2, "ai"],
      [1, expect.any(String)],
    ]);
    const file = await readProjectFile({ ...scope, path: "src/first.ts" });
    expect(file.content.toString("utf8").trim()).toBe("export const first = 1;");
    // The run still belongs to the old answer, which is still in the database.
    const run = await app.db.applyRun.findUniqueOrThrow({
      where: { id: data.applyRunId },
      select: { message: { select: { content: true, supersededAt: true } } },
    });
    expect(run.message?.content).toContain("Adding it");
    expect(run.message?.supersededAt).toBeInstanceOf(Date);
  });

  it("replaces every answer shown after the question (one saved late, too), and never a later turn's", async () => {
    await ask("Q1", "A1");
    const q1 = await app.db.chatMessage.findFirstOrThrow({
      where: { projectId: scope.projectId, content: "Q1" },
    });
    // A stopped answer saved after the retry began: it shows after the question too.
    await app.db.chatMessage.create({
      data: { projectId: scope.projectId, role: "assistant", content: "A1 stopped", status: "stopped" },
    });
    await ask("Q2", "A2");
    // Answering Q1 again (the retry began before Q2 was asked, in another tab).
    await saveAssistantMessage({
      id: "retry-of-q1",
      projectId: scope.projectId,
      text: "A1 again",
      parts: [{ type: "text", text: "A1 again" }],
      operations: [],
      model: "mock:mock",
      status: "complete",
      answersAgain: q1,
    });
    const hidden = await app.db.chatMessage.findMany({
      where: { projectId: scope.projectId, supersededAt: { not: null } },
      select: { content: true, supersededById: true },
    });
    expect(hidden.map((r) => r.content).sort()).toEqual(["A1", "A1 stopped"]);
    expect(hidden.every((r) => r.supersededById === "retry-of-q1")).toBe(true);
  });

  it("refuses to answer again when nothing was asked", async () => {
    await expect(
      runChatTurn(scope, { text: "x", trigger: "regenerate", autoFix: false }, new AbortController().signal, {
        model: mockModel("<response>x</response>"),
      }),
    ).rejects.toMatchObject({ code: "bad_request:chat" });
  });
});
