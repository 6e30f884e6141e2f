export { mlService } from "./service.js";
export { MlConfig, MlOwnConfig, ML_CONFIG_KEYS, modelSettingsFrom } from "./config.js";
export { handleRetrainModel, type RetrainDeps } from "./tasks/retrain-model.js";
