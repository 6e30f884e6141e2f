import { headers as natsHeaders, type NatsConnection } from "@nats-io/nats-core";
import {
  JetStreamApiCodes,
  JetStreamApiError,
  type Consumer,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from "@nats-io/jetstream";
import * as z from "zod";
import type { Logger } from "../logging/logger.js";
import { ensureConsumer, taskConsumerConfig, type Topology } from "../nats/topology.js";
import type { Clock } from "../time/clock.js";
import { sleep } from "../time/units.js";
import type { AnyTaskDef, PayloadOf, ResultInputOf } from "./define-task.js";
import { describeError, isNonRetryable, TaskTimeoutError } from "./errors.js";
import { Header, runIdFor, triggerFromHeaders, type TriggerInfo } from "./headers.js";
import { computeBackoffMs } from "./retry.js";
import type { RunOutcome, RunRecorder, RunStart } from "./run-recorder.js";
import { Semaphore } from "./semaphore.js";

/** Returned by a handler that found nothing to do (same inputs as its last success, say). */
export interface Skip {
  readonly skipped: true;
  readonly reason: string;
}
export function skip(reason: string): Skip {
  return { skipped: true, reason };
}
function isSkip(v: unknown): v is Skip {
  return (
    typeof v === "object" &&
    v !== null &&
    (v as Skip).skipped === true &&
    typeof (v as Skip).reason === "string"
  );
}

export interface TaskContext {
  runId: string;
  /** 1-based; counts redeliveries after a lost worker too. */
  attempt: number;
  /** Aborts at the task's time limit and on forced shutdown: pass it to fetch and long queries. */
  signal: AbortSignal;
  logger: Logger;
  trigger: TriggerInfo;
  /** The service clock (real, or fixed/driven by MATCHDAY_NOW). */
  now(): Date;
  /** Extends the message's lease now (the worker also does it every ackWait/3 on its own). */
  heartbeat(): void;
  /** The task's last successful (or skipped) run, to compare inputs with. */
  lastSuccess(): Promise<{ payload: unknown; result: unknown; finishedAt: Date | null } | null>;
}

export type TaskHandler<T extends AnyTaskDef> = (
  payload: PayloadOf<T>,
  ctx: TaskContext,
) => Promise<ResultInputOf<T> | Skip>;
export type Handlers<T extends Record<string, AnyTaskDef>> = { [K in keyof T]: TaskHandler<T[K]> };

export interface InFlightRun {
  runId: string;
  task: string;
  attempt: number;
  startedAt: string;
}

export interface TaskWorker {
  /** Runs in progress in this process. */
  inFlight(): InFlightRun[];
  /** Counters since start. */
  stats(): Record<
    string,
    { succeeded: number; failed: number; rejected: number; skipped: number; deadLettered: number }
  >;
  /**
   * Stops intake, lets in-flight runs finish for up to `graceMs`, then aborts and naks the rest so
   * another replica takes them. Idempotent.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface TaskWorkerOptions<T extends Record<string, AnyTaskDef>> {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  topology: Topology;
  tasks: T;
  handlers: Handlers<T>;
  recorder: RunRecorder;
  logger: Logger;
  clock: Clock;
  instanceId: string;
  /** Per-process concurrency per task name; default the task's `concurrency`. */
  concurrency?: Partial<Record<string, number>>;
  /** How long one pull waits for messages. */
  pullExpiresMs?: number;
  random?: () => number;
}

class ShutdownAbort extends Error {
  override name = "ShutdownAbort";
}

type Outcome =
  | { kind: "ok"; result: unknown }
  | { kind: "skipped"; reason: string }
  | { kind: "error"; err: unknown; status: "failed" | "timed_out" }
  | { kind: "interrupted" };

/** Whether the server understands `+TERM <reason>` (2.10.4+); older ones ignore it and redeliver. */
function supportsTermReason(nc: NatsConnection): boolean {
  const [maj = 0, min = 0, patch = 0] = (nc.info?.version ?? "0.0.0").split(/[.-]/).map(Number);
  return maj > 2 || (maj === 2 && (min > 10 || (min === 10 && patch >= 4)));
}

/**
 * Takes the service's tasks from JetStream and runs their handlers: validate, run with a time limit
 * and heartbeats, record, publish the completion event, ack; or retry with backoff, or dead-letter.
 */
export async function startTaskWorker<T extends Record<string, AnyTaskDef>>(
  opts: TaskWorkerOptions<T>,
): Promise<TaskWorker> {
  const { js, jsm, topology, recorder, clock, logger } = opts;
  const defs = Object.entries(opts.tasks) as [keyof T & string, AnyTaskDef][];
  const running = new Map<string, { run: InFlightRun; abort: AbortController }>();
  const counters: ReturnType<TaskWorker["stats"]> = {};
  const loops: Promise<void>[] = [];
  let stopping = false;
  let stopPromise: Promise<void> | undefined;
  const termWithReason = supportsTermReason(opts.nc);

  const count = (task: string, key: keyof ReturnType<TaskWorker["stats"]>[string]) => {
    counters[task] ??= { succeeded: 0, failed: 0, rejected: 0, skipped: 0, deadLettered: 0 };
    counters[task][key]++;
  };

  function term(m: JsMsg, reason: string) {
    if (termWithReason) m.term(reason.slice(0, 200));
    else m.term();
  }

  async function deadLetter(
    def: AnyTaskDef,
    m: JsMsg,
    runId: string,
    reason: "rejected" | "non_retryable" | "exhausted",
    error: string,
  ) {
    const h = natsHeaders();
    m.headers?.keys().forEach((k) => {
      if (k !== "Nats-Msg-Id") for (const v of m.headers!.values(k)) h.append(k, v);
    });
    h.set(Header.DlqSubject, m.subject);
    h.set(Header.DlqReason, reason);
    h.set(Header.DlqError, error.replace(/[\r\n]+/g, " ").slice(0, 2000));
    h.set(Header.DlqDeliveries, String(m.info.deliveryCount));
    h.set(Header.DlqRunId, runId);
    h.set(Header.DlqStreamSeq, String(m.info.streamSequence));
    await js.publish(topology.dlqSubject(def), m.data, { msgID: `${runId}:dlq`, headers: h });
    count(def.name, "deadLettered");
  }

  async function publishEvent(subject: string, runId: string, suffix: string, body: unknown) {
    const h = natsHeaders();
    h.set(Header.RunId, runId);
    await js.publish(subject, JSON.stringify(body), { msgID: `${runId}:${suffix}`, headers: h });
  }

  async function runHandler(
    def: AnyTaskDef,
    handler: TaskHandler<AnyTaskDef>,
    payload: unknown,
    ctx: TaskContext,
    abort: AbortController,
  ): Promise<Outcome> {
    const limit = setTimeout(
      () => abort.abort(new TaskTimeoutError(def.name, def.timeoutMs)),
      def.timeoutMs,
    );
    const aborted = new Promise<never>((_, reject) => {
      if (abort.signal.aborted) reject(abort.signal.reason);
      abort.signal.addEventListener("abort", () => reject(abort.signal.reason), { once: true });
    });
    aborted.catch(() => {});
    try {
      // A handler that ignores its signal keeps running, but its outcome no longer counts.
      const out = await Promise.race([handler(payload, ctx), aborted]);
      if (isSkip(out)) return { kind: "skipped", reason: out.reason };
      const result = def.result.safeParse(out);
      if (!result.success) {
        return {
          kind: "error",
          status: "failed",
          err: new Error(
            `handler returned an invalid result: ${z.prettifyError(result.error).replace(/\n/g, "; ")}`,
          ),
        };
      }
      return { kind: "ok", result: result.data };
    } catch (err) {
      if (abort.signal.reason instanceof ShutdownAbort && err === abort.signal.reason)
        return { kind: "interrupted" };
      if (err instanceof TaskTimeoutError) return { kind: "error", status: "timed_out", err };
      return { kind: "error", status: "failed", err };
    } finally {
      clearTimeout(limit);
    }
  }

  /** The life of one message. */
  async function handleMessage(
    def: AnyTaskDef,
    handler: TaskHandler<AnyTaskDef>,
    m: JsMsg,
  ): Promise<void> {
    const attempt = m.info.deliveryCount;
    const runId =
      m.headers?.get(Header.RunId) ||
      runIdFor(`${topology.streams.tasks}:${m.info.streamSequence}`);
    const msgId = m.headers?.get("Nats-Msg-Id") || undefined;
    const trigger = triggerFromHeaders(m.headers);
    const log = logger.child({
      runId,
      task: def.name,
      attempt,
      trigger: trigger.kind,
      ...(trigger.scheduleId ? { schedule: trigger.scheduleId } : {}),
    });
    const startedAt = clock.now();
    const start = (payload: unknown): RunStart => ({
      runId,
      attempt,
      task: def.name,
      service: def.service,
      trigger,
      payload,
      msgId,
      streamSeq: m.info.streamSequence,
      instanceId: opts.instanceId,
      startedAt,
    });
    const failedEvent = (status: string, error: string, payload: unknown) => ({
      runId,
      task: def.name,
      service: def.service,
      attempt,
      status,
      error,
      trigger,
      payload,
      startedAt: startedAt.toISOString(),
      finishedAt: clock.now().toISOString(),
    });

    // 1. Validate. A message that cannot parse is never retried: record, dead-letter, terminate.
    let raw: unknown;
    let payload: unknown;
    let invalid: string | undefined;
    try {
      raw = m.data.length === 0 ? {} : JSON.parse(new TextDecoder().decode(m.data));
      const parsed = def.payload.safeParse(raw);
      if (parsed.success) payload = parsed.data;
      else invalid = `invalid payload: ${z.prettifyError(parsed.error).replace(/\n/g, "; ")}`;
    } catch (err) {
      invalid = `invalid JSON: ${(err as Error).message}`;
      raw = m.string().slice(0, 1000);
    }
    if (invalid !== undefined) {
      log.warn({ reason: invalid }, "payload rejected");
      await recorder.recordFinished(start(raw), {
        status: "rejected",
        finishedAt: clock.now(),
        error: invalid,
      });
      await deadLetter(def, m, runId, "rejected", invalid);
      await publishEvent(
        topology.failedSubject(def),
        runId,
        "failed",
        failedEvent("rejected", invalid, raw),
      );
      term(m, invalid);
      count(def.name, "rejected");
      return;
    }

    // 2. A redelivery after the worker of the last attempt was lost: the budget is spent.
    if (attempt > def.retry.maxAttempts) {
      const error = `attempt budget of ${def.retry.maxAttempts} spent (the worker of the last attempt was lost)`;
      await recorder.recordFinished(start(payload), {
        status: "failed",
        finishedAt: clock.now(),
        error,
      });
      await deadLetter(def, m, runId, "exhausted", error);
      await publishEvent(
        topology.failedSubject(def),
        runId,
        "failed",
        failedEvent("failed", error, payload),
      );
      term(m, error);
      return;
    }

    // 3. Record the start; a run that already succeeded is finished work delivered again.
    const { previousSuccess } = await recorder.begin(start(payload));
    if (previousSuccess) {
      log.info(
        { previousAttempt: previousSuccess.attempt },
        "run already succeeded: acknowledging the redelivery",
      );
      m.ack();
      return;
    }

    // 4. Run, heartbeating, within the time limit.
    const abort = new AbortController();
    const inflight: InFlightRun = {
      runId,
      task: def.name,
      attempt,
      startedAt: startedAt.toISOString(),
    };
    running.set(runId, { run: inflight, abort });
    const heartbeat = () => m.working();
    const hb = setInterval(heartbeat, Math.max(200, Math.floor(def.ackWaitMs / 3)));
    const ctx: TaskContext = {
      runId,
      attempt,
      signal: abort.signal,
      logger: log,
      trigger,
      now: () => clock.now(),
      heartbeat,
      lastSuccess: async () => {
        const r = await recorder.lastSuccess(def.name);
        return r ? { payload: r.payload, result: r.result, finishedAt: r.finishedAt } : null;
      },
    };
    log.info({ payload }, "run started");
    let outcome: Outcome;
    try {
      outcome = await runHandler(def, handler, payload, ctx, abort);
    } finally {
      running.delete(runId);
    }

    // 5. Settle. Failures here (NATS or PostgreSQL away) leave the message to be redelivered; the
    // run record makes that redelivery idempotent.
    try {
      const finishedAt = clock.now();
      const durationMs = finishedAt.getTime() - startedAt.getTime();
      if (outcome.kind === "interrupted") {
        await recorder.finish(runId, attempt, startedAt, {
          status: "failed",
          finishedAt,
          error: "interrupted by shutdown; handed back for redelivery",
        });
        m.nak();
        log.warn("run interrupted by shutdown: handed back");
        return;
      }
      if (outcome.kind === "ok" || outcome.kind === "skipped") {
        const status = outcome.kind === "ok" ? "succeeded" : "skipped";
        const result =
          outcome.kind === "ok" ? outcome.result : { skipped: true, reason: outcome.reason };
        const o: RunOutcome = { status, finishedAt, result };
        await recorder.finish(runId, attempt, startedAt, o);
        await publishEvent(topology.completedSubject(def), runId, "completed", {
          runId,
          task: def.name,
          service: def.service,
          attempt,
          status,
          trigger,
          payload,
          result,
          startedAt: startedAt.toISOString(),
          finishedAt: finishedAt.toISOString(),
          durationMs,
        });
        m.ack();
        count(def.name, status);
        log.info(
          { status, durationMs, ...(outcome.kind === "skipped" ? { reason: outcome.reason } : {}) },
          `run ${status}`,
        );
        return;
      }
      const error = describeError(outcome.err);
      const final = isNonRetryable(outcome.err) || attempt >= def.retry.maxAttempts;
      await recorder.finish(runId, attempt, startedAt, {
        status: outcome.status,
        finishedAt,
        error,
      });
      count(def.name, "failed");
      if (final) {
        await deadLetter(
          def,
          m,
          runId,
          isNonRetryable(outcome.err) ? "non_retryable" : "exhausted",
          error,
        );
        await publishEvent(
          topology.failedSubject(def),
          runId,
          "failed",
          failedEvent(outcome.status, error, payload),
        );
        term(m, error);
        log.error({ err: outcome.err, status: outcome.status }, "run failed: dead-lettered");
      } else {
        const delayMs = computeBackoffMs(attempt, def.retry, opts.random);
        m.nak(delayMs);
        log.warn(
          { err: outcome.err, status: outcome.status, retryInMs: delayMs },
          "run failed: will retry",
        );
      }
    } catch (err) {
      log.error({ err }, "could not settle the run; it will be redelivered");
      try {
        m.nak(1_000);
      } catch {
        // connection gone: the ack wait expires and the message comes back
      }
    } finally {
      clearInterval(hb);
    }
  }

  /**
   * One pull loop per slot: each asks for one message (`next`), runs it, and asks again. No message
   * ever waits in a client-side buffer with its ack timer running, and a replica never holds more
   * messages than it has free slots, so idle replicas get the work (what `fetch` batches and
   * `consume` buffers do not guarantee for long tasks).
   */
  async function slotLoop(def: AnyTaskDef, handler: TaskHandler<AnyTaskDef>, busy: Semaphore) {
    const durable = topology.taskDurable(def);
    const log = logger.child({ task: def.name });
    let backoff = 250;
    // Looked up once, and again only after an error (a lookup is a round trip).
    let consumer: Consumer | undefined;
    while (!stopping) {
      try {
        consumer ??= await js.consumers.get(topology.streams.tasks, durable);
        const m = await consumer.next({ expires: opts.pullExpiresMs ?? 5_000 });
        if (!m) continue;
        if (stopping) {
          m.nak(); // arrived after shutdown began: hand it straight back
          break;
        }
        busy.take();
        try {
          await handleMessage(def, handler, m);
        } catch (err) {
          log.error({ err }, "message handling failed");
        } finally {
          busy.release();
        }
        backoff = 250;
      } catch (err) {
        if (stopping) break;
        consumer = undefined;
        if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.ConsumerNotFound) {
          log.warn("consumer missing: recreating it");
          await ensureConsumer(
            jsm,
            topology.streams.tasks,
            taskConsumerConfig(topology, def),
          ).catch((e) => log.error({ err: e }, "could not recreate consumer"));
        } else {
          log.warn({ err: describeError(err) }, "pull failed; retrying");
        }
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  const allSlots: Semaphore[] = [];
  for (const [key, def] of defs) {
    const size = Math.max(1, opts.concurrency?.[def.name] ?? def.concurrency);
    const busy = new Semaphore(size);
    allSlots.push(busy);
    for (let i = 0; i < size; i++)
      loops.push(slotLoop(def, opts.handlers[key] as TaskHandler<AnyTaskDef>, busy));
  }

  return {
    inFlight: () => [...running.values()].map((r) => r.run),
    stats: () => structuredClone(counters),
    stop(graceMs = 25_000) {
      stopPromise ??= (async () => {
        stopping = true;
        const idle = Promise.all(allSlots.map((s) => s.idle()));
        const timedOut = await Promise.race([
          idle.then(() => false),
          sleep(graceMs).then(() => true),
        ]);
        if (timedOut) {
          for (const r of running.values()) r.abort.abort(new ShutdownAbort("shutdown"));
          await idle;
        }
        // Idle loops are parked in a pull that ends within its expiry; do not wait longer than that.
        await Promise.race([Promise.allSettled(loops), sleep(opts.pullExpiresMs ?? 5_000)]);
      })();
      return stopPromise;
    },
  };
}
