// Remembers, for a short while, what one request to E2B said about a sandbox, so a burst of
// callers (the preview monitor, every GET of a preview, the gateway's requests) makes one request:
// concurrent callers share the lookup in flight, later ones reuse its answer for `ttlMs` after it
// came. A lookup that failed is not remembered (the next caller asks again), and neither is an
// answer `remember` turns down. When this instance changes a sandbox itself (pause, resume, kill),
// it `forget`s what it was told; a lookup in flight then is marked `forgotten`, so whoever awaits
// it knows the answer predates the change and must not act on it.

export interface Lookup<T> {
  readonly value: Promise<T>;
  /** When the answer came (ms since the epoch); unset while the request is in flight. */
  answeredAt?: number;
  /** This instance changed the sandbox since the request was made: the answer may be outdated. */
  forgotten: boolean;
}

export interface LookupCacheOptions<T> {
  lookup: (key: string) => Promise<T>;
  /** How long an answer is reused after it came (0: only while in flight). */
  ttlMs: number;
  /** Beyond this many keys the oldest is dropped (ids come from requests, so they are bounded). */
  max?: number;
  /** Whether a successful answer is worth keeping (default: every one). */
  remember?: (value: T) => boolean;
  now?: () => number;
}

export class LookupCache<T> {
  private readonly lookups = new Map<string, Lookup<T>>();
  private readonly now: () => number;

  constructor(private readonly options: LookupCacheOptions<T>) {
    this.now = options.now ?? (() => Date.now());
  }

  get(key: string): Lookup<T> {
    const known = this.lookups.get(key);
    if (known && (known.answeredAt === undefined || this.fresh(known.answeredAt))) return known;
    this.lookups.delete(key);
    const lookup: Lookup<T> = { value: this.options.lookup(key), forgotten: false };
    this.lookups.set(key, lookup);
    const drop = () => {
      if (this.lookups.get(key) === lookup) this.lookups.delete(key);
    };
    lookup.value.then((value) => {
      lookup.answeredAt = this.now();
      if (this.options.remember && !this.options.remember(value)) drop();
    }, drop);
    if (this.lookups.size > (this.options.max ?? 1_000))
      this.lookups.delete(this.lookups.keys().next().value!);
    return lookup;
  }

  /** A clock set back makes an answer look newer than it is: that one is not fresh either. */
  private fresh(answeredAt: number): boolean {
    const age = this.now() - answeredAt;
    return age >= 0 && age < this.options.ttlMs;
  }

  /** This instance changed the sandbox: what it was told no longer holds. */
  forget(key: string): void {
    const known = this.lookups.get(key);
    if (known) known.forgotten = true;
    this.lookups.delete(key);
  }
}
