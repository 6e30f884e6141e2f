export { analyticsService } from "./service.js";
export { AnalyticsConfig, AnalyticsOwnConfig, ANALYTICS_CONFIG_KEYS } from "./config.js";
export { handleCalculateModelMetrics, type MetricsDeps } from "./tasks/calculate-model-metrics.js";
export {
  buildMetricsReports,
  type MetricsReport,
  type MetricsOptions,
} from "./domain/metrics-reports.js";
