"use client";

// The studio side of a project's live preview: starts or resumes it when the editor opens, keeps
// it from idling while the editor is visible, follows its state over realtime, and listens to the
// page inside the frame (the gateway's injected script) for "render ok", errors and restarts.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ErrorPayload } from "@/lib/errors";
import { projectApi, requestJson } from "@/lib/hooks/fetch-json";
import { useChannelEvent } from "@/lib/hooks/use-channel-event";
import { type PreviewErrorMessage, type PreviewView, previewMessageSchema } from "@/lib/preview/schemas";
import { projectChannel } from "@/lib/realtime/channels";

const HEARTBEAT_MS = 60_000;

/** What the status indicator shows: the preview's state, and whether the page has rendered. */
export type PreviewPhase =
  | "starting"
  | "booting"
  | "loading"
  | "ready"
  | "broken"
  | "failed"
  | "paused"
  | "stopped"
  | "error";

export interface LivePreview {
  view: PreviewView | null;
  phase: PreviewPhase;
  /** Why the preview could not be started (the limit, an outage), with the request id. */
  startError: ErrorPayload | null;
  frameSrc: string | null;
  /** Changes when the frame must load its page again (reload). */
  frameKey: number;
  frameRef: React.RefObject<HTMLIFrameElement | null>;
  errors: PreviewErrorMessage[];
  /** A short note about something that just happened ("Preview restarted"). */
  notice: string | null;
  dismissNotice: () => void;
  fixAllowed: boolean;
  start: () => void;
  reload: () => void;
  refresh: () => Promise<PreviewView | null>;
}

export function useLivePreview(projectId: string): LivePreview {
  const [view, setView] = useState<PreviewView | null>(null);
  const [startError, setStartError] = useState<ErrorPayload | null>(null);
  const [starting, setStarting] = useState(true);
  const [frameSrc, setFrameSrc] = useState<string | null>(null);
  const [frameKey, setFrameKey] = useState(0);
  const [rendered, setRendered] = useState(false);
  const [errors, setErrors] = useState<PreviewErrorMessage[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [fixAllowed, setFixAllowed] = useState(true);
  const frameRef = useRef<HTMLIFrameElement | null>(null);
  const previewIdRef = useRef<string | null>(null);
  const viewRef = useRef<PreviewView | null>(null);
  const lostConnection = useRef(false);

  const apply = useCallback((next: PreviewView) => {
    viewRef.current = next;
    setView(next);
    setFixAllowed(next.fixAllowed);
    // A new preview (first start, or started again after it stopped) gets a new frame; the same
    // preview keeps its frame, so hot updates land without a reload.
    if (next.previewId && next.url && next.previewId !== previewIdRef.current) {
      previewIdRef.current = next.previewId;
      setRendered(false);
      setErrors([]);
      setFrameSrc(next.url);
    }
  }, []);

  const start = useCallback(async () => {
    setStarting(true);
    setStartError(null);
    const result = await requestJson<PreviewView>(projectApi(projectId, "/preview"), {
      method: "POST",
      what: "Starting the preview",
    });
    setStarting(false);
    if (result.ok) apply(result.data);
    else setStartError(result.error);
  }, [projectId, apply]);

  const refresh = useCallback(async () => {
    const result = await requestJson<PreviewView>(projectApi(projectId, "/preview"));
    if (!result.ok) return null;
    apply(result.data);
    return result.data;
  }, [projectId, apply]);

  useEffect(() => {
    void start();
  }, [start]);

  // Someone is looking: keep the preview from idling; resume it if it paused while hidden.
  useEffect(() => {
    const beat = async () => {
      if (document.visibilityState !== "visible") return;
      const result = await requestJson<PreviewView>(projectApi(projectId, "/preview/heartbeat"), {
        method: "POST",
      });
      if (!result.ok) return;
      if (result.data.status === "paused" || result.data.status === "stopped") void start();
      else apply(result.data);
    };
    const timer = setInterval(beat, HEARTBEAT_MS);
    const onVisible = () => void (document.visibilityState === "visible" && beat());
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [projectId, start, apply]);

  const channel = projectChannel(projectId);
  useChannelEvent(
    channel,
    "preview.status",
    (payload) => {
      const current = viewRef.current;
      if (payload.restarted) setNotice("Preview restarted: its dev server stopped and was started again.");
      if (payload.previewId && payload.previewId !== current?.previewId) {
        void refresh();
        return;
      }
      if (payload.status === "paused" && document.visibilityState === "visible") {
        void start();
        return;
      }
      if (current) {
        const next = {
          ...current,
          status: payload.status,
          error: payload.error ?? null,
          versionId: payload.versionId ?? current.versionId,
        };
        viewRef.current = next;
        setView(next);
      }
      if (payload.status === "stopped") previewIdRef.current = null;
    },
    { onGap: () => void refresh() },
  );
  useChannelEvent(channel, "version.checked", () => void refresh());
  useChannelEvent(channel, "version.created", () => void refresh());

  const report = useCallback(
    async (error: PreviewErrorMessage) => {
      const result = await requestJson<{ fixAllowed: boolean }>(projectApi(projectId, "/preview/errors"), {
        method: "POST",
        body: {
          // Not the version this tab last heard of: a hot update errors before its realtime news
          // arrives. The server counts it against the project's current version.
          versionId: null,
          kind: error.kind,
          message: error.message,
          file: error.file,
          line: error.line,
        },
      });
      if (result.ok) setFixAllowed(result.data.fixAllowed);
    },
    [projectId],
  );

  // Messages from the page in the frame: only from that frame, only from the preview's origin.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const frame = frameRef.current;
      if (!frame || event.source !== frame.contentWindow) return;
      if (viewRef.current?.origin && event.origin !== viewRef.current.origin) return;
      const parsed = previewMessageSchema.safeParse(event.data);
      if (!parsed.success) return;
      const message = parsed.data;
      switch (message.type) {
        case "loading":
          setRendered(false);
          setErrors([]);
          break;
        case "render-ok":
          setRendered(true);
          setErrors([]);
          if (lostConnection.current) {
            lostConnection.current = false;
            setNotice("Preview restarted: its dev server stopped and was started again.");
          }
          break;
        case "error":
          setErrors((list) =>
            list.some((e) => e.message === message.message && e.kind === message.kind)
              ? list
              : [...list, message].slice(-5),
          );
          void report(message);
          break;
        case "blank":
          setRendered(false);
          break;
        case "hmr":
          if (message.event === "update") setErrors((list) => list.filter((e) => e.kind !== "build"));
          if (message.event === "disconnected") lostConnection.current = true;
          break;
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [report]);

  const reload = useCallback(() => {
    setRendered(false);
    setErrors([]);
    setFrameKey((k) => k + 1);
  }, []);

  let phase: PreviewPhase;
  if (startError) phase = "failed";
  else if (!view) phase = starting ? "starting" : "failed";
  else if (view.status === "ready" || (view.status === "booting" && rendered))
    phase = rendered ? "ready" : errors.length > 0 ? "broken" : "loading";
  else phase = view.status;

  return {
    view,
    phase,
    startError,
    frameSrc,
    frameKey,
    frameRef,
    errors,
    notice,
    dismissNotice: () => setNotice(null),
    fixAllowed,
    start: () => void start(),
    reload,
    refresh,
  };
}
