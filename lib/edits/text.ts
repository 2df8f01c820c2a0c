// Text helpers shared by the edit checks: UTF-8 sizes and decoding, line counts.
import type { FileContent } from "./schemas";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

export function byteLength(content: FileContent): number {
  return typeof content === "string" ? encoder.encode(content).length : content.byteLength;
}

/** The content as text, or null when it is binary (not valid UTF-8). */
export function asText(content: FileContent): string | null {
  if (typeof content === "string") return content;
  try {
    return decoder.decode(content);
  } catch {
    return null;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KB`;
  return `${bytes} bytes`;
}

export function countLines(text: string): number {
  if (text === "") return 0;
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return text.endsWith("\n") ? n - 1 : n;
}
