// The only place the chat touches Prisma: messages and apply runs.

import type { HistoryMessage } from "@/lib/ai/context/build-context";
import type { CodeOperation } from "@/lib/ai/protocol/types";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { newId } from "@/lib/ids";
import type { ApplyStatusData, ChatMetadata, ChatUIMessage } from "./schemas";

export async function saveUserMessage(input: {
  projectId: string;
  userId: string;
  text: string;
  autoFix: boolean;
}) {
  const id = newId();
  const message: ChatUIMessage = {
    id,
    role: "user",
    parts: [{ type: "text", text: input.text }],
    metadata: { createdAt: new Date().toISOString(), autoFix: input.autoFix },
  };
  await getDb().chatMessage.create({
    data: {
      id,
      projectId: input.projectId,
      userId: input.userId,
      role: "user",
      content: input.text,
      parts: message.parts as Prisma.InputJsonArray,
      // A user message's status says whether a person wrote it or the studio sent it as a fix.
      status: input.autoFix ? "auto_fix" : "complete",
    },
  });
  return message;
}

/** Messages the person sees: superseded answers are kept in the table but never shown. */
const visible = { supersededAt: null } satisfies Prisma.ChatMessageWhereInput;

/** A message's place in the chat's order (time, then id). */
export type MessageKey = { id: string; createdAt: Date };

/** Keyset conditions in the chat's order (time, then id). */
function before(row: MessageKey): Prisma.ChatMessageWhereInput {
  return { OR: [{ createdAt: { lt: row.createdAt } }, { createdAt: row.createdAt, id: { lt: row.id } }] };
}
function after(row: MessageKey): Prisma.ChatMessageWhereInput {
  return { OR: [{ createdAt: { gt: row.createdAt } }, { createdAt: row.createdAt, id: { gt: row.id } }] };
}

export async function saveAssistantMessage(input: {
  id: string;
  projectId: string;
  text: string;
  parts: ChatUIMessage["parts"];
  operations: CodeOperation[];
  model: string;
  status: NonNullable<ChatMetadata["status"]>;
  /** "Answer again": the question answered. Its earlier answers are kept but marked superseded. */
  answersAgain?: MessageKey;
}) {
  const { answersAgain: question } = input;
  await getDb().$transaction(async (tx) => {
    await tx.chatMessage.create({
      data: {
        id: input.id,
        projectId: input.projectId,
        role: "assistant",
        content: input.text,
        parts: input.parts as unknown as Prisma.InputJsonArray,
        operations: input.operations as unknown as Prisma.InputJsonArray,
        model: input.model,
        status: input.status,
      },
    });
    if (!question) return;
    // Decided here rather than when the turn started, so an answer saved late (a stopped one)
    // is replaced too; a later question (another tab) bounds it.
    const next = await tx.chatMessage.findFirst({
      where: { projectId: input.projectId, role: "user", ...after(question) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, createdAt: true },
    });
    await tx.chatMessage.updateMany({
      where: {
        projectId: input.projectId,
        role: "assistant",
        id: { not: input.id },
        ...visible,
        AND: [after(question), ...(next ? [before(next)] : [])],
      },
      data: { supersededAt: new Date(), supersededById: input.id },
    });
  });
}

/** The person's last message: what "Answer again" answers. */
export async function findLastQuestion(projectId: string) {
  return getDb().chatMessage.findFirst({
    where: { projectId, role: "user", ...visible },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, content: true, createdAt: true },
  });
}

/**
 * Recent conversation for the model's context, oldest first, without superseded answers;
 * `before` (a message) keeps only what came before it.
 */
export async function loadHistory(
  projectId: string,
  options: { limit?: number; before?: MessageKey } = {},
): Promise<HistoryMessage[]> {
  const rows = await getDb().chatMessage.findMany({
    where: {
      projectId,
      role: { in: ["user", "assistant"] },
      ...visible,
      ...(options.before ? before(options.before) : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 40,
    select: { role: true, content: true, operations: true },
  });
  return rows.reverse().map((r) => ({
    role: r.role as "user" | "assistant",
    content: r.content,
    paths: Array.isArray(r.operations)
      ? (r.operations as Array<{ path?: unknown }>).map((o) => String(o.path ?? "")).filter(Boolean)
      : undefined,
  }));
}

/** A page of messages, newest page first but each page in chronological order, with apply status. */
export async function listMessages(projectId: string, query: { cursor?: string; limit: number }) {
  const db = getDb();
  // The cursor is the oldest message of the previous page. A keyset (not Prisma's `cursor`, whose
  // `skip: 1` assumes the cursor row passes the filter) keeps paging right even if that message
  // has been superseded since.
  const cursorRow = query.cursor
    ? await db.chatMessage.findFirst({
        where: { id: query.cursor, projectId },
        select: { id: true, createdAt: true },
      })
    : null;
  const rows = await db.chatMessage.findMany({
    where: { projectId, ...visible, ...(cursorRow ? before(cursorRow) : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      role: true,
      parts: true,
      model: true,
      status: true,
      createdAt: true,
      applyRuns: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, status: true, errors: true, version: { select: { id: true, number: true } } },
      },
    },
  });
  const page = rows.slice(0, query.limit);
  const items: ChatUIMessage[] = page.reverse().map((row) => {
    const parts = (Array.isArray(row.parts) ? row.parts : []) as ChatUIMessage["parts"];
    const run = row.applyRuns[0];
    const withApply: ChatUIMessage["parts"] = run
      ? [
          ...parts.filter((p) => p.type !== "data-apply"),
          { type: "data-apply", id: "apply", data: applyStatusOf(run) },
        ]
      : parts;
    return {
      id: row.id,
      role: row.role === "assistant" ? "assistant" : "user",
      parts: withApply,
      metadata: {
        createdAt: row.createdAt.toISOString(),
        model: row.model ?? undefined,
        ...(row.status === "auto_fix"
          ? { autoFix: true, status: "complete" as const }
          : { status: row.status as ChatMetadata["status"] }),
      },
    };
  });
  return { items, nextCursor: rows.length > query.limit ? page[0].id : null };
}

export function applyStatusOf(run: {
  id: string;
  status: string;
  errors: unknown;
  version: { id: string; number: number } | null;
}): ApplyStatusData {
  return {
    runId: run.id,
    status: run.status as ApplyStatusData["status"],
    versionId: run.version?.id ?? null,
    versionNumber: run.version?.number ?? null,
    errors: Array.isArray(run.errors) ? (run.errors as ApplyStatusData["errors"]) : undefined,
  };
}

export async function createApplyRun(input: {
  projectId: string;
  /** The assistant message the operations came from (null for runs not born in the chat). */
  messageId: string | null;
  operations: CodeOperation[];
}): Promise<{ id: string }> {
  return getDb().applyRun.create({
    data: {
      projectId: input.projectId,
      messageId: input.messageId,
      idempotencyKey: input.messageId ? `message:${input.messageId}` : `run:${newId()}`,
      operations: input.operations as unknown as Prisma.InputJsonArray,
    },
    select: { id: true },
  });
}

export async function getApplyRun(projectId: string, runId: string) {
  return getDb().applyRun.findFirst({
    where: { id: runId, projectId },
    select: {
      id: true,
      projectId: true,
      messageId: true,
      status: true,
      errors: true,
      operations: true,
      createdAt: true,
      finishedAt: true,
      version: { select: { id: true, number: true } },
    },
  });
}
