import * as z from "zod";
import { after, defineTask, ServiceName } from "../define-task.js";
import { MINUTE } from "../../time/units.js";
import { LeagueCode } from "./common.js";
import { resultSyncTasks } from "./sync.js";

/** Leagues whose results changed in a sync run (null: nothing changed, so no retraining). */
function leaguesWithChanges(result: z.infer<(typeof resultSyncTasks)[number]["result"]>) {
  if (result.changedResultMatchIds.length === 0) return null;
  const leagues = [
    ...new Set(result.files.filter((f) => f.inserted + f.updated > 0).map((f) => f.league)),
  ];
  return leagues.length ? { leagues } : null;
}

export const retrainModel = defineTask({
  name: "retrain_model",
  service: ServiceName.Ml,
  queue: "ml",
  description:
    "Fit the time-weighted Dixon–Coles model of each league; unchanged training data records a skip.",
  payload: z.strictObject({ leagues: z.array(LeagueCode).min(1).optional() }),
  result: z.object({
    versions: z.array(
      z.object({
        league: z.string(),
        modelVersionId: z.string().nullable(),
        skipped: z.boolean(),
        reason: z.string().optional(),
      }),
    ),
  }),
  timeoutMs: 30 * MINUTE,
  maxInFlight: 1,
  retry: { maxAttempts: 3 },
  schedules: [{ id: "retrain_model", cron: "0 5 * * *", timezone: "UTC" }],
  // A tick while a retraining is still running is skipped (and recorded), never queued behind it.
  scheduleOverlap: "skip",
  triggers: resultSyncTasks.map((up) => after(up, leaguesWithChanges)),
});

export const mlTasks = { retrainModel } as const;
