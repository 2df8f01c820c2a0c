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

export async function saveAssistantMessage(input: {
  id: string;
  projectId: string;
  text: string;
  parts: ChatUIMessage["parts"];
  operations: CodeOperation[];
  model: string;
  status: NonNullable<ChatMetadata["status"]>;
}) {
  await getDb().chatMessage.create({
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
}

/** The last assistant message when it answered `text` last (for regenerate: no duplicate user message). */
export async function lastUserMessageText(projectId: string): Promise<string | null> {
  const last = await getDb().chatMessage.findFirst({
    where: { projectId, role: "user" },
    orderBy: { createdAt: "desc" },
    select: { content: true },
  });
  return last?.content ?? null;
}

/** Recent conversation for the model's context, oldest first. */
export async function loadHistory(projectId: string, limit = 40): Promise<HistoryMessage[]> {
  const rows = await getDb().chatMessage.findMany({
    where: { projectId, role: { in: ["user", "assistant"] } },
    orderBy: { createdAt: "desc" },
    take: limit,
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
  const cursorRow = query.cursor
    ? await db.chatMessage.findFirst({ where: { id: query.cursor, projectId }, select: { id: true } })
    : null;
  const rows = await db.chatMessage.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
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
