import type { LogEntry } from "../types";

/** The last `capacity` log lines of a sandbox: its dev server's stdout and stderr, and our own notes. */
export class LogBuffer {
  private readonly entries: LogEntry[] = [];
  private partial: Record<"stdout" | "stderr", string> = { stdout: "", stderr: "" };

  constructor(private readonly capacity = 1000) {}

  /** Appends a chunk of process output, one entry per complete line. */
  write(stream: "stdout" | "stderr", chunk: string) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal colour codes
    const text = this.partial[stream] + chunk.replace(/\u001b\[[0-9;]*m/g, "");
    const lines = text.split("\n");
    this.partial[stream] = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) this.push(stream, line.trimEnd());
  }

  system(text: string) {
    this.push("system", text);
  }

  private push(stream: LogEntry["stream"], text: string) {
    this.entries.push({ at: new Date().toISOString(), stream, text });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(options: { since?: string; limit?: number } = {}): LogEntry[] {
    let result = options.since ? this.entries.filter((e) => e.at > options.since!) : [...this.entries];
    if (options.limit !== undefined) result = result.slice(-options.limit);
    return result;
  }

  /** The last `n` lines of one stream, for error messages. */
  tail(stream: LogEntry["stream"], n: number): string[] {
    return this.entries
      .filter((e) => e.stream === stream)
      .slice(-n)
      .map((e) => e.text);
  }
}
