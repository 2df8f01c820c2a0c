"use client";

import { MicIcon, MicOffIcon } from "lucide-react";
import { useRef } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useSpeechRecognition } from "@/lib/hooks/use-speech-recognition";
import { cn } from "@/lib/utils";

/**
 * Dictates into the message box with the browser's speech recognition; renders nothing where the
 * browser has none. What is heard is appended to the text already typed, live.
 */
export function MicButton({
  value,
  onChange,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const base = useRef("");
  const dictation = useSpeechRecognition({
    onTranscript: (text) => onChange(base.current + text),
    onError: (message) => toast.error(message),
  });
  if (!dictation.supported) return null;

  const label = dictation.listening ? "Stop dictation" : "Dictate a message";
  return (
    <>
      {dictation.listening && (
        <span className="text-xs font-medium text-red-600 dark:text-red-400" role="status">
          Listening…
        </span>
      )}
      <Tooltip>
        <TooltipTrigger asChild>
          <Button
            type="button"
            size="icon-sm"
            variant="ghost"
            data-testid="mic-button"
            data-listening={dictation.listening || undefined}
            aria-pressed={dictation.listening}
            aria-label={label}
            disabled={disabled && !dictation.listening}
            onClick={() => {
              if (dictation.listening) {
                dictation.stop();
                return;
              }
              base.current = value && !/\s$/.test(value) ? `${value} ` : value;
              dictation.start();
            }}
            className={cn(
              "text-muted-foreground",
              dictation.listening &&
                "bg-red-500/10 text-red-600 hover:bg-red-500/15 hover:text-red-600 dark:text-red-400 dark:hover:text-red-400",
            )}
          >
            {dictation.listening ? (
              <span className="relative grid place-items-center">
                <span
                  aria-hidden
                  className="absolute size-5 rounded-full bg-red-500/25 motion-safe:animate-ping"
                />
                <MicOffIcon aria-hidden className="relative" />
              </span>
            ) : (
              <MicIcon aria-hidden />
            )}
          </Button>
        </TooltipTrigger>
        <TooltipContent>{dictation.listening ? "Listening… click to stop" : "Dictate"}</TooltipContent>
      </Tooltip>
    </>
  );
}
