export { predictionsService } from "./service.js";
export { PredictionsConfig, PredictionsOwnConfig, PREDICTIONS_CONFIG_KEYS } from "./config.js";
export { handleGeneratePredictions } from "./tasks/generate-predictions.js";
export { handleGeneratePredictionForMatch } from "./tasks/generate-prediction-for-match.js";
export { handleValidatePredictions } from "./tasks/validate-predictions.js";
