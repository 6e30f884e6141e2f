import * as z from "zod";
import { after, defineTask, ServiceName } from "../define-task.js";
import { MINUTE } from "../../time/units.js";
import { FplSeason } from "./common.js";

const common = { service: ServiceName.Etl, queue: "etl" } as const;
const london = "Europe/London";
/** Every ETL task may name its season; unset, the service's configured season. */
const seasonField = { season: FplSeason.optional() };

export const updateFixtureMappings = defineTask({
  ...common,
  name: "update_fixture_mappings",
  description:
    "Map each FPL fixture of the season to its SofaScore event (team mapping + kick-off within a tolerance).",
  payload: z.strictObject(seasonField),
  result: z.object({
    season: z.string(),
    mapped: z.number().int(),
    unmapped: z.array(z.unknown()),
    ambiguous: z.array(z.unknown()),
  }),
  timeoutMs: 10 * MINUTE,
  maxInFlight: 1,
  schedules: [{ id: "update_fixture_mappings", cron: "0 2 * * 1", timezone: london }],
});

export const updateLineups = defineTask({
  ...common,
  name: "update_lineups",
  description:
    "Fetch both lineups and per-player match statistics of every mapped, finished fixture not yet confirmed.",
  payload: z.strictObject({ ...seasonField, gameweek: z.number().int().min(1).max(50).optional() }),
  result: z.object({
    season: z.string(),
    gameweek: z.number().int(),
    fixtures: z.number().int(),
    pairs: z.array(z.object({ eventId: z.number().int(), playerId: z.number().int() })),
    unmappedPlayers: z.array(z.object({ id: z.number().int(), name: z.string() })),
  }),
  timeoutMs: 15 * MINUTE,
  maxInFlight: 1,
  schedules: [{ id: "update_lineups", cron: "0 3 * * 2", timezone: london }],
});

export const collectHeatmaps = defineTask({
  ...common,
  name: "collect_heatmaps",
  description:
    "Collect heatmaps of the qualifying players of a gameweek (started by update_lineups completing).",
  payload: z.strictObject({ ...seasonField, gameweek: z.number().int().min(1).max(50).optional() }),
  result: z.object({
    collected: z.number().int(),
    unavailable: z.number().int(),
    alreadyDone: z.number().int(),
  }),
  timeoutMs: 30 * MINUTE,
  maxInFlight: 1,
  ackWaitMs: 60_000,
  // An operator's schedule for it skips a tick while a collection is still running.
  scheduleOverlap: "skip",
  triggers: [after(updateLineups, (r) => ({ season: r.season, gameweek: r.gameweek }))],
});

export const updateSeasonStats = defineTask({
  ...common,
  name: "update_season_stats",
  description:
    "Per player and season: appearances, minutes, goals, assists, FPL points, SofaScore season statistics, per-90 rates.",
  payload: z.strictObject(seasonField),
  result: z.object({ season: z.string(), players: z.number().int(), noData: z.number().int() }),
  timeoutMs: 20 * MINUTE,
  maxInFlight: 1,
  schedules: [{ id: "update_season_stats", cron: "0 2 * * 3", timezone: london }],
});

export const updateRadarAttributes = defineTask({
  ...common,
  name: "update_radar_attributes",
  description: "SofaScore attribute overviews and our percentile radar within position.",
  payload: z.strictObject(seasonField),
  result: z.object({
    season: z.string(),
    players: z.number().int(),
    belowMinutes: z.number().int(),
  }),
  timeoutMs: 15 * MINUTE,
  maxInFlight: 1,
  schedules: [{ id: "update_radar_attributes", cron: "0 3 * * 3", timezone: london }],
  triggers: [after(updateSeasonStats, (r) => ({ season: r.season }))],
});

/** The old system's script names, and the task each runs. Nothing outside this list can run. */
export const MANUAL_UPDATE_STEPS = {
  build_fixture_mapping: updateFixtureMappings,
  build_lineups_etl: updateLineups,
  build_heatmap_etl: collectHeatmaps,
  build_season_stats_etl: updateSeasonStats,
  build_radar_attributes_etl: updateRadarAttributes,
} as const;
const stepNames = Object.keys(MANUAL_UPDATE_STEPS);

export const runManualUpdate = defineTask({
  ...common,
  name: "run_manual_update",
  description: "Run one named ETL step now (the old script names, with or without .py).",
  payload: z.strictObject({
    step: z
      .string()
      .transform((s) => s.replace(/\.py$/, ""))
      .pipe(
        z.enum(stepNames as [keyof typeof MANUAL_UPDATE_STEPS], {
          message: `unknown step; valid steps: ${stepNames.join(", ")} (with or without .py)`,
        }),
      ),
    ...seasonField,
  }),
  result: z.object({ step: z.string(), result: z.unknown() }),
  timeoutMs: 60 * MINUTE,
  maxInFlight: 1,
  ackWaitMs: 60_000,
});

export const etlTasks = {
  updateFixtureMappings,
  updateLineups,
  collectHeatmaps,
  updateSeasonStats,
  updateRadarAttributes,
  runManualUpdate,
} as const;
