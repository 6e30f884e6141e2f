import { describe, expect, it } from "vitest";
import { runIdFor, triggerFromHeaders, triggerToHeaders, type TriggerInfo } from "./headers.js";

describe("headers", () => {
  it("headers - run ids derive deterministically from the message id, as UUIDs", () => {
    const a = runIdFor("sync_all_leagues@2026-11-23T04:00:00Z");
    expect(a).toBe(runIdFor("sync_all_leagues@2026-11-23T04:00:00Z"));
    expect(a).not.toBe(runIdFor("sync_all_leagues@2026-11-24T04:00:00Z"));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("headers - trigger info survives the round trip; no headers means a manual trigger", () => {
    const t: TriggerInfo = {
      kind: "schedule",
      scheduleId: "update_recent_results",
      slot: "2026-11-23T03:00:00.000Z",
      slotLocal: "2026-11-23T03:00:00+00:00 UTC",
      reason: "catch_up",
      firedAt: "2026-11-23T09:00:01.000Z",
    };
    const m = new Map<string, string>();
    triggerToHeaders(t, (k, v) => m.set(k, v));
    expect(triggerFromHeaders({ get: (k) => m.get(k) ?? "" })).toEqual(t);
    expect(triggerFromHeaders(undefined)).toEqual({ kind: "manual" });
  });
});
