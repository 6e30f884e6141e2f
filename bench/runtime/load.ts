import { sleep } from "../deps.js";
import { nowMs } from "./probe.js";
import type { BenchMessage } from "./bench-tasks.js";

/** Publishes one benchmark message and resolves on the JetStream ack. */
export type PublishMessage = (m: BenchMessage) => Promise<void>;

/**
 * Publishes messages `from` … `from + count - 1` as fast as the server acks them, keeping `window`
 * publishes outstanding (one at a time would measure the round trip, not the server).
 */
export async function publishBacklog(
  publish: PublishMessage,
  from: number,
  count: number,
  window = 256,
): Promise<void> {
  let next = from;
  const end = from + count;
  const lane = async () => {
    while (next < end) {
      const i = next++;
      await publish({ i, sentAt: nowMs() });
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, count) }, lane));
}

/** How well an open-loop publisher kept to its schedule. */
export interface PacedRun {
  sent: number;
  /** Worst delay of a publish call behind its scheduled instant, ms (timer and event-loop lag). */
  maxScheduleLagMs: number;
  elapsedMs: number;
}

/**
 * Open-loop load: message k is published at `k / ratePerS` seconds after the start whether or not
 * earlier ones were acked or processed (so a slow consumer shows up as latency, not as a lower
 * offered rate). The publish instant in the message is taken when it is actually sent.
 */
export async function publishPaced(
  publish: PublishMessage,
  from: number,
  ratePerS: number,
  durationMs: number,
): Promise<PacedRun> {
  const total = Math.round((ratePerS * durationMs) / 1_000);
  const intervalMs = 1_000 / ratePerS;
  const pending = new Set<Promise<void>>();
  const errors: unknown[] = [];
  const t0 = nowMs();
  let maxLag = 0;
  let k = 0;
  while (k < total) {
    const now = nowMs();
    while (k < total && t0 + k * intervalMs <= now) {
      maxLag = Math.max(maxLag, now - (t0 + k * intervalMs));
      const p = publish({ i: from + k, sentAt: nowMs() }).catch((err: unknown) => {
        errors.push(err);
      });
      pending.add(p);
      void p.finally(() => pending.delete(p));
      k++;
    }
    if (k < total) await sleep(Math.max(0, t0 + k * intervalMs - nowMs()));
  }
  await Promise.all(pending);
  if (errors.length)
    throw new Error(`${errors.length} paced publishes failed`, { cause: errors[0] });
  return { sent: total, maxScheduleLagMs: maxLag, elapsedMs: nowMs() - t0 };
}
