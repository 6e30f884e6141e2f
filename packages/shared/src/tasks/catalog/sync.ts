import * as z from "zod";
import { defineTask, ServiceName } from "../define-task.js";
import { MINUTE, SECOND } from "../../time/units.js";
import { LeagueCode, NoPayload, SeasonCode, SyncResult } from "./common.js";

const common = { service: ServiceName.Sync, queue: "data_sync", result: SyncResult } as const;
const httpRetry = {
  maxAttempts: 5,
  initialIntervalMs: 30 * SECOND,
  backoffCoefficient: 3,
  maxIntervalMs: 15 * MINUTE,
};

export const syncAllLeagues = defineTask({
  ...common,
  name: "sync_all_leagues",
  description: "Sync the current season of every configured league, and the upcoming fixtures.",
  payload: NoPayload,
  timeoutMs: 10 * MINUTE,
  retry: httpRetry,
  maxInFlight: 1,
  schedules: [{ id: "sync_all_leagues", cron: "0 4 * * *", timezone: "UTC" }],
});

export const syncSingleLeague = defineTask({
  ...common,
  name: "sync_single_league",
  description: "Sync one league's season file (results, statistics, odds).",
  payload: z.strictObject({ league: LeagueCode, season: SeasonCode }),
  timeoutMs: 5 * MINUTE,
  retry: httpRetry,
  concurrency: 2,
});

export const syncHistoricalData = defineTask({
  ...common,
  name: "sync_historical_data",
  description: "Sync the last complete seasons (default five) of every configured league.",
  payload: z.strictObject({
    /** How many complete seasons; default from the service's SYNC_HISTORY_SEASONS. */
    seasons: z.number().int().min(1).max(30).optional(),
  }),
  timeoutMs: 30 * MINUTE,
  retry: httpRetry,
  maxInFlight: 1,
  schedules: [{ id: "sync_historical_data", cron: "0 2 * * 1", timezone: "UTC" }],
});

export const updateRecentResults = defineTask({
  ...common,
  name: "update_recent_results",
  description:
    "Re-read the current season and apply what changed: new results, corrections, fixtures now played.",
  payload: NoPayload,
  timeoutMs: 10 * MINUTE,
  retry: httpRetry,
  maxInFlight: 1,
  schedules: [{ id: "update_recent_results", cron: "0 */3 * * *", timezone: "UTC" }],
});

export const syncTasks = {
  syncAllLeagues,
  syncSingleLeague,
  syncHistoricalData,
  updateRecentResults,
} as const;

/** The sync tasks whose completion means "new results synced": all of them. */
export const resultSyncTasks = Object.values(syncTasks);
