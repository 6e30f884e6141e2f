import { benchNoop, BENCH_CONCURRENCY, type BenchMessage } from "./bench-tasks.js";
import type { BenchNats } from "./bench-nats.js";
import { watchCompletions } from "./completion-watch.js";
import type { LatencyProbe } from "./probe.js";
import { Slots } from "./slots.js";
import type { Workload } from "./workload.js";

/** How the bare baseline pulls: nats.js `consume()` (its recommended loop) or a `fetch()` loop like the runtime's. */
export type BarePull = "consume" | "fetch";

const MS = 1_000_000; // nanoseconds per millisecond (JetStream durations are nanoseconds)

/**
 * The baseline: the same work with nothing but nats.js. A durable pull consumer on the work-queue
 * stream, `BENCH_CONCURRENCY` handlers at a time; each parses the message, publishes a done event
 * with `js.publish` (awaiting the PubAck) and acks. No validation, headers, message ids, run
 * records, heartbeats or time limits: that is what the runtime adds and what the ratio prices.
 */
export async function bareWorkload(
  nats: BenchNats,
  pull: BarePull,
  probe: LatencyProbe,
): Promise<Workload> {
  const { load, worker, topology } = nats;
  const taskSubject = topology.taskSubject(benchNoop);
  const doneSubject = topology.completedSubject(benchNoop);
  const durable = `bare-${pull}`;
  await worker.jsm.consumers.add(topology.streams.tasks, {
    durable_name: durable,
    filter_subject: taskSubject,
    ack_policy: "explicit",
    ack_wait: 30_000 * MS,
    max_deliver: 4,
    max_ack_pending: 1_000,
  });
  const watch = watchCompletions(load.nc, doneSubject, (b) => b as BenchMessage, probe);
  const { js } = worker;

  const handle = async (m: { json<T>(): T; ack(): void }) => {
    const msg = m.json<BenchMessage>();
    probe.onStart(msg);
    await js.publish(doneSubject, JSON.stringify(msg));
    m.ack();
  };

  return {
    publish: async (m) => {
      await load.js.publish(taskSubject, JSON.stringify(m));
    },
    close: () => watch.stop(),
    async start() {
      const consumer = await js.consumers.get(topology.streams.tasks, durable);
      const slots = new Slots(BENCH_CONCURRENCY);
      const run = (m: Parameters<typeof handle>[0]) => {
        slots.take();
        void handle(m).finally(() => slots.release());
      };
      let stopping = false;
      let stopIntake: () => void;
      let loop: Promise<void>;
      if (pull === "consume") {
        const messages = await consumer.consume({ max_messages: BENCH_CONCURRENCY });
        stopIntake = () => messages.stop();
        loop = (async () => {
          for await (const m of messages) {
            await slots.waitFree();
            run(m);
          }
        })();
      } else {
        let batch: Awaited<ReturnType<typeof consumer.fetch>> | undefined;
        stopIntake = () => batch?.stop();
        loop = (async () => {
          while (!stopping) {
            await slots.waitFree();
            if (stopping) break;
            batch = await consumer.fetch({ max_messages: slots.free, expires: 5_000 });
            if (stopping) batch.stop();
            for await (const m of batch) run(m);
          }
        })();
      }
      return async () => {
        stopping = true;
        stopIntake();
        await loop;
        await slots.idle();
      };
    },
  };
}
