"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

// The Web Speech API is not in TypeScript's DOM library (only its result types are): the few
// members the dictation uses, declared here.
interface SpeechRecognitionEventLike extends Event {
  readonly resultIndex: number;
  readonly results: SpeechRecognitionResultList;
}

interface SpeechRecognitionErrorEventLike extends Event {
  readonly error: string;
}

interface SpeechRecognitionLike extends EventTarget {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((event: SpeechRecognitionEventLike) => void) | null;
  onerror: ((event: SpeechRecognitionErrorEventLike) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}

type SpeechRecognitionConstructor = new () => SpeechRecognitionLike;

function recognitionConstructor(): SpeechRecognitionConstructor | null {
  if (typeof window === "undefined") return null;
  const w = window as unknown as {
    SpeechRecognition?: SpeechRecognitionConstructor;
    webkitSpeechRecognition?: SpeechRecognitionConstructor;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

const noopSubscribe = () => () => {};

/** Words for the errors the Web Speech API reports; null for ones that need no message. */
function describeError(code: string): string | null {
  switch (code) {
    case "aborted":
    case "no-speech":
      return null;
    case "not-allowed":
    case "service-not-allowed":
      return "Microphone access was blocked. Allow it in the browser's site settings to dictate.";
    case "audio-capture":
      return "No microphone was found.";
    case "network":
      return "Dictation needs the browser's speech service, which could not be reached.";
    case "language-not-supported":
      return "Dictation does not support this language in this browser.";
    default:
      return `Dictation stopped (${code}).`;
  }
}

export interface SpeechDictation {
  /** The browser can recognise speech; false during server rendering and hydration. */
  supported: boolean;
  listening: boolean;
  start: () => void;
  stop: () => void;
}

/**
 * Dictation with the browser's speech recognition. `onTranscript` receives everything heard since
 * `start` (final words plus the current guess), so the caller can show it live; `onError` gets a
 * message in words.
 */
export function useSpeechRecognition(options: {
  onTranscript: (text: string, final: boolean) => void;
  onError?: (message: string) => void;
  lang?: string;
}): SpeechDictation {
  const supported = useSyncExternalStore(
    noopSubscribe,
    () => recognitionConstructor() !== null,
    () => false,
  );
  const [listening, setListening] = useState(false);
  const recognition = useRef<SpeechRecognitionLike | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const stop = useCallback(() => {
    recognition.current?.stop();
  }, []);

  const start = useCallback(() => {
    const Ctor = recognitionConstructor();
    if (!Ctor || recognition.current) return;
    const instance = new Ctor();
    instance.lang = latest.current.lang ?? (navigator.language || "en-US");
    instance.continuous = true;
    instance.interimResults = true;
    let finalText = "";
    instance.onresult = (event) => {
      let interim = "";
      for (let i = event.resultIndex; i < event.results.length; i++) {
        const result = event.results[i];
        const transcript = result[0]?.transcript ?? "";
        if (result.isFinal) finalText += transcript;
        else interim += transcript;
      }
      latest.current.onTranscript((finalText + interim).replace(/\s+/g, " ").trimStart(), interim === "");
    };
    instance.onerror = (event) => {
      const message = describeError(event.error);
      if (message) latest.current.onError?.(message);
    };
    instance.onend = () => {
      recognition.current = null;
      setListening(false);
    };
    recognition.current = instance;
    try {
      instance.start();
      setListening(true);
    } catch {
      recognition.current = null;
      latest.current.onError?.("Dictation could not start. Try again.");
    }
  }, []);

  // Leaving the page stops listening.
  useEffect(() => () => recognition.current?.abort(), []);

  return { supported, listening, start, stop };
}
