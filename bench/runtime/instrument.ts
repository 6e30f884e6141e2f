import type { JetStreamClient, RunRecorder } from "../deps.js";
import { nowMs } from "./probe.js";
import { summarize, type LatencySummary } from "../stats.js";

/**
 * Named duration samples (ms) of the runtime's steps. Off until `enabled` is set: the throughput
 * drains run with it off (the wrappers then add one flag check per call, so the figure compared with
 * the bare baseline carries no instrumentation); the paced runs switch it on.
 */
export class StepTimings {
  enabled = false;
  private samples = new Map<string, number[]>();

  add(step: string, ms: number): void {
    let list = this.samples.get(step);
    if (!list) this.samples.set(step, (list = []));
    list.push(ms);
  }

  /** Times `fn` under `step` (whether it resolves or rejects). */
  async time<T>(step: string, fn: () => Promise<T>): Promise<T> {
    const t0 = nowMs();
    try {
      return await fn();
    } finally {
      this.add(step, nowMs() - t0);
    }
  }

  /** Summaries per step, in the order the steps were first seen; clears the samples. */
  take(): [string, LatencySummary][] {
    const out = [...this.samples].map(([step, s]): [string, LatencySummary] => [
      step,
      summarize(s),
    ]);
    this.samples = new Map();
    return out;
  }
}

/** A recorder that times `begin`, `finish` and `durable` of the one it wraps (pool wait included). */
export function timedRecorder(inner: RunRecorder, timings: StepTimings): RunRecorder {
  return {
    begin: (start) =>
      timings.enabled
        ? timings.time("recorder.begin", () => inner.begin(start))
        : inner.begin(start),
    finish: (runId, attempt, startedAt, outcome) =>
      timings.enabled
        ? timings.time("recorder.finish", () => inner.finish(runId, attempt, startedAt, outcome))
        : inner.finish(runId, attempt, startedAt, outcome),
    durable: (runId, attempt) =>
      timings.enabled
        ? timings.time("recorder.durable", () => inner.durable(runId, attempt))
        : inner.durable(runId, attempt),
    recordFinished: (start, outcome) => inner.recordFinished(start, outcome),
  };
}

/**
 * Which step a publish on `subject` is. Task messages are what goes through `js.publish` (the trigger
 * relays' downstream tasks); the worker's completion events go through its own StreamPublisher on
 * the connection, which this does not see.
 */
function publishStep(subject: string): string {
  if (/(^|\.)task\./.test(subject)) return "js.publish task message (until PubAck)";
  return "js.publish other";
}

/**
 * A JetStream client that times its `publish` calls (until the PubAck) and its `consumers.get`
 * lookups (one consumer-info round trip, made when a task's intake starts or recovers), and
 * inherits everything else from the client it wraps (no per-access allocation).
 */
export function timedJetStream(js: JetStreamClient, timings: StepTimings): JetStreamClient {
  const consumers = Object.create(js.consumers) as JetStreamClient["consumers"];
  const get = js.consumers.get.bind(js.consumers);
  consumers.get = (...args: Parameters<typeof get>) =>
    timings.enabled
      ? timings.time("js.consumers.get (consumer info)", () => get(...args))
      : get(...args);
  const timed = Object.create(js) as JetStreamClient;
  const publish = js.publish.bind(js);
  timed.publish = (subject, ...rest) =>
    timings.enabled
      ? timings.time(publishStep(subject), () => publish(subject, ...rest))
      : publish(subject, ...rest);
  Object.defineProperty(timed, "consumers", { value: consumers });
  return timed;
}
