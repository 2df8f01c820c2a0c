// One chat turn: persist the person's message, build the context, stream the model through the
// protocol parser to the browser, persist the answer with its operations, and hand the
// operations to the durable apply job as one `ai/apply.requested` event.
import { createUIMessageStream, type LanguageModel, streamText } from "ai";
import { inngest } from "@/inngest/client";
import { aiApplyRequested } from "@/inngest/events";
import { buildChatContext, type ChatContext } from "@/lib/ai/context/build-context";
import { buildModel } from "@/lib/ai/models/registry";
import { resolveWorkspaceModel } from "@/lib/ai/models/workspace-models";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { projectEditSettingsSchema, resolveApplyOptions } from "@/lib/edits/schemas";
import { AppError, isAppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { log } from "@/lib/log";
import { findProjectRow } from "@/lib/projects/queries";
import { parseManifest } from "@/lib/versions/manifest";
import { readVersionFiles } from "@/lib/versions/read-files";
import {
  createApplyRun,
  findLastQuestion,
  loadHistory,
  type MessageKey,
  saveAssistantMessage,
  saveUserMessage,
} from "./queries";
import type { ChatBody, ChatUIMessage } from "./schemas";
import { streamTurn } from "./stream-turn";

export interface TurnScope {
  workspaceId: string;
  projectId: string;
  userId: string;
  requestId: string;
}

/** The project's current files (text and bytes) and the paths its last versions changed. */
export async function loadProjectState(scope: { workspaceId: string; projectId: string }) {
  const db = getDb();
  const project = await findProjectRow(db, scope.workspaceId, scope.projectId);
  if (!project.currentVersionId) throw new AppError("conflict:project", "This project has no version yet.");
  const [current, recent, settings] = await Promise.all([
    db.version.findUniqueOrThrow({ where: { id: project.currentVersionId }, select: { manifest: true } }),
    db.version.findMany({
      where: { projectId: project.id },
      orderBy: { number: "desc" },
      take: 3,
      select: { changes: true },
    }),
    db.project.findUniqueOrThrow({ where: { id: project.id }, select: { settings: true } }),
  ]);
  const bytes = await readVersionFiles(scope.workspaceId, parseManifest(current.manifest));
  const text = new Map(
    [...bytes].filter(([, b]) => !b.includes(0)).map(([p, b]) => [p, b.toString("utf8")] as const),
  );
  const recentlyChanged = [
    ...new Set(
      recent.flatMap((v) => {
        const c = (v.changes ?? {}) as { added?: string[]; modified?: string[] };
        return [...(c.added ?? []), ...(c.modified ?? [])];
      }),
    ),
  ];
  const edits = projectEditSettingsSchema.safeParse((settings.settings as Prisma.JsonObject)?.edits ?? {});
  return {
    project,
    bytes,
    text,
    recentlyChanged,
    applyOptions: resolveApplyOptions(edits.success ? edits.data : null),
  };
}

/**
 * The model's context for `message`. Answering a question again, the history stops before that
 * question, so the model sees neither the answer being replaced nor the question twice.
 */
export async function buildTurnContext(
  scope: { workspaceId: string; projectId: string },
  message: string,
  answersAgain?: MessageKey,
) {
  const state = await loadProjectState(scope);
  const history = await loadHistory(scope.projectId, answersAgain ? { before: answersAgain } : {});
  const context: ChatContext = buildChatContext({
    files: state.text,
    recentlyChanged: state.recentlyChanged,
    history,
    message,
  });
  return { state, context };
}

export async function runChatTurn(
  scope: TurnScope,
  body: ChatBody,
  abortSignal: AbortSignal,
  /** Tests pass a mock model; the app uses the workspace's choice. */
  options: { model?: LanguageModel } = {},
) {
  let text = body.text;
  // "Answer again": the new answer replaces the ones shown after the person's last message.
  let answersAgain: MessageKey | undefined;
  if (body.trigger === "regenerate") {
    const question = await findLastQuestion(scope.projectId);
    if (!question) throw new AppError("bad_request:chat", "There is no message to answer again.");
    text = question.content;
    answersAgain = question;
  }
  const { state, context } = await buildTurnContext(scope, text, answersAgain);
  const choice = await resolveWorkspaceModel(scope.workspaceId);
  const model = options.model ?? buildModel(choice, { loadFiles: async () => state.text });
  if (body.trigger === "submit") {
    await saveUserMessage({ projectId: scope.projectId, userId: scope.userId, text, autoFix: body.autoFix });
  }
  const messageId = newId();

  return createUIMessageStream<ChatUIMessage>({
    onError: (error) => {
      log.error("chat turn failed", { requestId: scope.requestId, error });
      return isAppError(error) ? error.message : "The model failed to answer. Try again.";
    },
    execute: async ({ writer }) => {
      writer.write({
        type: "start",
        messageId,
        messageMetadata: { createdAt: new Date().toISOString(), model: `${choice.provider}:${choice.model}` },
      });
      const result = streamText({
        model,
        system: context.system,
        messages: context.messages,
        abortSignal,
        maxRetries: 1,
      });
      let status: "complete" | "stopped" | "error" = "complete";
      let turn: Awaited<ReturnType<typeof streamTurn>> | null = null;
      let failure: unknown = null;
      try {
        turn = await streamTurn({
          textStream: result.textStream,
          writer,
          files: state.bytes,
          applyOptions: state.applyOptions,
        });
      } catch (error) {
        status = abortSignal.aborted ? "stopped" : "error";
        failure = error;
      }
      // Some models end their stream quietly when aborted: a stop is a stop either way.
      if (abortSignal.aborted) status = "stopped";
      const parts = turn
        ? ([
            ...(turn.text.trim() ? [{ type: "text" as const, text: turn.text }] : []),
            ...turn.cards.map((card) => ({
              type: "data-code" as const,
              id: `code-${card.index}`,
              data: card,
            })),
          ] satisfies ChatUIMessage["parts"])
        : [];
      await saveAssistantMessage({
        id: messageId,
        projectId: scope.projectId,
        text: turn?.text ?? "",
        parts,
        operations: turn?.operations ?? [],
        model: `${choice.provider}:${choice.model}`,
        status,
        answersAgain,
      });
      if (failure && status === "error") throw failure;
      // A stopped answer is kept in the history but never applied.
      if (status !== "complete" || !turn || turn.operations.length === 0) {
        writer.write({ type: "finish", messageMetadata: { status } });
        return;
      }
      const run = await createApplyRun({
        projectId: scope.projectId,
        messageId,
        operations: turn.operations,
      });
      writer.write({
        type: "data-apply",
        id: "apply",
        data: { runId: run.id, status: "queued", versionId: null, versionNumber: null },
      });
      await inngest.send(
        aiApplyRequested.create(
          {
            applyRunId: run.id,
            workspaceId: scope.workspaceId,
            projectId: scope.projectId,
            userId: scope.userId,
            request: text.slice(0, 8000),
          },
          { id: `apply-${run.id}` },
        ),
      );
      writer.write({ type: "finish", messageMetadata: { status } });
    },
  });
}
