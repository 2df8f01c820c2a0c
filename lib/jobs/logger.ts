// Routes the Inngest SDK's log calls (pino style: `(fields, msg)` or `(msg, …)`) to our JSON log.
import type { Logger } from "inngest";
import { log } from "@/lib/log";

type Level = "debug" | "info" | "warn" | "error";

function forward(level: Level) {
  return (...args: unknown[]) => {
    const [first, second, ...rest] = args;
    if (typeof first === "string") {
      log[level](`inngest: ${first}`, second === undefined ? undefined : { args: [second, ...rest] });
    } else {
      const fields =
        first && typeof first === "object" ? (first as Record<string, unknown>) : { value: first };
      log[level](`inngest: ${typeof second === "string" ? second : "log"}`, fields);
    }
  };
}

export const inngestLogger: Logger = {
  debug: forward("debug"),
  info: forward("info"),
  warn: forward("warn"),
  error: forward("error"),
};
