import {
  createPublisher,
  ensureTopology,
  silentLogger,
  startTaskWorker,
  systemClock,
  type RunRecorder,
} from "../deps.js";
import { benchNoop } from "./bench-tasks.js";
import type { BenchNats } from "./bench-nats.js";
import { watchCompletions } from "./completion-watch.js";
import { StepTimings, timedJetStream, timedRecorder } from "./instrument.js";
import type { LatencyProbe } from "./probe.js";
import type { Workload } from "./workload.js";

/** Payload of the runtime's completion event, as far as the benchmark reads it. */
export function completionPayload(body: unknown) {
  return (body as { payload: { i: number; sentAt: number } }).payload;
}

/**
 * The no-op task through the runtime: published with `createPublisher` (validation, run id and
 * trigger headers, message id), served by `startTaskWorker` with `BENCH_CONCURRENCY` slots and
 * the given recorder, observed on its `evt.….completed` subject. The logger is silent: log I/O is a
 * deployment choice, not runtime overhead.
 */
export async function runtimeWorkload(
  nats: BenchNats,
  recorder: RunRecorder,
  probe: LatencyProbe,
): Promise<Workload> {
  const { load, worker, topology } = nats;
  await ensureTopology(worker.jsm, topology, [benchNoop]);
  const publisher = createPublisher(load.js, topology);
  const watch = watchCompletions(
    load.nc,
    topology.completedSubject(benchNoop),
    completionPayload,
    probe,
  );
  const timings = new StepTimings();
  return {
    publish: async (m) => {
      await publisher.publish(benchNoop, m);
    },
    timings,
    close: () => watch.stop(),
    async start() {
      const w = await startTaskWorker({
        nc: worker.nc,
        js: timedJetStream(worker.js, timings),
        jsm: worker.jsm,
        topology,
        tasks: { benchNoop },
        handlers: {
          benchNoop: async (payload) => {
            probe.onStart(payload);
            return {};
          },
        },
        recorder: timedRecorder(recorder, timings),
        logger: silentLogger(),
        clock: systemClock,
        instanceId: "bench-worker",
      });
      return () => w.stop(5_000);
    },
  };
}
