// A chat turn end to end below the HTTP layer: the model streams (the offline designer, or AI SDK
// mocks streaming hostile output) → the UI stream carries response text and code cards → the
// turn is persisted and queued as one ai/apply.requested event → the apply steps commit one
// version, or refuse the whole turn and leave the previous version current.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { readUIMessageStream, simulateReadableStream } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commitTurn, failTurn, validateTurn } from "@/lib/ai/apply/apply-turn";
import { runChatTurn } from "@/lib/ai/chat/run-chat-turn";
import type { ChatUIMessage } from "@/lib/ai/chat/schemas";
import type { EventPayloadInput } from "@/lib/jobs/types";
import { createProject } from "@/lib/projects/create-project";
import { readProjectFile } from "@/lib/projects/files";
import { getProject } from "@/lib/projects/get-project";
import { listVersions } from "@/lib/versions/list-versions";
import { setupTestApp } from "./helpers/app";
import { captureJobEvents } from "./helpers/job-events";
import { signUpOwner } from "./helpers/owner";

let app: Awaited<ReturnType<typeof setupTestApp>>;
let scope: { workspaceId: string; projectId: string; userId: string; requestId: string };
const sent: EventPayloadInput[] = [];
let stopCapturing: () => void;

beforeAll(async () => {
  app = await setupTestApp();
  const { owner } = await signUpOwner({ email: "chat@example.com", password: "chat password", name: "Chet" });
  const project = await createProject({ ...owner, name: "Beans", templateId: "saas" });
  scope = { ...owner, projectId: project.id, requestId: "test" };
  // Capture what the turn sends to the job engine; the apply steps are driven below.
  stopCapturing = captureJobEvents(sent);
});
afterAll(async () => {
  stopCapturing();
  await app.teardown();
});
beforeEach(() => {
  sent.length = 0;
});

function mockModel(text: string, chunkSize = 7) {
  const chunks: LanguageModelV3StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "t" },
  ];
  for (let i = 0; i < text.length; i += chunkSize)
    chunks.push({ type: "text-delta", id: "t", delta: text.slice(i, i + chunkSize) });
  chunks.push({ type: "text-end", id: "t" });
  chunks.push({
    type: "finish",
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 10, text: 10, reasoning: 0 },
    },
  });
  return new MockLanguageModelV3({ doStream: async () => ({ stream: simulateReadableStream({ chunks }) }) });
}

async function turn(text: string, model?: MockLanguageModelV3) {
  const stream = await runChatTurn(
    scope,
    { text, trigger: "submit", autoFix: false },
    new AbortController().signal,
    model ? { model } : {},
  );
  let last: ChatUIMessage | undefined;
  for await (const message of readUIMessageStream<ChatUIMessage>({ stream })) last = message;
  return last!;
}

async function applySent() {
  expect(sent).toHaveLength(1);
  const data = sent[0].data as { applyRunId: string; request: string };
  const applyScope = { ...scope, runId: data.applyRunId, request: data.request };
  const validated = await validateTurn(applyScope);
  if (!validated.ok) {
    await failTurn(applyScope, validated.errors);
    return { ok: false as const, errors: validated.errors, applyScope };
  }
  const committed = await commitTurn(applyScope, validated);
  return { ...committed, applyScope, validated };
}

