import { describe, expect, it } from "vitest";
import { createTopology } from "../../nats/topology.js";
import { validatePayload } from "../publisher.js";
import {
  catalog,
  generatePredictions,
  runManualUpdate,
  syncSingleLeague,
  taskByName,
  updateLineups,
  collectHeatmaps,
  retrainModel,
} from "./index.js";

const OPERATOR_NAMES = [
  "sync_all_leagues",
  "sync_single_league",
  "sync_historical_data",
  "update_recent_results",
  "retrain_model",
  "generate_predictions",
  "generate_prediction_for_match",
  "validate_predictions",
  "calculate_model_metrics",
  "cleanup_old_data",
  "health_check",
  "update_fixture_mappings",
  "update_lineups",
  "collect_heatmaps",
  "update_season_stats",
  "update_radar_attributes",
  "run_manual_update",
];

describe("catalog", () => {
  it("catalog - declares every task of the old schedule tables, once, under the operators' names", () => {
    expect(catalog.map((t) => t.name)).toEqual(OPERATOR_NAMES);
  });

  it("catalog - subjects and durables derive from the declaration and never overlap", () => {
    const t = createTopology();
    expect(t.taskSubject(syncSingleLeague)).toBe("task.sync.sync_single_league");
    expect(t.taskDurable(syncSingleLeague)).toBe("sync-sync_single_league");
    expect(new Set(catalog.map((d) => t.taskSubject(d))).size).toBe(catalog.length);
    const ns = createTopology("t1");
    expect(ns.taskSubject(syncSingleLeague)).toBe("t1.task.sync.sync_single_league");
    expect(ns.streams.tasks).toBe("T1_TASKS");
  });

  it("catalog - must-not-overlap tasks have a cluster-wide cap of one and skip overlapping ticks", () => {
    expect(retrainModel.maxInFlight).toBe(1);
    expect(collectHeatmaps.maxInFlight).toBe(1);
    expect(retrainModel.scheduleOverlap).toBe("skip");
    expect(collectHeatmaps.scheduleOverlap).toBe("skip");
  });

  it("catalog - payloads are validated with clear messages", () => {
    expect(validatePayload(syncSingleLeague, { league: "E0", season: "2526" })).toEqual({
      league: "E0",
      season: "2526",
    });
    expect(() => validatePayload(syncSingleLeague, { league: "E0", season: "2527" })).toThrow(
      /consecutive years/,
    );
    expect(() =>
      validatePayload(syncSingleLeague, { league: "E0", season: "2526", extra: 1 }),
    ).toThrow(/extra/);
    expect(validatePayload(generatePredictions, {})).toEqual({ days: 14 });
  });

  it("catalog - run_manual_update accepts the old script names with or without .py and nothing else", () => {
    expect(validatePayload(runManualUpdate, { step: "build_lineups_etl.py" }).step).toBe(
      "build_lineups_etl",
    );
    expect(validatePayload(runManualUpdate, { step: "build_heatmap_etl" }).step).toBe(
      "build_heatmap_etl",
    );
    for (const bad of [
      "../../etc/passwd",
      "build_lineups_etl.sh",
      "rm -rf /",
      "build_lineups_etl.py.py",
    ]) {
      expect(() => validatePayload(runManualUpdate, { step: bad })).toThrow(
        /valid steps: build_fixture_mapping, build_lineups_etl/,
      );
    }
  });

  it("catalog - triggers map upstream results to downstream payloads", () => {
    const heatmaps = taskByName("collect_heatmaps")!;
    expect(heatmaps.triggers[0]!.after).toBe(updateLineups);
    expect(
      heatmaps.triggers[0]!.payload(
        { season: "2025-26", gameweek: 7, fixtures: 10, pairs: [], unmappedPlayers: [] },
        {},
      ),
    ).toEqual({ season: "2025-26", gameweek: 7 });
    const retrain = retrainModel.triggers[0]!;
    const unchanged = {
      files: [],
      inserted: 0,
      updated: 0,
      unchanged: 380,
      rejected: 0,
      changedResultMatchIds: [],
      unknownTeams: [],
    };
    expect(retrain.payload(unchanged, {})).toBeNull();
    const changed = {
      ...unchanged,
      files: [
        {
          league: "E0",
          season: "2526",
          inserted: 0,
          updated: 1,
          unchanged: 379,
          rejected: 0,
          emptyRows: 0,
        },
      ],
      updated: 1,
      changedResultMatchIds: ["42"],
    };
    expect(retrain.payload(changed, {})).toEqual({ leagues: ["E0"] });
  });
});
