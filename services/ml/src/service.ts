import { defineService, mlTasks, ServiceName } from "@matchday/shared";
import { MlConfig, modelSettingsFrom } from "./config.js";
import { handleRetrainModel } from "./tasks/retrain-model.js";

/** The ml service: fits and stores the model of each league (`retrain_model`). */
export const mlService = defineService({
  name: ServiceName.Ml,
  config: MlConfig,
  tasks: mlTasks,
  createHandlers: ({ config, database }) => {
    const deps = { db: database.db, settings: modelSettingsFrom(config) };
    return { retrainModel: (payload, ctx) => handleRetrainModel(payload, ctx, deps) };
  },
});
