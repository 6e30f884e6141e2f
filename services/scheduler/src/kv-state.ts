import { Kvm, type KV } from "@nats-io/kv";
import type { NatsConnection, Topology } from "@matchday/shared";
import type { ScheduleState } from "./domain/index.js";

/** KV keys allow `[-/_=.a-zA-Z0-9]`; any other schedule id is stored base64url-encoded. */
function keyPart(scheduleId: string): string {
  return /^[A-Za-z0-9_-]+$/.test(scheduleId)
    ? scheduleId
    : `b64_${Buffer.from(scheduleId).toString("base64url")}`;
}
const lastKey = (id: string) => `last.${keyPart(id)}`;
const pausedKey = (id: string) => `paused.${keyPart(id)}`;

export interface KvScheduleState extends ScheduleState {
  setPaused(scheduleId: string, paused: boolean): Promise<void>;
  kv: KV;
}

/**
 * The scheduler's shared state in a NATS KV bucket (history 1, no TTL): the last fired slot of each
 * schedule, moved only forward by compare-and-set (`create` when absent, `update` at the read
 * revision), and the paused flags. Every replica reads and writes the same bucket, and it survives
 * restarts.
 */
export async function openScheduleState(
  nc: NatsConnection,
  topology: Topology,
): Promise<KvScheduleState> {
  const kv = await new Kvm(nc).create(topology.schedulerBucket, {
    history: 1,
    description: "Matchday scheduler: last fired slots and pauses",
  });
  return {
    kv,
    async get(scheduleId) {
      const e = await kv.get(lastKey(scheduleId));
      if (!e || e.operation !== "PUT") return { lastFired: null, revision: e ? e.revision : null };
      return { lastFired: e.string(), revision: e.revision };
    },
    async compareAndSet(scheduleId, slotIso, expectedRevision) {
      try {
        if (expectedRevision === null) await kv.create(lastKey(scheduleId), slotIso);
        else await kv.update(lastKey(scheduleId), slotIso, expectedRevision);
        return true;
      } catch (err) {
        if (/wrong last sequence|key exists/i.test((err as Error).message)) return false;
        throw err;
      }
    },
    async isPaused(scheduleId) {
      const e = await kv.get(pausedKey(scheduleId));
      return !!e && e.operation === "PUT" && e.string() === "true";
    },
    async setPaused(scheduleId, paused) {
      if (paused) await kv.put(pausedKey(scheduleId), "true");
      else await kv.delete(pausedKey(scheduleId));
    },
  };
}
