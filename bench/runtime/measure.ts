import { perSecond, summarize, type LatencySummary } from "../stats.js";
import { startResourceMeter, type ResourceUsage } from "../resource-meter.js";
import { publishBacklog, publishPaced, type PacedRun } from "./load.js";
import { nowMs, type LatencyProbe } from "./probe.js";
import type { Workload } from "./workload.js";

/** How one workload is measured. */
export interface MeasurePlan {
  /** Tasks run (published as a burst, consumers running) before anything is measured: JIT, pools. */
  warmupTasks: number;
  /**
   * Throughput run: a backlog pre-published while the consumers are stopped, then drained. Its
   * size aims at `targetDrainMs` of work at the rate the warm-up showed, within `minTasks` …
   * `maxTasks`, so a slow variant does not stretch the suite and a fast one is not timed on noise.
   */
  backlog?: { targetDrainMs: number; minTasks: number; maxTasks: number };
  /**
   * Latency run: tasks published open-loop at `ratePerS` for `durationMs`. With `maxLoadShare`,
   * the rate is capped at that share of the measured throughput, so the run shows per-task latency
   * rather than a queue growing without bound.
   */
  paced?: { ratePerS: number; durationMs: number; maxLoadShare?: number };
  /** A wait for completions longer than this is a crash, ms. */
  timeoutMs: number;
}

export interface BacklogFigures {
  tasks: number;
  throughputPerS: number;
  /** First to last completion, ms. */
  elapsedMs: number;
  /** This process's CPU per task over the drain, µs. */
  processCpuUsPerTask: number;
  usage: ResourceUsage;
  steps: [string, LatencySummary][];
}

export interface PacedFigures {
  ratePerS: number;
  run: PacedRun;
  /** publish → handler start. */
  start: LatencySummary;
  /** publish → completion event observed. */
  done: LatencySummary;
  usage: ResourceUsage;
  steps: [string, LatencySummary][];
}

export interface WorkloadFigures {
  backlog?: BacklogFigures;
  /** Absent when the plan has no paced run (throughput-only rounds). */
  paced?: PacedFigures;
}

/**
 * Measures a workload: warm-up; throughput draining a pre-published backlog (the consumers start
 * on a full queue, so the figure is their capacity, not the publisher's); then latency under
 * open-loop load. The workload's consumers are stopped and its watcher closed before returning.
 */
export async function measureWorkload(
  w: Workload,
  probe: LatencyProbe,
  plan: MeasurePlan,
): Promise<WorkloadFigures> {
  let next = 0;
  let stop: (() => Promise<void>) | undefined = await w.start();
  try {
    probe.reset();
    const t0 = nowMs();
    await publishBacklog(w.publish, next, plan.warmupTasks);
    next += plan.warmupTasks;
    await probe.waitForDone(plan.warmupTasks, plan.timeoutMs, "warm-up");
    const warmRate = perSecond(plan.warmupTasks, nowMs() - t0);

    let backlog: BacklogFigures | undefined;
    if (plan.backlog) {
      const { targetDrainMs, minTasks, maxTasks } = plan.backlog;
      const tasks = Math.min(
        maxTasks,
        Math.max(minTasks, Math.round((warmRate * targetDrainMs) / 1_000)),
      );
      await stop();
      stop = undefined;
      probe.reset();
      await publishBacklog(w.publish, next, tasks);
      next += tasks;
      w.timings?.take();
      const meter = startResourceMeter();
      stop = await w.start();
      await probe.waitForDone(tasks, plan.timeoutMs, "backlog");
      const usage = meter.stop();
      const elapsedMs = probe.doneAtMs[tasks - 1]! - probe.doneAtMs[0]!;
      backlog = {
        tasks,
        throughputPerS: perSecond(tasks - 1, elapsedMs),
        elapsedMs,
        processCpuUsPerTask: (usage.processCpuMs * 1_000) / tasks,
        usage,
        steps: w.timings?.take() ?? [],
      };
    }

    if (!plan.paced) return backlog ? { backlog } : {};
    const { durationMs, maxLoadShare } = plan.paced;
    const ratePerS =
      backlog && maxLoadShare !== undefined
        ? Math.min(plan.paced.ratePerS, Math.floor(backlog.throughputPerS * maxLoadShare))
        : plan.paced.ratePerS;
    probe.reset();
    w.timings?.take();
    if (w.timings) w.timings.enabled = true;
    const meter = startResourceMeter();
    const run = await publishPaced(w.publish, next, ratePerS, durationMs);
    await probe.waitForDone(run.sent, plan.timeoutMs, "paced");
    const usage = meter.stop();
    const paced: PacedFigures = {
      ratePerS,
      run,
      start: summarize(probe.startLatenciesMs),
      done: summarize(probe.doneLatenciesMs),
      usage,
      steps: w.timings?.take() ?? [],
    };
    return backlog ? { backlog, paced } : { paced };
  } finally {
    await stop?.();
    w.close();
  }
}
