"use client";

// A tiny in-page channel from anywhere in the editor to the chat panel, e.g. the preview's
// "Fix with AI". The sender never needs the chat mounted: a message sent while no chat listens is
// kept (per project) and handed to the first chat panel that subscribes.
//
// Contract for the chat panel: call `useChatBridge(projectId, (message) => …)`; on each message,
// send `message.text` as the person's next chat message (as if typed and sent), or, when a turn
// is streaming, put it in the input for the person to send.
import { useEffect, useRef } from "react";

export interface ChatBridgeMessage {
  projectId: string;
  /** The whole message to send, ready as is (the error, the file, what to do). */
  text: string;
  /** Who asked, for analytics and for the chat to label it. */
  source: "preview-fix" | "preview-error" | "other";
}

type Listener = (message: ChatBridgeMessage) => void;

const listeners = new Map<string, Set<Listener>>();
const pending = new Map<string, ChatBridgeMessage[]>();

/** Sends a message to the project's chat. Returns true when a chat panel took it at once. */
export function sendToChat(message: ChatBridgeMessage): boolean {
  const subscribed = listeners.get(message.projectId);
  if (subscribed?.size) {
    for (const listener of subscribed) listener(message);
    return true;
  }
  const queue = pending.get(message.projectId) ?? [];
  queue.push(message);
  pending.set(message.projectId, queue.slice(-5));
  return false;
}

/** The chat panel's side: `onMessage` receives every message sent to this project's chat. */
export function useChatBridge(projectId: string, onMessage: Listener): void {
  const latest = useRef(onMessage);
  useEffect(() => {
    latest.current = onMessage;
  });
  useEffect(() => {
    const listener: Listener = (message) => latest.current(message);
    const set = listeners.get(projectId) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(projectId, set);
    const queued = pending.get(projectId);
    if (queued) {
      pending.delete(projectId);
      for (const message of queued) listener(message);
    }
    return () => {
      set.delete(listener);
    };
  }, [projectId]);
}
