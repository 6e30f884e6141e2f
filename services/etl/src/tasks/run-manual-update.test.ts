import { describe, expect, it } from "vitest";
import { MANUAL_UPDATE_STEPS, runManualUpdate } from "@matchday/shared";

describe("run_manual_update payload", () => {
  it("run-manual-update - takes the old script names, with or without .py", () => {
    expect(runManualUpdate.payload.parse({ step: "build_heatmap_etl.py" })).toEqual({
      step: "build_heatmap_etl",
    });
    for (const step of Object.keys(MANUAL_UPDATE_STEPS)) {
      expect(runManualUpdate.payload.safeParse({ step }).success).toBe(true);
    }
  });

  it("run-manual-update - rejects anything else with the list of valid steps", () => {
    for (const step of [
      "../../etc/passwd",
      "build_heatmap_etl.sh",
      "rm -rf /",
      "",
      "BUILD_LINEUPS_ETL",
    ]) {
      const r = runManualUpdate.payload.safeParse({ step });
      expect(r.success, step).toBe(false);
      expect(r.error!.issues[0]!.message).toContain(
        "valid steps: build_fixture_mapping, build_lineups_etl, build_heatmap_etl, build_season_stats_etl, build_radar_attributes_etl",
      );
    }
  });
});
