// The embedded job engine: runs the app's Inngest functions by driving the same serve handler
// Inngest Cloud calls, per the SDK execution protocol, with every run and memoized step kept in
// the database. One executor per database (PGlite has one writer; on PostgreSQL, claims and
// lock expiry keep two executors from driving one run at once).
import { EventEmitter } from "node:events";
import { type Db, databaseDriver, getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { log } from "@/lib/log";
import { type BackoffOptions, defaultBackoff } from "./backoff";
import { nextCronTime } from "./cron";
import { evaluateCondition, evaluateKey } from "./expressions";
import { setLocalExecutor } from "./local-api";
import { publishJobProgress } from "./progress";
import { type JobFunction, syncFunctions, triggerMatches } from "./registry";
import { driveRun, type RunFinished, type StepEvent } from "./run-driver";
import { localSigningKey } from "./signing";
import {
  claimRun,
  countRunning,
  findQueuedRuns,
  findWaitingSteps,
  insertRun,
  KEEP_CRON_RUNS,
  pruneFinishedRuns,
  reclaimRuns,
  renewLocks,
  resolveWait,
} from "./store";
import type { EventPayloadInput, LocalExecutorHandle, ServeHandler, StoredEvent } from "./types";

export interface LocalExecutorOptions {
  handler: ServeHandler;
  db?: Db;
  /** The URL requests carry (the SDK reports it back in sync). Default: APP_URL/api/inngest. */
  serveUrl?: string;
  signingKey?: string;
  /** Longest wait between two looks at the queue when nothing wakes the executor. */
  pollIntervalMs?: number;
  maxConcurrentRuns?: number;
  lockTtlMs?: number;
  /** Requeue every `running` run at start (safe when this is the only executor: PGlite). */
  reclaimAllOnStart?: boolean;
  backoff?: BackoffOptions;
  /** Schedule cron triggers (off in tests that fire them by hand). */
  crons?: boolean;
  /** Finished cron runs kept per function; older ones are deleted as new ones start (default 100). */
  keepCronRuns?: number;
  /** Become this process's executor for `inngest.send()` (default true). */
  register?: boolean;
  /** Called after each step is memoized (tests use it to crash the executor between steps). */
  afterStep?: (event: StepEvent) => void | Promise<void>;
}

export interface RunResult {
  status: "succeeded" | "failed";
  output?: unknown;
  error?: string;
}

const SCHEDULED_EVENT = "inngest/scheduled.timer";
const MAX_TIMER_MS = 60 * 60 * 1000;

export class LocalExecutor implements LocalExecutorHandle {
  readonly id = `executor-${newId()}`;
  private readonly db: Db;
  private readonly handler: ServeHandler;
  private readonly serveUrl: string;
  private readonly signingKey: string;
  private readonly options: LocalExecutorOptions;
  private functions = new Map<string, JobFunction>();
  private alive = false;
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly cronTimers = new Set<NodeJS.Timeout>();
  private ticking = false;
  private tickAgain = false;
  private lastReclaim = 0;
  private readonly finished = new EventEmitter();

  constructor(options: LocalExecutorOptions) {
    this.options = options;
    this.db = options.db ?? getDb();
    this.handler = options.handler;
    this.serveUrl = options.serveUrl ?? new URL("/api/inngest", env.APP_URL).href;
    this.signingKey = options.signingKey ?? localSigningKey();
    this.finished.setMaxListeners(0);
  }

  get running(): boolean {
    return this.alive;
  }

  listFunctions(): JobFunction[] {
    return [...this.functions.values()];
  }

  async start(): Promise<void> {
    const functions = await syncFunctions(this.handler, this.serveUrl, this.signingKey);
    this.functions = new Map(functions.map((f) => [f.id, f]));
    this.alive = true;
    const reclaimed = await reclaimRuns(this.db, {
      all: this.options.reclaimAllOnStart ?? databaseDriver() === "pglite",
    });
    if (this.options.register ?? true) setLocalExecutor(this);
    if (this.options.crons ?? true)
      for (const fn of functions) for (const expr of fn.crons) this.scheduleCron(fn, expr);
    const ttl = this.lockTtl();
    this.heartbeat = setInterval(() => void this.renewLocks(), Math.max(50, Math.floor(ttl / 3)));
    this.heartbeat.unref();
    log.info("local job executor started", { functions: functions.map((f) => f.id), resumed: reclaimed });
    this.wake();
  }

  /** Stops taking work and waits for the runs being driven to reach their next pause. */
  async stop(): Promise<void> {
    this.halt();
    await Promise.allSettled(this.inFlight.values());
    this.alive = false;
  }

  /** Stops at once, as a crash would: answers still in flight are dropped, nothing more is written. */
  kill(): void {
    this.halt();
    this.alive = false;
  }

  private halt() {
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    for (const t of this.cronTimers) clearTimeout(t);
    this.cronTimers.clear();
    this.timer = undefined;
    this.stopping = true;
    setLocalExecutor(undefined);
  }

  private stopping = false;

  /** Accepts events (the event API): starts the runs they trigger and resolves waiting steps. */
  async ingest(events: EventPayloadInput[]): Promise<string[]> {
    const ids: string[] = [];
    const now = new Date();
    for (const input of events) {
      if (!input || typeof input.name !== "string" || input.name.length === 0) {
        throw new Error("Every event needs a name.");
      }
      const event: StoredEvent = {
        name: input.name,
        data: input.data ?? {},
        id: input.id ?? newId(),
        ts: input.ts ?? now.getTime(),
        ...(input.v ? { v: input.v } : {}),
        ...(input.user ? { user: input.user } : {}),
      };
      ids.push(event.id);
      for (const fn of this.functions.values()) {
        if (!fn.events.some((t) => triggerMatches(t.name, event.name))) continue;
        await this.createRun(fn, event, input.id !== undefined, now);
      }
      for (const waiting of await findWaitingSteps(this.db, event.name)) {
        const scope = { event: waiting.run.event, async: event };
        if (waiting.waitIf && !safeCondition(waiting.waitIf, scope)) continue;
        await resolveWait(this.db, waiting.runId, waiting.stepId, event, now);
      }
    }
    this.wake();
    return ids;
  }

  private async createRun(fn: JobFunction, event: StoredEvent, senderEventId: boolean, now: Date) {
    const idempotencyValue = fn.idempotency ? evaluateKey(fn.idempotency, event) : undefined;
    const concurrency = fn.concurrency.find((c) => c.key) ?? fn.concurrency[0];
    const keyValue = concurrency?.key ? (evaluateKey(concurrency.key, event) ?? "") : undefined;
    return insertRun(
      this.db,
      {
        id: newId(),
        functionId: fn.id,
        event,
        senderEventId,
        idempotencyKey: idempotencyValue === undefined ? undefined : `${fn.id}:${idempotencyValue}`,
        concurrencyKey: concurrency ? `${fn.id}${keyValue === undefined ? "" : `:${keyValue}`}` : undefined,
        maxAttempts: fn.maxAttempts,
      },
      now,
    );
  }

  /** Looks at the queue now rather than at the next poll. */
  wake(): void {
    if (!this.alive || this.stopping) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    queueMicrotask(() => void this.tick());
  }

  /** Resolves when the run finishes (or at once if it already has). */
  async waitForRun(runId: string, timeoutMs = 30_000): Promise<RunResult> {
    return new Promise<RunResult>((resolve, reject) => {
      const timeout = setTimeout(() => {
        this.finished.off(runId, done);
        reject(new Error(`Run ${runId} did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (result: RunResult) => {
        clearTimeout(timeout);
        this.finished.off(runId, done);
        resolve(result);
      };
      this.finished.on(runId, done);
      void this.db.jobRun
        .findUnique({ where: { id: runId }, select: { status: true, output: true, error: true } })
        .then((row) => {
          if (row?.status === "succeeded" || row?.status === "failed") {
            done({
              status: row.status,
              output: (row.output as { data?: unknown } | null)?.data,
              error: row.error ?? undefined,
            });
          }
        }, reject);
    });
  }

  /** Starts the scheduled run of `fn` for the cron slot `at` (once per slot, even across restarts). */
  async triggerCron(functionId: string, at: Date): Promise<void> {
    const fn = this.functions.get(functionId);
    if (!fn) throw new Error(`No function ${functionId}`);
    const cron = fn.crons[0] ?? "";
    const event: StoredEvent = {
      name: SCHEDULED_EVENT,
      data: { cron },
      id: `cron-${fn.id}-${at.toISOString()}`,
      ts: at.getTime(),
    };
    await this.createRun(fn, event, true, new Date());
    this.wake();
    // Cron runs belong to no project and no one lists them: keep recent history, not every run.
    await pruneFinishedRuns(this.db, {
      functionId: fn.id,
      eventName: SCHEDULED_EVENT,
      keep: this.options.keepCronRuns ?? KEEP_CRON_RUNS,
    }).catch((error) => log.warn("local executor: pruning cron runs failed", { functionId: fn.id, error }));
  }

  private scheduleCron(fn: JobFunction, expression: string) {
    const next = nextCronTime(expression, new Date());
    const arm = () => {
      const wait = next.getTime() - Date.now();
      const timer = setTimeout(
        () => {
          this.cronTimers.delete(timer);
          if (this.stopping) return;
          if (Date.now() < next.getTime()) return arm();
          void this.triggerCron(fn.id, next)
            .catch((error) => log.error("cron trigger failed", { functionId: fn.id, error }))
            .finally(() => this.scheduleCron(fn, expression));
        },
        Math.min(Math.max(0, wait), MAX_TIMER_MS),
      );
      timer.unref();
      this.cronTimers.add(timer);
    };
    arm();
  }

  private lockTtl() {
    return this.options.lockTtlMs ?? 30_000;
  }

  private async renewLocks() {
    if (!this.alive || this.inFlight.size === 0) return;
    try {
      await renewLocks(this.db, [...this.inFlight.keys()], this.id, new Date(Date.now() + this.lockTtl()));
    } catch (error) {
      log.warn("local executor: renewing locks failed", { error });
    }
  }

  private async tick(): Promise<void> {
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    this.ticking = true;
    let nextDue = Number.POSITIVE_INFINITY;
    try {
      do {
        this.tickAgain = false;
        if (!this.alive || this.stopping) return;
        if (Date.now() - this.lastReclaim > this.lockTtl()) {
          this.lastReclaim = Date.now();
          await reclaimRuns(this.db, { all: false });
        }
        nextDue = await this.claimDueRuns();
      } while (this.tickAgain);
    } catch (error) {
      log.error("local executor: polling failed", { error });
    } finally {
      this.ticking = false;
      if (this.alive && !this.stopping) {
        const idle = this.options.pollIntervalMs ?? 500;
        const wait = Math.max(0, Math.min(idle, nextDue - Date.now()));
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.tick(), wait);
        this.timer.unref();
      }
    }
  }

  /** Claims and starts every due run the limits allow; returns when the next queued run is due. */
  private async claimDueRuns(): Promise<number> {
    const max = this.options.maxConcurrentRuns ?? 16;
    const now = Date.now();
    for (const row of await findQueuedRuns(this.db, 100)) {
      if (row.runAfter.getTime() > now) return row.runAfter.getTime();
      if (this.inFlight.size >= max) return Number.POSITIVE_INFINITY;
      if (this.inFlight.has(row.id)) continue;
      if (row.concurrencyKey) {
        const fn = this.functions.get(row.functionId);
        const limit = (fn?.concurrency.find((c) => c.key) ?? fn?.concurrency[0])?.limit;
        if (limit && (await countRunning(this.db, row.concurrencyKey)) >= limit) continue;
      }
      const lockedUntil = new Date(Date.now() + this.lockTtl());
      if (!(await claimRun(this.db, row.id, this.id, lockedUntil, row.startedAt ?? new Date()))) continue;
      const drive = this.drive(row.id).finally(() => {
        this.inFlight.delete(row.id);
        this.wake();
      });
      this.inFlight.set(row.id, drive);
    }
    return Number.POSITIVE_INFINITY;
  }

  private async drive(runId: string): Promise<void> {
    try {
      await driveRun(
        {
          db: this.db,
          handler: this.handler,
          serveUrl: this.serveUrl,
          signingKey: this.signingKey,
          executorId: this.id,
          backoff: this.options.backoff ?? defaultBackoff,
          isAlive: () => this.alive,
          findFunction: (id) => this.functions.get(id),
          onStep: (event) => this.onStep(event),
          onFinished: (event) => this.onFinished(event),
        },
        runId,
      );
    } catch (error) {
      log.error("local executor: driving a run failed", { runId, error });
    }
  }

  private async onStep(event: StepEvent) {
    // Not awaited: the browser's view must never slow the run down.
    void publishJobProgress({
      runId: event.runId,
      projectId: event.projectId,
      functionId: event.functionId,
      status: "running",
      step: event.name,
      message: `${event.stepsCompleted} step${event.stepsCompleted === 1 ? "" : "s"} done`,
    }).catch((error) => log.warn("job progress publish failed", { error }));
    await this.options.afterStep?.(event);
  }

  private onFinished(event: RunFinished) {
    this.finished.emit(event.runId, { status: event.status, output: event.output, error: event.error });
    void publishJobProgress({
      runId: event.runId,
      projectId: event.projectId,
      functionId: event.functionId,
      status: event.status,
      ...(event.status === "succeeded" ? { progress: 100 } : {}),
      error: event.error,
    }).catch((error) => log.warn("job progress publish failed", { error }));
  }
}

function safeCondition(expression: string, scope: Record<string, unknown>): boolean {
  try {
    return evaluateCondition(expression, scope);
  } catch (error) {
    log.warn("local executor: cannot evaluate waitForEvent condition", { expression, error });
    return false;
  }
}
