import { headers as natsHeaders } from "@nats-io/nats-core";
import { describe, expect, it } from "vitest";
import { Header, readRunHeaders, runIdFor, triggerToHeaders, type TriggerInfo } from "./headers.js";

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
    const h = natsHeaders();
    triggerToHeaders(t, (k, v) => h.set(k, v));
    expect(readRunHeaders(h).trigger).toEqual(t);
    expect(readRunHeaders(undefined).trigger).toEqual({ kind: "manual" });
    expect(readRunHeaders(natsHeaders()).trigger).toEqual({ kind: "manual" });
  });

  it("headers - one pass reads the run id, the message id and the trigger; unknown and empty headers are ignored", () => {
    const t: TriggerInfo = { kind: "event", upstreamTask: "update_lineups", upstreamRunId: "r-1" };
    const h = natsHeaders();
    h.set(Header.RunId, "run-7");
    h.set("Nats-Msg-Id", "collect_heatmaps@after:r-1");
    h.set("X-Other", "ignored");
    h.set(Header.Schedule, "");
    triggerToHeaders(t, (k, v) => h.set(k, v));
    expect(readRunHeaders(h)).toEqual({
      runId: "run-7",
      msgId: "collect_heatmaps@after:r-1",
      trigger: t,
    });
    // An unknown trigger kind reads as manual; names match exactly, as nats.js get() does.
    const odd = natsHeaders();
    odd.set(Header.Trigger, "cron");
    odd.set(Header.RunId.toLowerCase(), "not-the-run-id");
    expect(readRunHeaders(odd)).toEqual({ trigger: { kind: "manual" } });
    expect(readRunHeaders(undefined)).toEqual({ trigger: { kind: "manual" } });
  });
});
