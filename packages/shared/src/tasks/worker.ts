import { headers as natsHeaders, type NatsConnection } from "@nats-io/nats-core";
import {
  JetStreamApiCodes,
  JetStreamApiError,
  type Consumer,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from "@nats-io/jetstream";
import type { Logger } from "../logging/logger.js";
import { StreamPublisher } from "../nats/stream-publisher.js";
import { ensureConsumer, taskConsumerConfig, type Topology } from "../nats/topology.js";
import type { Clock } from "../time/clock.js";
import { sleep } from "../time/units.js";
import type { AnyTaskDef, PayloadOf, ResultInputOf } from "./define-task.js";
import { describeError, isNonRetryable, TaskTimeoutError, zodErrorLine } from "./errors.js";
import { Header, readRunHeaders, runIdFor, type TriggerInfo } from "./headers.js";
import { computeBackoffMs } from "./retry.js";
import { completedEventOf, failedEventOf, type RunIdentity } from "./events.js";
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

/**
 * What a handler gets beside its payload. Pass it on whole: it is a class instance whose `signal`,
 * `logger` and `heartbeat` live on its prototype, so a spread copy (`{ ...ctx }`) lacks them.
 */
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
  /** How long one pull waits for messages. */
  pullExpiresMs?: number;
}

class ShutdownAbort extends Error {
  override name = "ShutdownAbort";
}

type Outcome =
  | { kind: "ok"; result: unknown }
  | { kind: "skipped"; reason: string }
  | { kind: "error"; err: unknown; status: "failed" | "timed_out" }
  | { kind: "interrupted" };

const utf8 = new TextDecoder();

/**
 * How a run is stopped (time limit, forced shutdown): the handler's AbortSignal, made only when the
 * handler reads it, and a promise that rejects at once so the worker stops waiting for a handler
 * that ignores its signal. No event listener per run.
 */
class RunAbort {
  private controller: AbortController | undefined;
  private rejectAborted!: (reason: unknown) => void;
  /** Rejects with the reason when the run is aborted; never resolves. */
  readonly aborted = new Promise<never>((_, reject) => (this.rejectAborted = reject));
  reason: unknown;

  constructor() {
    this.aborted.catch(ignore);
  }

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    if (this.reason !== undefined && !this.controller.signal.aborted)
      this.controller.abort(this.reason);
    return this.controller.signal;
  }

  abort(reason: unknown): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.controller?.abort(reason);
    this.rejectAborted(reason);
  }
}

function ignore(): void {}

function runStart(identity: RunIdentity, payload: unknown): RunStart {
  return { ...identity, payload };
}

function timeLimitReached(abort: RunAbort, def: AnyTaskDef): void {
  abort.abort(new TaskTimeoutError(def.name, def.timeoutMs));
}

function workingOn(m: JsMsg): void {
  m.working();
}

/**
 * The run's child logger (run id, task, attempt, trigger on every line), made on first use: a pino
 * child costs more than the rest of a no-op run's bookkeeping, and with info lines off
 * (`LOG_LEVEL=warn`) a run that goes well never needs one.
 */
class LazyRunLogger {
  private logger: Logger | undefined;
  constructor(
    private readonly root: Logger,
    private readonly run: RunIdentity,
  ) {}

  get(): Logger {
    const { run } = this;
    return (this.logger ??= this.root.child({
      runId: run.runId,
      task: run.task,
      attempt: run.attempt,
      trigger: run.trigger.kind,
      ...(run.trigger.scheduleId ? { schedule: run.trigger.scheduleId } : {}),
    }));
  }
}

/**
 * A handler's context. A class, so a run makes no closures for it (tsx names each closure it
 * creates, which showed in the runtime benchmark's profile): the getters and `heartbeat` live on the
 * prototype; `now` is made once per worker.
 */
