import {
  createPublisher,
  ensureTopology,
  silentLogger,
  startTaskWorker,
  startTriggerRelays,
  systemClock,
  type RunRecorder,
} from "../deps.js";
import { benchChainA, benchChainB } from "./bench-tasks.js";
import type { BenchNats } from "./bench-nats.js";
import { watchCompletions } from "./completion-watch.js";
import { StepTimings, timedJetStream, timedRecorder } from "./instrument.js";
import type { LatencyProbe } from "./probe.js";
import { completionPayload } from "./runtime-workload.js";
import type { Workload } from "./workload.js";

/**
 * Two-task chains: A is published, B starts from A's completion through its `after(A, …)` trigger
 * (the trigger relay consumes A's completion event and publishes B), one worker serves both, as a
 * service process does. The probe sees B's handler start and B's completion, both measured from
 * A's publish instant (B's payload carries it on).
 */
export async function chainWorkload(
  nats: BenchNats,
  recorder: RunRecorder,
  probe: LatencyProbe,
): Promise<Workload> {
  const { load, worker, topology } = nats;
  const tasks = [benchChainA, benchChainB];
  await ensureTopology(worker.jsm, topology, tasks);
  const publisher = createPublisher(load.js, topology);
  const watch = watchCompletions(
    load.nc,
    topology.completedSubject(benchChainB),
    completionPayload,
    probe,
  );
  const timings = new StepTimings();
  return {
    publish: async (m) => {
      await publisher.publish(benchChainA, m);
    },
    timings,
    close: () => watch.stop(),
    async start() {
      const js = timedJetStream(worker.js, timings);
      const w = await startTaskWorker({
        nc: worker.nc,
        js,
        jsm: worker.jsm,
        topology,
        tasks: { benchChainA, benchChainB },
        handlers: {
          benchChainA: async () => ({}),
          benchChainB: async (payload) => {
            probe.onStart(payload);
            return {};
          },
        },
        recorder: timedRecorder(recorder, timings),
        logger: silentLogger(),
        clock: systemClock,
        instanceId: "bench-worker",
      });
      const relays = startTriggerRelays({
        js,
        jsm: worker.jsm,
        topology,
        tasks,
        publisher: createPublisher(js, topology),
        logger: silentLogger(),
      });
      return async () => {
        await relays.stop();
        await w.stop(5_000);
      };
    },
  };
}
