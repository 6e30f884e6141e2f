import type { PublishMessage } from "./load.js";
import type { StepTimings } from "./instrument.js";

/**
 * Something to measure: how to enqueue one task, and how to start the consumers that run it. Its
 * handler reports to a `LatencyProbe` (`onStart`) and so does its completion watcher (`onDone`).
 */
export interface Workload {
  publish: PublishMessage;
  /** Starts consuming; resolves to a stop function that waits for in-flight work. */
  start(): Promise<() => Promise<void>>;
  /** Timings of the runtime's steps (absent for the bare baseline, which has no steps to time). */
  timings?: StepTimings;
  /** Releases what the workload opened besides the consumers (subscriptions). */
  close(): void;
}
