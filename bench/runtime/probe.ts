import { sleep } from "../deps.js";
import type { BenchMessage } from "./bench-tasks.js";

/**
 * Wall-clock now in epoch milliseconds with sub-millisecond precision. Comparable across processes
 * on one machine (unlike `performance.now()` alone), finer than `Date.now()`.
 */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Collects what one measurement observes: when each message's handler started and when its
 * completion event arrived, both relative to the publish instant carried in the message. Each
 * message index counts once (a redelivery does not count twice).
 */
export class LatencyProbe {
  /** publish → handler start, ms, in arrival order. */
  startLatenciesMs: number[] = [];
  /** publish → completion event observed, ms, in arrival order. */
  doneLatenciesMs: number[] = [];
  /** Epoch ms at which the n-th distinct completion was observed. */
  doneAtMs: number[] = [];
  private started = new Set<number>();
  private done = new Set<number>();

  /** Forgets everything observed so far (between the phases of one measurement). */
  reset(): void {
    this.startLatenciesMs = [];
    this.doneLatenciesMs = [];
    this.doneAtMs = [];
    this.started = new Set();
    this.done = new Set();
  }

  /** Call from the handler, first thing. */
  onStart(m: BenchMessage): void {
    if (this.started.has(m.i)) return;
    this.started.add(m.i);
    this.startLatenciesMs.push(nowMs() - m.sentAt);
  }

  /** Call when the completion (done) event of `m` is seen. */
  onDone(m: BenchMessage): void {
    const at = nowMs();
    if (this.done.has(m.i)) return;
    this.done.add(m.i);
    this.doneLatenciesMs.push(at - m.sentAt);
    this.doneAtMs.push(at);
  }

  get doneCount(): number {
    return this.done.size;
  }

  /** Resolves once `count` distinct messages completed; throws after `timeoutMs` (a crash). */
  async waitForDone(count: number, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.done.size < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `${what}: only ${this.done.size} of ${count} completions within ${timeoutMs} ms`,
        );
      }
      await sleep(5);
    }
  }
}