class RunContext implements TaskContext {
  readonly runId: string;
  readonly attempt: number;
  readonly trigger: TriggerInfo;
  constructor(
    run: RunIdentity,
    private readonly msg: JsMsg,
    private readonly abort: RunAbort,
    private readonly runLog: LazyRunLogger,
    readonly now: () => Date,
  ) {
    this.runId = run.runId;
    this.attempt = run.attempt;
    this.trigger = run.trigger;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get logger(): Logger {
    return this.runLog.get();
  }

  heartbeat(): void {
    this.msg.working();
  }
}

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
  const running = new Map<string, { identity: RunIdentity; abort: RunAbort }>();
  const now = () => clock.now();
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

  // Completion and failure events: on the path of every run, so published without nats.js's
  // per-request machinery (see StreamPublisher).
  const events = new StreamPublisher(opts.nc);
  function publishEvent(subject: string, runId: string, suffix: string, body: unknown) {
    return events.publish(subject, JSON.stringify(body), `${runId}:${suffix}`, [
      [Header.RunId, runId],
    ]);
  }

  async function runHandler(
    def: AnyTaskDef,
    handler: TaskHandler<AnyTaskDef>,
    payload: unknown,
    ctx: TaskContext,
    abort: RunAbort,
  ): Promise<Outcome> {
    const limit = setTimeout(timeLimitReached, def.timeoutMs, abort, def);
    try {
      // A handler that ignores its signal keeps running, but its outcome no longer counts.
      const out = await Promise.race([handler(payload, ctx), abort.aborted]);
      if (isSkip(out)) return { kind: "skipped", reason: out.reason };
      const result = def.result.safeParse(out);
      if (!result.success) {
        return {
          kind: "error",
          status: "failed",
          err: new Error(`handler returned an invalid result: ${zodErrorLine(result.error)}`),
        };
      }
      return { kind: "ok", result: result.data };
    } catch (err) {
      if (err instanceof ShutdownAbort && err === abort.reason) return { kind: "interrupted" };
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
    const { runId: runIdHeader, msgId, trigger } = readRunHeaders(m.headers);
    const runId = runIdHeader ?? runIdFor(`${topology.streams.tasks}:${m.info.streamSequence}`);
    const startedAt = clock.now();
    const identity: RunIdentity = {
      runId,
      attempt,
      task: def.name,
      service: def.service,
      trigger,
      msgId,
      streamSeq: m.info.streamSequence,
      instanceId: opts.instanceId,
      startedAt,
    };
    const runLog = new LazyRunLogger(logger, identity);
    const infoOn = logger.isLevelEnabled("info");

    // 1. Validate. A message that cannot parse is never retried: record, dead-letter, terminate.
    let raw: unknown;
    let payload: unknown;
    let invalid: string | undefined;
    try {
      raw = m.data.length === 0 ? {} : JSON.parse(utf8.decode(m.data));
      const parsed = def.payload.safeParse(raw);
      if (parsed.success) payload = parsed.data;
      else invalid = `invalid payload: ${zodErrorLine(parsed.error)}`;
    } catch (err) {
      invalid = `invalid JSON: ${(err as Error).message}`;
      raw = m.string().slice(0, 1000);
    }
    if (invalid !== undefined) {
      runLog.get().warn({ reason: invalid }, "payload rejected");
      await recorder.recordFinished(runStart(identity, raw), {
        status: "rejected",
        finishedAt: clock.now(),
        error: invalid,
      });
      await deadLetter(def, m, runId, "rejected", invalid);
      await publishEvent(
        topology.failedSubject(def),
        runId,
        "failed",
        failedEventOf(identity, "rejected", invalid, raw, clock.now()),
      );
      term(m, invalid);
      count(def.name, "rejected");
      return;
    }

    // 2. A redelivery after the worker of the last attempt was lost: the budget is spent.
    if (attempt > def.retry.maxAttempts) {
      const error = `attempt budget of ${def.retry.maxAttempts} spent (the worker of the last attempt was lost)`;
      await recorder.recordFinished(runStart(identity, payload), {
        status: "failed",
        finishedAt: clock.now(),
        error,
      });
      await deadLetter(def, m, runId, "exhausted", error);
      await publishEvent(
        topology.failedSubject(def),
        runId,
        "failed",
        failedEventOf(identity, "failed", error, payload, clock.now()),
      );
      term(m, error);
      return;
    }

    // 3. Record the start; a run that already succeeded is finished work delivered again.
    const { previousSuccess } = await recorder.begin(runStart(identity, payload));
    if (previousSuccess) {
      // Its completion event may not have gone out (the worker stopped between recording and
      // publishing): publish it again from the record; the message id makes a repeat a no-op.
      await publishEvent(
        topology.completedSubject(def),
        runId,
        "completed",
        completedEventOf(
          {
            ...identity,
            attempt: previousSuccess.attempt,
            trigger: (previousSuccess.trigger as TriggerInfo | null) ?? trigger,
            startedAt: previousSuccess.startedAt,
          },
          previousSuccess.payload,
          previousSuccess.status === "skipped" ? "skipped" : "succeeded",
          previousSuccess.result,
          previousSuccess.finishedAt ?? previousSuccess.startedAt,
        ),
      );
      // Its finish may not be on disk yet (the earlier attempt failed between finish and durable).
      await recorder.durable(runId, previousSuccess.attempt);
      runLog
        .get()
        .info(
          { previousAttempt: previousSuccess.attempt },
          "run already succeeded: completion event re-published, redelivery acknowledged",
        );
      m.ack();
      return;
    }

    // 4. Run, heartbeating, within the time limit.
    const abort = new RunAbort();
    running.set(runId, { identity, abort });
    const hb = setInterval(workingOn, Math.max(200, Math.floor(def.ackWaitMs / 3)), m);
    const ctx = new RunContext(identity, m, abort, runLog, now);
    if (infoOn) runLog.get().info({ payload }, "run started");
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
        runLog.get().warn("run interrupted by shutdown: handed back");
        return;
      }
      if (outcome.kind === "ok" || outcome.kind === "skipped") {
        const status = outcome.kind === "ok" ? "succeeded" : "skipped";
        const result =
          outcome.kind === "ok" ? outcome.result : { skipped: true, reason: outcome.reason };
        const o: RunOutcome = { status, finishedAt, result };
        // The record first, then the event: whoever sees the event (a downstream trigger, an
        // operator's `trigger --wait`, a test) finds the run final. A stop between the two is
        // covered on redelivery: the recorded success re-publishes the event. The record is on disk
        // before the message leaves the stream.
        await recorder.finish(runId, attempt, startedAt, o);
        await publishEvent(
          topology.completedSubject(def),
          runId,
          "completed",
          completedEventOf(identity, payload, status, result, finishedAt),
        );
        await recorder.durable(runId, attempt);
        m.ack();
        count(def.name, status);
        if (infoOn)
          runLog.get().info(
            {
              status,
              durationMs,
              ...(outcome.kind === "skipped" ? { reason: outcome.reason } : {}),
            },
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
          failedEventOf(identity, outcome.status, error, payload, clock.now()),
        );
        await recorder.durable(runId, attempt);
        term(m, error);
        runLog
          .get()
          .error({ err: outcome.err, status: outcome.status }, "run failed: dead-lettered");
      } else {
        const delayMs = computeBackoffMs(attempt, def.retry);
        m.nak(delayMs);
        runLog
          .get()
          .warn(
            { err: outcome.err, status: outcome.status, retryInMs: delayMs },
            "run failed: will retry",
          );
      }
    } catch (err) {
      runLog.get().error({ err }, "could not settle the run; it will be redelivered");
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
   * The intake of one task. It keeps pull requests open for exactly the slots that are free: a
   * message is only asked for when a slot is waiting for it, so none waits in a client-side buffer
   * with its ack timer running, and a replica never holds more messages than it has free slots (idle
   * replicas get the work, which `consume` buffers do not guarantee for long tasks). Slots that free
   * up together share one pull request, and pulls overlap, so a round trip never idles the slots.
   */
  async function intake(def: AnyTaskDef, handler: TaskHandler<AnyTaskDef>, busy: Semaphore) {
    const durable = topology.taskDurable(def);
    const log = logger.child({ task: def.name });
    const expires = opts.pullExpiresMs ?? 5_000;
    let pullError: unknown;
    const pulls = new Set<Promise<void>>();
    let backoff = 250;
    // Looked up once, and again only after an error (a lookup is a round trip).
    let consumer: Consumer | undefined;

    const handlingFailed = (err: unknown) => log.error({ err }, "message handling failed");
    const handled = () => busy.release();

    // Messages that arrived together start together (on the next turn of the event loop), so their
    // acks and events leave in a few socket writes instead of one each: started one by one as the
    // pull's iterator yields them, the runs drift apart and nats.js flushes each write on its own.
    let ready: JsMsg[] = [];
    const startReady = () => {
      const batch = ready;
      ready = [];
      for (const m of batch)
        void handleMessage(def, handler, m).catch(handlingFailed).finally(handled);
    };

    const drain = async (batch: ConsumerMessages, want: number) => {
      let delivered = 0;
      try {
        for await (const m of batch) {
          delivered++;
          busy.useReserved();
          backoff = 250;
          if (stopping) {
            m.nak(); // arrived after shutdown began: hand it straight back
            busy.release();
            continue;
          }
          ready.push(m);
          if (ready.length === 1) setImmediate(startReady);
        }
      } catch (err) {
        pullError ??= err;
      } finally {
        // Also wakes the loop below, to see an error or to ask again.
        busy.unreserve(want - delivered);
      }
    };

    while (!stopping) {
      if (pullError !== undefined) {
        const err = pullError;
        pullError = undefined;
        consumer = undefined;
        if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.ConsumerNotFound) {
          log.warn("consumer missing: recreating it");
          await ensureConsumer(
            jsm,
            topology.streams.tasks,
            taskConsumerConfig(topology, def),
          ).catch((e: unknown) => log.error({ err: e }, "could not recreate consumer"));
        } else {
          log.warn({ err: describeError(err) }, "pull failed; retrying");
        }
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
        continue;
      }
      // Parked here while every slot is used or reserved; on shutdown, open pulls end within
      // their expiry and free their slots, which lets the loop see `stopping`.
      const want = busy.free;
      if (want <= 0) {
        await busy.waitFree();
        continue;
      }
      busy.reserve(want);
      try {
        consumer ??= await js.consumers.get(topology.streams.tasks, durable);
        const batch = await consumer.fetch({ max_messages: want, expires });
        const pull: Promise<void> = drain(batch, want).finally(() => pulls.delete(pull));
        pulls.add(pull);
      } catch (err) {
        busy.unreserve(want);
        pullError = err;
      }
    }
    await Promise.allSettled([...pulls]);
  }

  const allSlots: Semaphore[] = [];
  for (const [key, def] of defs) {
    const size = Math.max(1, def.concurrency);
    const busy = new Semaphore(size);
    allSlots.push(busy);
    loops.push(intake(def, opts.handlers[key] as TaskHandler<AnyTaskDef>, busy));
  }

  return {
    inFlight: () =>
      [...running.values()].map(({ identity: r }) => ({
        runId: r.runId,
        task: r.task,
        attempt: r.attempt,
        startedAt: r.startedAt.toISOString(),
      })),
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
        // Idle intakes wait on pulls that end within their expiry; do not wait longer than that.
        await Promise.race([Promise.allSettled(loops), sleep(opts.pullExpiresMs ?? 5_000)]);
        events.close();
      })();
      return stopPromise;
    },
  };
}
