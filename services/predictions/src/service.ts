import { defineService, predictionTasks, ServiceName } from "@matchday/shared";
import { PredictionsConfig } from "./config.js";
import { handleGeneratePredictionForMatch } from "./tasks/generate-prediction-for-match.js";
import { handleGeneratePredictions } from "./tasks/generate-predictions.js";
import { handleValidatePredictions } from "./tasks/validate-predictions.js";

/** The predictions service: predicts fixtures with each league's active model and scores them. */
export const predictionsService = defineService({
  name: ServiceName.Predictions,
  config: PredictionsConfig,
  tasks: predictionTasks,
  createHandlers: ({ database }) => {
    const deps = { db: database.db };
    return {
      generatePredictions: (payload, ctx) => handleGeneratePredictions(payload, ctx, deps),
      generatePredictionForMatch: (payload, ctx) =>
        handleGeneratePredictionForMatch(payload, ctx, deps),
      validatePredictions: (payload, ctx) => handleValidatePredictions(payload, ctx, deps),
    };
  },
});
