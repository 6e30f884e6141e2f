import type { NatsConnection } from "@nats-io/nats-core";

/** A message seen on a subject: its JSON body (`{ raw }` when it is not JSON), headers and arrival time. */
export interface SeenMessage {
  subject: string;
  data: Record<string, unknown>;
  headers: Record<string, string>;
  at: number;
}

/**
 * Collects every message published on `subject` (wildcards allowed) until `stop()`: a core
 * subscription, so it also sees publishes a stream dropped as duplicates.
 */
export function collect(
  nc: NatsConnection,
  subject: string,
): { items: SeenMessage[]; stop(): void } {
  const items: SeenMessage[] = [];
  const sub = nc.subscribe(subject, {
    callback: (_err, m) => {
      const headers: Record<string, string> = {};
      m.headers?.keys().forEach((k) => (headers[k] = m.headers!.get(k)));
      let data: Record<string, unknown>;
      try {
        data = m.json();
      } catch {
        data = { raw: m.string() };
      }
      items.push({ subject: m.subject, data, headers, at: Date.now() });
    },
  });
  return { items, stop: () => sub.unsubscribe() };
}
