import { BaseConfig } from "@matchday/shared";

/** The analytics service's configuration: the shared variables (its own are added with its tasks). */
export const AnalyticsConfig = BaseConfig.extend({});
export type AnalyticsConfig = typeof AnalyticsConfig;
