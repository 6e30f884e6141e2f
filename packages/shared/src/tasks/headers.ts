import { createHash, randomUUID } from "node:crypto";

/** Message headers the runtime reads and writes (besides `Nats-Msg-Id`). */
export const Header = {
  RunId: "Matchday-Run-Id",
  Trigger: "Matchday-Trigger",
  Schedule: "Matchday-Schedule",
  Slot: "Matchday-Slot",
  SlotLocal: "Matchday-Slot-Local",
  FireReason: "Matchday-Fire-Reason",
  FiredAt: "Matchday-Fired-At",
  UpstreamTask: "Matchday-Upstream-Task",
  UpstreamRunId: "Matchday-Upstream-Run-Id",
  DlqSubject: "Dlq-Subject",
  DlqError: "Dlq-Error",
  DlqReason: "Dlq-Reason",
  DlqDeliveries: "Dlq-Deliveries",
  DlqRunId: "Dlq-Run-Id",
  DlqStreamSeq: "Dlq-Stream-Seq",
} as const;

/** Why a message exists: a schedule's tick, an operator, or an upstream task's completion. */
export interface TriggerInfo {
  kind: "schedule" | "manual" | "event";
  scheduleId?: string;
  /** Nominal slot, UTC ISO. */
  slot?: string;
  slotLocal?: string;
  reason?: "on_time" | "catch_up" | "backfill";
  firedAt?: string;
  upstreamTask?: string;
  upstreamRunId?: string;
}

/**
 * A task message's `Nats-Msg-Id` for a key: `<task>@<key>` (a schedule slot, `after:<upstream run
 * id>`, `manual:<run id>`). Every publisher of the same key derives the same id, which is what lets
 * the TASKS stream's duplicate window keep one message.
 */
export function taskMsgId(task: string, key: string): string {
  return `${task}@${key}`;
}

/** A deterministic UUID (v5 layout over SHA-1) for a key: the same tick gives the same run id on every replica. */
export function runIdFor(key: string): string {
  const h = createHash("sha1").update("matchday-run:").update(key).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newRunId(): string {
  return randomUUID();
}

/** Message headers as nats.js gives them: each name with its values. */
type HeaderEntries = Iterable<[string, string[]]>;

export function triggerToHeaders(t: TriggerInfo, set: (k: string, v: string) => void): void {
  set(Header.Trigger, t.kind);
  if (t.scheduleId) set(Header.Schedule, t.scheduleId);
  if (t.slot) set(Header.Slot, t.slot);
  if (t.slotLocal) set(Header.SlotLocal, t.slotLocal);
  if (t.reason) set(Header.FireReason, t.reason);
  if (t.firedAt) set(Header.FiredAt, t.firedAt);
  if (t.upstreamTask) set(Header.UpstreamTask, t.upstreamTask);
  if (t.upstreamRunId) set(Header.UpstreamRunId, t.upstreamRunId);
}

/** What the runtime reads from a task message's headers. */
export interface RunHeaders {
  /** `Matchday-Run-Id`, when the publisher set one. */
  runId?: string;
  /** `Nats-Msg-Id`. */
  msgId?: string;
  trigger: TriggerInfo;
}

const TRIGGER_FIELD_OF = new Map<string, Exclude<keyof TriggerInfo, "kind">>([
  [Header.Schedule, "scheduleId"],
  [Header.Slot, "slot"],
  [Header.SlotLocal, "slotLocal"],
  [Header.FireReason, "reason"],
  [Header.FiredAt, "firedAt"],
  [Header.UpstreamTask, "upstreamTask"],
  [Header.UpstreamRunId, "upstreamRunId"],
]);

/**
 * Reads the run id, message id and trigger in one pass over the headers (a `get` per name scans
 * and copies the header list each time: ten of them per message showed in the worker's profile).
 * Names match exactly, as nats.js `get` does by default. A message published without headers
 * (`nats pub`) is a manual trigger.
 */
export function readRunHeaders(h: HeaderEntries | undefined): RunHeaders {
  const trigger: TriggerInfo = { kind: "manual" };
  const out: RunHeaders = { trigger };
  if (!h) return out;
  for (const [name, values] of h) {
    const v = values[0];
    if (!v) continue;
    if (name === Header.RunId) out.runId = v;
    else if (name === "Nats-Msg-Id") out.msgId = v;
    else if (name === Header.Trigger) {
      if (v === "schedule" || v === "event") trigger.kind = v;
    } else {
      const field = TRIGGER_FIELD_OF.get(name);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      if (field) (trigger as any)[field] = v;
    }
  }
  return out;
}
