import { newRunId, type RunRecorder } from "../deps.js";
import { perSecond, summarize, type LatencySummary } from "../stats.js";
import { nowMs } from "./probe.js";
import { benchNoop } from "./bench-tasks.js";

export interface RecorderFigures {
  inFlight: number;
  runsPerS: number;
  begin: LatencySummary;
  finish: LatencySummary;
  durable: LatencySummary;
}

/**
 * The run recorder on its own, without NATS: `inFlight` lanes each record runs back to back
 * (`begin`, then `finish` as succeeded and `durable`, as the worker does around a no-op handler) for
 * `durationMs`. Separates what PostgreSQL costs from what the rest of the runtime costs.
 */
export async function measureRecorder(
  recorder: RunRecorder,
  inFlight: number,
  durationMs: number,
): Promise<RecorderFigures> {
  const begins: number[] = [];
  const finishes: number[] = [];
  const durables: number[] = [];
  const t0 = nowMs();
  const deadline = t0 + durationMs;
  let seq = 0;
  const lane = async () => {
    while (nowMs() < deadline) {
      const i = seq++;
      const startedAt = new Date();
      const runId = newRunId();
      const a = nowMs();
      await recorder.begin({
        runId,
        attempt: 1,
        task: benchNoop.name,
        service: benchNoop.service,
        trigger: { kind: "manual" },
        payload: { i, sentAt: a },
        msgId: `${benchNoop.name}@manual:${runId}`,
        streamSeq: i + 1,
        instanceId: "bench-recorder",
        startedAt,
      });
      const b = nowMs();
      await recorder.finish(runId, 1, startedAt, {
        status: "succeeded",
        finishedAt: new Date(),
        result: {},
      });
      const c = nowMs();
      await recorder.durable(runId, 1);
      begins.push(b - a);
      finishes.push(c - b);
      durables.push(nowMs() - c);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return {
    inFlight,
    runsPerS: perSecond(finishes.length, nowMs() - t0),
    begin: summarize(begins),
    finish: summarize(finishes),
    durable: summarize(durables),
  };
}
