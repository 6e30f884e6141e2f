import { defineService, ServiceName } from "@matchday/shared";
import { PredictionsConfig } from "./config.js";

/**
 * The predictions service. Its tasks' handlers are bound here as they are written; a task without a handler
 * has no consumer yet and `matchday inspect` lists it as unserved.
 */
export const predictionsService = defineService({
  name: ServiceName.Predictions,
  config: PredictionsConfig,
  tasks: {},
  createHandlers: () => ({}),
});
