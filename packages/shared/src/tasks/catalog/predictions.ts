import * as z from "zod";
import { after, defineTask, ServiceName } from "../define-task.js";
import { MINUTE } from "../../time/units.js";
import { retrainModel } from "./ml.js";
import { NoPayload } from "./common.js";
import { resultSyncTasks } from "./sync.js";

const common = { service: ServiceName.Predictions, queue: "predictions" } as const;

export const generatePredictions = defineTask({
  ...common,
  name: "generate_predictions",
  description:
    "Predict every upcoming fixture in the window with its league's active model (never at or after kick-off).",
  payload: z.strictObject({ days: z.number().int().min(1).max(60).default(14) }),
  result: z.object({
    predicted: z.number().int(),
    unchanged: z.number().int(),
    withoutModel: z.array(z.string()),
  }),
  timeoutMs: 10 * MINUTE,
  maxInFlight: 1,
  schedules: [{ id: "generate_predictions", cron: "0 */6 * * *", timezone: "UTC" }],
  triggers: [
    after(retrainModel, (r) => (r.versions.some((v) => !v.skipped) ? { days: 14 } : null)),
  ],
});

export const generatePredictionForMatch = defineTask({
  ...common,
  name: "generate_prediction_for_match",
  description: "Predict one match now (manual).",
  payload: z.strictObject({ match_id: z.string().min(1) }),
  result: z.object({
    matchId: z.string(),
    predictionId: z.string().nullable(),
    pHome: z.number(),
    pDraw: z.number(),
    pAway: z.number(),
  }),
  timeoutMs: 2 * MINUTE,
  concurrency: 2,
});

export const validatePredictions = defineTask({
  ...common,
  name: "validate_predictions",
  description:
    "Score every predicted match that now has a result: outcome, hit, RPS, log loss, Brier.",
  payload: NoPayload,
  result: z.object({ validated: z.number().int(), matchIds: z.array(z.string()) }),
  timeoutMs: 10 * MINUTE,
  maxInFlight: 1,
  schedules: [{ id: "validate_predictions", cron: "0 6 * * *", timezone: "UTC" }],
  triggers: resultSyncTasks.map((up) =>
    after(up, (r) => (r.changedResultMatchIds.length ? {} : null)),
  ),
});

export const predictionTasks = {
  generatePredictions,
  generatePredictionForMatch,
  validatePredictions,
} as const;
