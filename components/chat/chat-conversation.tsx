"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { ArrowDownIcon, Loader2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { ChatEmpty } from "@/components/chat/chat-empty";
import { ChatErrorNotice, describeChatError, type ResponseInfo } from "@/components/chat/chat-error";
import { ChatMessage, ThinkingDots } from "@/components/chat/chat-message";
import { ChatStyles } from "@/components/chat/code-card";
import { ContextMeter } from "@/components/chat/context-meter";
import { ModelChip } from "@/components/chat/model-chip";
import {
  type AiSettingsResponse,
  type ApplyStatus,
  type ApplyStatusData,
  applyPartOf,
  type ChatInitialData,
  type ChatModelInfo,
  type ChatUIMessage,
  fixRequestText,
  isApplyPending,
  laterApply,
  messageText,
} from "@/components/chat/types";
import { ChatInput } from "@/components/editor/chat-input";
import { Button } from "@/components/ui/button";
import { projectApi, requestJson } from "@/lib/hooks/fetch-json";
import { useChannelEvent } from "@/lib/hooks/use-channel-event";
import { useChatBridge } from "@/lib/hooks/use-chat-bridge";
import { useContextUsage } from "@/lib/hooks/use-context-usage";
import { useStickToBottom } from "@/lib/hooks/use-stick-to-bottom";
import { projectChannel } from "@/lib/realtime/channels";

const PAGE_SIZE = 30;
/** Poll an apply run every second while it is queued or running… */
const POLL_MS = 1000;
/** …and every 5 s once it has taken longer than a minute. */
const SLOW_AFTER_MS = 60_000;

interface MessagesPage {
  items: ChatUIMessage[];
  nextCursor: string | null;
}

interface ChatConversationProps {
  projectId: string;
  draft: string;
  onDraftChange: (value: string) => void;
  /** Rendered on the server; without it the first page and the model are fetched on mount. */
  initial?: ChatInitialData;
  onOpenHistory: () => void;
}

export function modelInfoOf(data: AiSettingsResponse): ChatModelInfo {
  const { settings, providers } = data;
  return {
    provider: settings.provider,
    providerName: providers[settings.provider]?.name ?? settings.provider,
    model: settings.model,
    autoFix: settings.autoFix,
  };
}

/**
 * The conversation with the assistant: history (paginated upwards), the streaming answer with its
 * code cards, each turn's apply status (stream → realtime → polling), and the message box.
 * The server keeps the history, so a turn sends only `{ text, trigger, autoFix }`.
 */
