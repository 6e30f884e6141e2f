import * as z from "zod";
import { after, defineTask, ServiceName } from "../define-task.js";
import { MINUTE } from "../../time/units.js";
import { NoPayload } from "./common.js";
import { validatePredictions } from "./predictions.js";

export const calculateModelMetrics = defineTask({
  name: "calculate_model_metrics",
  service: ServiceName.Analytics,
  queue: "analytics",
  description:
    "Per league, model version and window: accuracy, RPS, log loss, Brier, calibration, and the same for the market.",
  payload: NoPayload,
  result: z.object({ reports: z.number().int(), matches: z.number().int() }),
  timeoutMs: 10 * MINUTE,
  maxInFlight: 1,
  schedules: [{ id: "calculate_model_metrics", cron: "0 7 * * *", timezone: "UTC" }],
  triggers: [after(validatePredictions, (r) => (r.validated > 0 ? {} : null))],
});

export const analyticsTasks = { calculateModelMetrics } as const;
