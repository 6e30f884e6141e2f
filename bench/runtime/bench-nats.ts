import { connectTestNats, ensureStreams, type TestNats, type Topology } from "../deps.js";

/**
 * Two connections to the local NATS in one fresh namespace, as two processes would have: `load`
 * publishes tasks and watches completions (the scheduler, a dashboard), `worker` serves the tasks.
 * The namespace's streams (the runtime's own TASKS/EVENTS/DLQ configs, also used by the bare
 * baseline so both hit the same server-side work) are created here and deleted by `cleanup`.
 */
export interface BenchNats {
  load: TestNats;
  worker: TestNats;
  topology: Topology;
  cleanup(): Promise<void>;
}

export async function openBenchNats(): Promise<BenchNats> {
  const load = await connectTestNats();
  const worker = await connectTestNats();
  const topology = load.topology;
  await ensureStreams(load.jsm, topology);
  return {
    load,
    worker,
    topology,
    async cleanup() {
      // `worker` owns no streams (its namespace is unused): closing it is all its cleanup does.
      await worker.cleanup();
      await load.cleanup();
    },
  };
}