export function ChatConversation({
  projectId,
  draft,
  onDraftChange,
  initial,
  onOpenHistory,
}: ChatConversationProps) {
  const router = useRouter();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [model, setModel] = useState<ChatModelInfo | null>(initial?.model ?? null);
  const [cursor, setCursor] = useState<string | null>(initial?.nextCursor ?? null);
  const [loadingFirst, setLoadingFirst] = useState(!initial);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [applyUpdates, setApplyUpdates] = useState<Record<string, ApplyStatusData>>({});
  const [stoppedIds, setStoppedIds] = useState<ReadonlySet<string>>(() => new Set());
  const [autoFixedIds, setAutoFixedIds] = useState<ReadonlySet<string>>(() => new Set());
  const [contextKey, setContextKey] = useState(0);
  const [pollKick, setPollKick] = useState(0);
  const [announcement, setAnnouncement] = useState("");

  // What the transport needs between requests, outside React's render cycle.
  const runtime = useRef({
    /** User messages the server has stored (history, or sent with a 2xx answer). */
    stored: new Set(initial?.messages.map((m) => m.id) ?? []),
    pendingUserId: null as string | null,
    lastResponse: null as ResponseInfo | null,
  });

  const transport = useMemo(
    () =>
      new DefaultChatTransport<ChatUIMessage>({
        api: projectApi(projectId, "/chat"),
        fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
          const rt = runtime.current;
          rt.lastResponse = { status: 0, requestId: null, retryAfter: null, at: Date.now() };
          const response = await fetch(input, init);
          const retryAfter = Number(response.headers.get("retry-after"));
          rt.lastResponse = {
            status: response.status,
            requestId: response.headers.get("x-request-id"),
            retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
            at: Date.now(),
          };
          if (response.ok && rt.pendingUserId) rt.stored.add(rt.pendingUserId);
          return response;
        },
        prepareSendMessagesRequest: ({ messages, trigger }) => {
          const rt = runtime.current;
          const lastUser = messages.findLast((m) => m.role === "user");
          rt.pendingUserId = lastUser?.id ?? null;
          // Retrying a message the server never stored (refused before streaming) sends it anew.
          const stored = lastUser ? rt.stored.has(lastUser.id) : false;
          return {
            body: {
              text: lastUser ? messageText(lastUser) : "",
              trigger: trigger === "regenerate-message" && stored ? "regenerate" : "submit",
              autoFix: lastUser?.metadata?.autoFix === true,
            },
          };
        },
      }),
    [projectId],
  );

  const { messages, setMessages, sendMessage, regenerate, stop, status, error, clearError } =
    useChat<ChatUIMessage>({
      id: `project-chat-${projectId}`,
      messages: initial?.messages,
      transport,
      throttle: 40,
      onFinish: ({ message, messages: all, isAbort }) => {
        if (isAbort) {
          // Stopped before the answer started: the person's message is the last one, so mark it.
          const lastId = all.at(-1)?.id;
          setStoppedIds((prev) => new Set(prev).add(message.id).add(lastId ?? message.id));
        }
        setContextKey((k) => k + 1);
      },
    });

  const busy = status === "submitted" || status === "streaming";
  const last = messages.at(-1);
  const streamingId = status === "streaming" && last?.role === "assistant" ? last.id : null;

  const { scrollRef, contentRef, atBottom, scrollToBottom } = useStickToBottom<HTMLElement, HTMLDivElement>();

  // ---- Loading history ----------------------------------------------------------------------

  useEffect(() => {
    if (initial) return;
    const controller = new AbortController();
    Promise.all([
      requestJson<MessagesPage>(projectApi(projectId, `/messages?limit=${PAGE_SIZE}`), {
        signal: controller.signal,
        what: "Loading the conversation",
      }),
      requestJson<AiSettingsResponse>("/api/workspace/ai-settings", { signal: controller.signal }),
    ]).then(
      ([page, settings]) => {
        if (page.ok) {
          for (const m of page.data.items) runtime.current.stored.add(m.id);
          setMessages((prev) => [...page.data.items, ...prev]);
          setCursor(page.data.nextCursor);
        } else {
          toast.error("The conversation could not be loaded", { description: page.error.message });
        }
        if (settings.ok) setModel(modelInfoOf(settings.data));
        setLoadingFirst(false);
      },
      () => {
        // Unmounted.
      },
    );
    return () => controller.abort();
  }, [initial, projectId, setMessages]);

  const anchor = useRef<{ height: number; top: number } | null>(null);
  async function loadEarlier() {
    if (!cursor || loadingEarlier) return;
    setLoadingEarlier(true);
    const result = await requestJson<MessagesPage>(
      projectApi(projectId, `/messages?limit=${PAGE_SIZE}&cursor=${encodeURIComponent(cursor)}`),
      { what: "Loading earlier messages" },
    );
    setLoadingEarlier(false);
    if (!result.ok) {
      toast.error("Earlier messages could not be loaded", {
        description: `${result.error.message}${result.error.requestId ? ` (request ${result.error.requestId})` : ""}`,
      });
      return;
    }
    const el = scrollRef.current;
    anchor.current = el ? { height: el.scrollHeight, top: el.scrollTop } : null;
    for (const m of result.data.items) runtime.current.stored.add(m.id);
    setMessages((prev) => {
      const ids = new Set(prev.map((m) => m.id));
      return [...result.data.items.filter((m) => !ids.has(m.id)), ...prev];
    });
    setCursor(result.data.nextCursor);
  }
  // Older messages go above what the person is reading without moving it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after the prepended messages render
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const a = anchor.current;
    if (!el || !a) return;
    anchor.current = null;
    el.scrollTop = a.top + (el.scrollHeight - a.height);
  }, [messages, scrollRef]);

  // ---- Apply status: the stream's part, then realtime and polling ---------------------------

  const mergeApply = useCallback((messageId: string, data: ApplyStatusData) => {
    setApplyUpdates((prev) => {
      const next = laterApply(prev[messageId], data);
      return next === prev[messageId] ? prev : { ...prev, [messageId]: next! };
    });
  }, []);

  const applyOf = useCallback(
    (message: ChatUIMessage) => laterApply(applyPartOf(message), applyUpdates[message.id]),
    [applyUpdates],
  );

  useChannelEvent(
    projectChannel(projectId),
    "apply.updated",
    (event) => {
      if (!event.messageId) return;
      mergeApply(event.messageId, {
        runId: event.runId,
        status: event.status,
        versionId: event.versionId,
        versionNumber: event.versionNumber,
        errors: event.errors,
      });
    },
    { onGap: () => setPollKick((n) => n + 1) },
  );

  // Realtime may be missing (blocked websocket, a missed event): ask while a run is unfinished.
  const pendingKey = messages
    .filter((m) => m.role === "assistant")
    .flatMap((m) => {
      const apply = applyOf(m);
      return apply && isApplyPending(apply.status) ? [`${m.id}:${apply.runId}`] : [];
    })
    .join(",");
  const pollStarted = useRef(new Map<string, number>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pollKick` asks again at once after a realtime gap
  useEffect(() => {
    if (!pendingKey) return;
    const runs = pendingKey.split(",").map((pair) => pair.split(":") as [string, string]);
    let active = true;
    let tick = 0;
    const inFlight = new Set<string>();
    const poll = () => {
      tick++;
      for (const [messageId, runId] of runs) {
        const started = pollStarted.current.get(runId) ?? Date.now();
        pollStarted.current.set(runId, started);
        if (Date.now() - started > SLOW_AFTER_MS && tick % 5 !== 0) continue;
        if (inFlight.has(runId)) continue;
        inFlight.add(runId);
        requestJson<ApplyStatusData>(projectApi(projectId, `/apply-runs/${encodeURIComponent(runId)}`)).then(
          (result) => {
            inFlight.delete(runId);
            if (!active || !result.ok) return;
            const { status, versionId, versionNumber, errors } = result.data;
            mergeApply(messageId, { runId, status, versionId, versionNumber, errors });
          },
          () => inFlight.delete(runId),
        );
      }
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [pendingKey, projectId, mergeApply, pollKick]);

  // ---- Sending ------------------------------------------------------------------------------

  const send = useCallback(
    (text: string, options: { autoFix?: boolean } = {}) => {
      const trimmed = text.trim();
      if (!trimmed) return;
      scrollToBottom();
      void sendMessage({
        text: trimmed,
        metadata: { createdAt: new Date().toISOString(), ...(options.autoFix ? { autoFix: true } : {}) },
      });
    },
    [sendMessage, scrollToBottom],
  );

  function submitDraft() {
    if (busy || !draft.trim()) return;
    send(draft);
    onDraftChange("");
  }

  // Requests from elsewhere in the editor (the preview's "Fix with AI") arrive as messages.
  useChatBridge(projectId, (message) => {
    if (busy) {
      onDraftChange(message.text);
      inputRef.current?.focus();
      toast.info("Added to the message box", { description: "Send it when the current answer finishes." });
      return;
    }
    send(message.text);
  });

  const askToFix = useCallback(
    (messageId: string) => {
      const message = messages.find((m) => m.id === messageId);
      const apply = message && applyOf(message);
      if (apply) send(fixRequestText(apply.errors ?? []));
    },
    [messages, applyOf, send],
  );

  const retry = useCallback(() => {
    clearError();
    scrollToBottom();
    void regenerate();
  }, [clearError, regenerate, scrollToBottom]);

  /** An automatic fix was asked for by a turn that was itself an automatic fix: never again. */
  const isAutoFixTurn = useCallback(
    (messageId: string) => {
      const index = messages.findIndex((m) => m.id === messageId);
      for (let i = index - 1; i >= 0; i--) {
        if (messages[i].role === "user") return messages[i].metadata?.autoFix === true;
      }
      return false;
    },
    [messages],
  );

  // ---- Reacting to a turn's apply result ----------------------------------------------------

  /** Answers streamed in this tab (only these are fixed automatically, and only once). */
  const liveIds = useRef(new Set<string>());
  const seenApply = useRef(new Map<string, ApplyStatus>());
  const latest = useRef({ model, busy, messages, send, isAutoFixTurn, onOpenHistory });
  useEffect(() => {
    latest.current = { model, busy, messages, send, isAutoFixTurn, onOpenHistory };
  });

  useEffect(() => {
    if (streamingId) liveIds.current.add(streamingId);
    for (const message of messages) {
      if (message.role !== "assistant") continue;
      const apply = applyOf(message);
      if (!apply) continue;
      const before = seenApply.current.get(message.id);
      if (before === apply.status) continue;
      seenApply.current.set(message.id, apply.status);
      const live = liveIds.current.has(message.id);
      // A finished turn from the history: nothing to announce.
      if (before === undefined && !live && !isApplyPending(apply.status)) continue;
      if (before !== undefined && !isApplyPending(before)) continue;

      if (apply.status === "succeeded") {
        const version = apply.versionNumber;
        setAnnouncement(`Changes applied as version ${version ?? ""}`.trim());
        toast.success(version ? `Applied as v${version}` : "Changes applied", {
          description: "The code, history and preview now show the new version.",
          action: { label: "History", onClick: () => latest.current.onOpenHistory() },
        });
        setContextKey((k) => k + 1);
        router.refresh();
      } else if (apply.status === "failed") {
        setAnnouncement("Changes refused");
        const now = latest.current;
        // The refusal can arrive before the stream's last chunk: the fix is sent once it ends.
        if (live && now.model?.autoFix && !now.isAutoFixTurn(message.id)) setAutoFixDue(message.id);
      } else if (apply.status === "cancelled") {
        setAnnouncement("Applying the changes was cancelled");
      }
    }
  }, [messages, applyOf, streamingId, router]);

  // Automatically, once per refused turn, and only while that turn is still the latest message.
  const [autoFixDue, setAutoFixDue] = useState<string | null>(null);
  useEffect(() => {
    if (!autoFixDue || busy) return;
    setAutoFixDue(null);
    const message = messages.find((m) => m.id === autoFixDue);
    const apply = message && applyOf(message);
    if (apply?.status !== "failed" || autoFixedIds.has(autoFixDue)) return;
    if (messages.at(-1)?.id !== autoFixDue) return;
    setAutoFixedIds((prev) => new Set(prev).add(autoFixDue));
    send(fixRequestText(apply.errors ?? []), { autoFix: true });
  }, [autoFixDue, busy, messages, applyOf, autoFixedIds, send]);

  // ---- Status announcements and keyboard ----------------------------------------------------

  const wasBusy = useRef(false);
  const stopRequested = useRef(false);
  useEffect(() => {
    if (busy && !wasBusy.current) setAnnouncement("Assistant is answering…");
    if (!busy && wasBusy.current && status === "ready") {
      const lastMessage = messages.at(-1);
      const apply = lastMessage?.role === "assistant" ? applyOf(lastMessage) : undefined;
      if (stopRequested.current) setAnnouncement("Stopped.");
      else if (!apply) setAnnouncement("The answer is complete.");
      else if (isApplyPending(apply.status)) setAnnouncement("The answer is complete. Applying the changes…");
      // A turn whose apply already finished was announced by its result.
    }
    if (!busy) stopRequested.current = false;
    wasBusy.current = busy;
  }, [busy, status, messages, applyOf]);

  const stopAnswer = useCallback(() => {
    stopRequested.current = true;
    void stop();
  }, [stop]);

  // Esc stops a streaming answer from anywhere in the editor, unless a menu or dialog takes it.
  useEffect(() => {
    if (!busy) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]'))
        return;
      event.preventDefault();
      stopAnswer();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, stopAnswer]);

  const contextUsage = useContextUsage(projectId, draft, contextKey);
  const errorInfo = error ? describeChatError(error, runtime.current.lastResponse) : null;

  return (
    <>
      <ChatStyles />
      <div className="relative min-h-0 flex-1">
        <section
          ref={scrollRef}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
          tabIndex={0}
          aria-label="Conversation"
          className="h-full overflow-y-auto overscroll-contain outline-none focus-visible:ring-[3px] focus-visible:ring-inset focus-visible:ring-ring/50"
          data-testid="chat-scroll"
        >
          <div ref={contentRef} className="flex min-h-full flex-col justify-end gap-5 p-4">
            {cursor && (
              <div className="flex justify-center">
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="text-xs text-muted-foreground"
                  onClick={loadEarlier}
                  disabled={loadingEarlier || busy}
                  data-testid="load-earlier"
                >
                  {loadingEarlier && <Loader2Icon className="animate-spin" aria-hidden />}
                  {loadingEarlier ? "Loading earlier messages…" : "Load earlier messages"}
                </Button>
              </div>
            )}
            {loadingFirst ? (
              <p className="flex items-center gap-2 text-muted-foreground">
                <Loader2Icon className="size-4 animate-spin" aria-hidden />
                Loading the conversation…
              </p>
            ) : messages.length === 0 ? (
              <ChatEmpty model={model} onPick={(text) => send(text)} disabled={busy} />
            ) : (
              messages.map((message) => (
                <ChatMessage
                  key={message.id}
                  message={message}
                  streaming={message.id === streamingId}
                  stopped={stoppedIds.has(message.id)}
                  apply={message.role === "assistant" ? applyOf(message) : undefined}
                  onOpenHistory={onOpenHistory}
                  onAskToFix={askToFix}
                  busy={busy}
                  autoFixSent={autoFixedIds.has(message.id)}
                  onRetry={message.id === last?.id && !error ? retry : null}
                />
              ))
            )}
            {status === "submitted" && (
              <div data-testid="chat-thinking">
                <ThinkingDots label="Assistant is answering…" />
              </div>
            )}
            {errorInfo && <ChatErrorNotice info={errorInfo} onRetry={retry} />}
          </div>
        </section>
        {!atBottom && (
          <Button
            type="button"
            size="sm"
            variant="outline"
            className="absolute bottom-2 left-1/2 h-7 -translate-x-1/2 rounded-full text-xs shadow-md"
            onClick={() => scrollToBottom("smooth")}
          >
            <ArrowDownIcon aria-hidden />
            Latest
          </Button>
        )}
      </div>
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="chat-status">
        {announcement}
      </div>
      <ChatInput
        ref={inputRef}
        value={draft}
        onChange={onDraftChange}
        onSend={submitDraft}
        onStop={stopAnswer}
        busy={busy}
        tools={
          <>
            <ModelChip model={model} />
            <ContextMeter state={contextUsage} />
          </>
        }
      />
    </>
  );
}
