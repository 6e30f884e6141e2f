import { defineService, ServiceName } from "@matchday/shared";
import { AnalyticsConfig } from "./config.js";

/**
 * The analytics service. Its tasks' handlers are bound here as they are written; a task without a handler
 * has no consumer yet and `matchday inspect` lists it as unserved.
 */
export const analyticsService = defineService({
  name: ServiceName.Analytics,
  config: AnalyticsConfig,
  tasks: {},
  createHandlers: () => ({}),
});
