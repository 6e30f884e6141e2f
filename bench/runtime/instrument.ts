import type { JetStreamClient, RunRecorder } from "../deps.js";
import { nowMs } from "./probe.js";
import { summarize, type LatencySummary } from "../stats.js";

/** Named duration samples (ms) of the runtime's steps, collected while a measurement runs. */
export class StepTimings {
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

/** A recorder that times `begin` and `finish` of the one it wraps (pool wait included). */
export function timedRecorder(inner: RunRecorder, timings: StepTimings): RunRecorder {
  return {
    begin: (start) => timings.time("recorder.begin", () => inner.begin(start)),
    finish: (runId, attempt, startedAt, outcome) =>
      timings.time("recorder.finish", () => inner.finish(runId, attempt, startedAt, outcome)),
    recordFinished: (start, outcome) => inner.recordFinished(start, outcome),
    lastSuccess: (task) => inner.lastSuccess(task),
  };
}

/** Which step a publish on `subject` is: a completion event, a task message, or something else. */
function publishStep(subject: string): string {
  if (subject.endsWith(".completed")) return "js.publish completion event (until PubAck)";
  if (/(^|\.)task\./.test(subject)) return "js.publish task message (until PubAck)";
  return "js.publish other";
}

/**
 * A JetStream client that times its `publish` calls (until the PubAck) and its `consumers.get`
 * lookups (one consumer-info round trip, which the worker makes before every pull), passing
 * everything else through unchanged.
 */
export function timedJetStream(js: JetStreamClient, timings: StepTimings): JetStreamClient {
  const consumers = new Proxy(js.consumers, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (prop === "get" && typeof v === "function") {
        return (...args: unknown[]) =>
          timings.time("js.consumers.get (consumer info, once per pull)", () =>
            (v as (...a: unknown[]) => Promise<unknown>).apply(target, args),
          );
      }
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return new Proxy(js, {
    get(target, prop, receiver) {
      if (prop === "consumers") return consumers;
      const v: unknown = Reflect.get(target, prop, receiver);
      if (prop === "publish" && typeof v === "function") {
        return (subject: string, ...rest: unknown[]) =>
          timings.time(publishStep(subject), () =>
            (v as (...a: unknown[]) => Promise<unknown>).apply(target, [subject, ...rest]),
          );
      }
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}
