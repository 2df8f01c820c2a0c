/**
 * The project's files while a turn is planned: every edit rewrites a file here, and at the end the
 * difference from `original` becomes the turn's operations. `whole` marks files that are rewritten
 * on purpose (restructured App.tsx, regenerated theme) and are sent as `write` rather than `patch`.
 */
export class Workspace {
  readonly original: ReadonlyMap<string, string>;
  readonly files: Map<string, string>;
  readonly whole = new Set<string>();
  /** Markdown bullet lines for the response: what changed and why. */
  readonly notes: string[] = [];
  /** What was asked but not done, with the reason. */
  readonly skipped: string[] = [];

  constructor(files: ReadonlyMap<string, string>) {
    this.original = new Map(files);
    this.files = new Map(files);
  }

  get(path: string): string | undefined {
    return this.files.get(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  set(path: string, content: string, options: { whole?: boolean } = {}): void {
    this.files.set(path, content);
    if (options.whole) this.whole.add(path);
  }

  delete(path: string): void {
    this.files.delete(path);
  }

  note(line: string): void {
    this.notes.push(line);
  }

  skip(line: string): void {
    this.skipped.push(line);
  }
}
