import type { NatsConnection } from "../deps.js";
import type { BenchMessage } from "./bench-tasks.js";
import type { LatencyProbe } from "./probe.js";

/**
 * Observes completion (done) events with a core subscription, the way a dashboard or a test would:
 * no stream consumer, so observing adds no JetStream work. `extract` reads the benchmark message out
 * of the event body (the runtime nests the task payload in `payload`; the bare baseline sends the
 * message itself).
 */
export function watchCompletions(
  nc: NatsConnection,
  subject: string,
  extract: (body: unknown) => BenchMessage,
  probe: LatencyProbe,
): { stop(): void } {
  const sub = nc.subscribe(subject, {
    callback: (err, msg) => {
      if (err) return;
      probe.onDone(extract(msg.json()));
    },
  });
  return { stop: () => sub.unsubscribe() };
}
