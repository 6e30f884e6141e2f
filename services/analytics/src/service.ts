import { analyticsTasks, defineService, ServiceName } from "@matchday/shared";
import { AnalyticsConfig } from "./config.js";
import { handleCalculateModelMetrics } from "./tasks/calculate-model-metrics.js";

/** The analytics service: model and market metrics over the validated predictions. */
export const analyticsService = defineService({
  name: ServiceName.Analytics,
  config: AnalyticsConfig,
  tasks: analyticsTasks,
  createHandlers: ({ config, database }) => {
    const deps = {
      db: database.db,
      marginMethod: config.METRICS_MARGIN_METHOD,
      valueBetThreshold: config.VALUE_BET_THRESHOLD,
    };
    return {
      calculateModelMetrics: (payload, ctx) => handleCalculateModelMetrics(payload, ctx, deps),
    };
  },
});
