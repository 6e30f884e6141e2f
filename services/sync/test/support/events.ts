import type { TestNats } from "@matchday/shared/testing";

/** A message seen on a subject: its JSON body and headers. */
export interface SeenMessage {
  subject: string;
  data: Record<string, unknown>;
  headers: Record<string, string>;
}

/** Collects every message published on `subject` (wildcards allowed) until `stop()`. */
export function collect(
  nc: TestNats["nc"],
  subject: string,
): { items: SeenMessage[]; stop(): void } {
  const items: SeenMessage[] = [];
  const sub = nc.subscribe(subject, {
    callback: (_err, m) => {
      const headers: Record<string, string> = {};
      m.headers?.keys().forEach((k) => (headers[k] = m.headers!.get(k)));
      items.push({ subject: m.subject, data: m.json<Record<string, unknown>>(), headers });
    },
  });
  return { items, stop: () => sub.unsubscribe() };
}
