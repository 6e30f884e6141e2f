import { after, defineTask, ServiceName, z } from "../deps.js";

/** Per-process slots of every measured consumer, bare or runtime ("the same concurrency"). */
export const BENCH_CONCURRENCY = 64;

/**
 * What every benchmark message carries: its index (to count each one once, even if redelivered)
 * and its publish instant in epoch milliseconds with sub-millisecond precision (see `nowMs`).
 */
export const BenchMessage = z.object({ i: z.number().int().nonnegative(), sentAt: z.number() });
export type BenchMessage = z.infer<typeof BenchMessage>;

const payload = BenchMessage;
const result = z.object({});

const common = {
  service: ServiceName.Housekeeping,
  queue: "bench",
  result,
  payload,
  timeoutMs: 30_000,
  retry: { maxAttempts: 3, initialIntervalMs: 100 },
  // Cluster-wide cap above the per-process slots, so max_ack_pending never throttles the worker.
  maxInFlight: 1_000,
  concurrency: BENCH_CONCURRENCY,
} as const;

/** The no-op task of the throughput and latency runs. */
export const benchNoop = defineTask({
  ...common,
  name: "bench_noop",
  description: "Benchmark: does nothing.",
});

/** First link of the chain benchmark. */
export const benchChainA = defineTask({
  ...common,
  name: "bench_chain_a",
  description: "Benchmark: first task of a two-task chain; does nothing.",
});

/** Second link: started by A's completion through the catalog-style trigger, carrying A's payload on. */
export const benchChainB = defineTask({
  ...common,
  name: "bench_chain_b",
  description: "Benchmark: second task of a two-task chain, triggered by bench_chain_a.",
  triggers: [
    after(benchChainA, (_result, upstream) => {
      const { i, sentAt } = upstream;
      return { i, sentAt };
    }),
  ],
});