describe("chat turns", () => {
  it("the offline designer's answer streams as text and a code card, then commits one version", async () => {
    const message = await turn("change the headline to Fresh beans, every week");
    const text = message.parts
      .filter((p) => p.type === "text")
      .map((p) => p.text)
      .join("");
    expect(text.length).toBeGreaterThan(10);
    const cards = message.parts.filter((p) => p.type === "data-code");
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((c) => c.type === "data-code" && c.data.status === "valid")).toBe(true);
    expect(message.parts.some((p) => p.type === "data-apply")).toBe(true);
    expect(sent[0].name).toBe("ai/apply.requested");

    const result = await applySent();
    expect(result.ok).toBe(true);
    const app_ = await readProjectFile({ ...scope, path: "src/App.tsx" });
    expect(app_.content.toString("utf8")).toContain("Fresh beans, every week");
    const versions = await listVersions(scope);
    expect(versions.items[0]).toMatchObject({ number: 2, author: "ai" });

    // Replaying the commit never makes a second version.
    if (result.ok && "validated" in result && result.validated) {
      const again = await commitTurn(result.applyScope, result.validated);
      expect(again).toMatchObject({ ok: true, versionId: result.versionId, number: 2 });
    }
    expect((await listVersions(scope)).items).toHaveLength(2);
  });

  it("persists the conversation (user message, answer with its operations)", async () => {
    const rows = await app.db.chatMessage.findMany({
      where: { projectId: scope.projectId },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.role)).toEqual(["user", "assistant"]);
    expect(Array.isArray(rows[1].operations) && rows[1].operations.length).toBeGreaterThan(0);
  });

  const hostile: Array<[string, string]> = [
    ["path traversal", '<response>x</response><code path="../../outside.txt">pwned</code>'],
    ["absolute path", '<response>x</response><code path="/etc/pagecraft-test">pwned</code>'],
    ["symlink-style trick", '<response>x</response><code path="src/../../../outside.ts">export {}</code>'],
    ["read-only file", '<response>x</response><code path="package.json">{}</code>'],
    [
      "giant file",
      `<response>x</response><code path="src/huge.ts">export const s = "${"x".repeat(400_000)}";</code>`,
    ],
    [
      "too many files",
      `<response>x</response>${Array.from({ length: 45 }, (_, i) => `<code path="src/f${i}.ts">export const a${i} = ${i};</code>`).join("")}`,
    ],
    [
      "placeholder",
      '<response>x</response><code path="src/App.tsx">// ... rest of the file unchanged ...</code>',
    ],
    [
      "one bad among good",
      '<response>x</response><code path="src/ok.ts">export const ok = 1;</code><code path="src/bad.tsx">export const B = () => <div>;</code>',
    ],
  ];

  it.each(hostile)("refuses %s: nothing written, previous version current", async (_name, output) => {
    const before = await getProject(scope);
    const blobsBefore = await app.db.blob.count();
    const message = await turn("do something", mockModel(output, 997));
    const cards = message.parts.filter((p) => p.type === "data-code");
    expect(cards.some((c) => c.type === "data-code" && c.data.status !== "valid") || cards.length > 40).toBe(
      true,
    );
    const result = await applySent();
    expect(result.ok).toBe(false);
    const after = await getProject(scope);
    expect(after.currentVersionId).toBe(before.currentVersionId);
    expect(await app.db.blob.count()).toBe(blobsBefore);
    const run = await app.db.applyRun.findUniqueOrThrow({ where: { id: result.applyScope.runId } });
    expect(run.status).toBe("failed");
    expect(Array.isArray(run.errors) && run.errors.length).toBeGreaterThan(0);
    // Nothing landed outside the storage folder's objects either.
    const files = await readdir(path.join(app.storageDir, "objects"), { recursive: true });
    expect(files.some((f) => f.includes("outside") || f.includes("etc"))).toBe(false);
  });

  it("a stopped answer is kept in the history but never applied, even its finished blocks", async () => {
    const before = await getProject(scope);
    const output =
      '<response>Two files</response><code path="src/one.ts">export const one = 1;</code>' +
      `<code path="src/two.ts">export const two = "${"2".repeat(400)}";</code>`;
    const chunks: LanguageModelV3StreamPart[] = [
      { type: "stream-start", warnings: [] },
      { type: "text-start", id: "t" },
    ];
    for (let i = 0; i < output.length; i += 20)
      chunks.push({ type: "text-delta", id: "t", delta: output.slice(i, i + 20) });
    const model = new MockLanguageModelV3({
      doStream: async () => ({ stream: simulateReadableStream({ chunks, chunkDelayInMs: 15 }) }),
    });
    const controller = new AbortController();
    const stream = await runChatTurn(
      scope,
      { text: "two files", trigger: "submit", autoFix: false },
      controller.signal,
      {
        model,
      },
    );
    let stopped = false;
    for await (const message of readUIMessageStream<ChatUIMessage>({ stream })) {
      const valid = message.parts.some((p) => p.type === "data-code" && p.data.status === "valid");
      if (valid && !stopped) {
        stopped = true;
        controller.abort();
      }
    }
    expect(stopped).toBe(true);
    expect(sent).toHaveLength(0);
    const saved = await app.db.chatMessage.findFirstOrThrow({
      where: { projectId: scope.projectId, role: "assistant" },
      orderBy: { createdAt: "desc" },
    });
    expect(saved.status).toBe("stopped");
    expect((await getProject(scope)).currentVersionId).toBe(before.currentVersionId);
  });

  it("an unterminated block is reported as truncated and queues nothing", async () => {
    const before = await getProject(scope);
    const message = await turn(
      "x",
      mockModel('<response>Here</response><code path="src/App.tsx" action="write">export default'),
    );
    const card = message.parts.find((p) => p.type === "data-code");
    expect(card?.type === "data-code" && card.data.status).toBe("truncated");
    expect(sent).toHaveLength(0);
    expect((await getProject(scope)).currentVersionId).toBe(before.currentVersionId);
  });
});
