import type { JetStreamManager } from "@nats-io/jetstream";

export interface StoredTick {
  seq: number;
  subject: string;
  msgId: string;
  slot: string;
  reason: string;
  schedule: string;
}

/** Every message on `subject` still in the stream (ticks of a task nobody consumes stay there). */
export async function ticksInStream(
  jsm: JetStreamManager,
  stream: string,
  subject: string,
): Promise<StoredTick[]> {
  const info = await jsm.streams.info(stream);
  const out: StoredTick[] = [];
  for (
    let seq = info.state.first_seq;
    seq <= info.state.last_seq && info.state.messages > 0;
    seq++
  ) {
    const m = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (!m || m.subject !== subject) continue;
    out.push({
      seq: m.seq,
      subject: m.subject,
      msgId: m.header.get("Nats-Msg-Id"),
      slot: m.header.get("Matchday-Slot"),
      reason: m.header.get("Matchday-Fire-Reason"),
      schedule: m.header.get("Matchday-Schedule"),
    });
  }
  return out;
}
