import { cleanupOldData, defineService, ServiceName } from "@matchday/shared";
import { SchedulerConfig } from "./config.js";
import { handleCleanupOldData } from "./tasks/cleanup-old-data.js";

/** The scheduler process: cron ticks (added with the scheduler engine) and the housekeeping tasks. */
export const schedulerService = defineService({
  name: ServiceName.Scheduler,
  config: SchedulerConfig,
  tasks: { cleanupOldData },
  createHandlers: ({ database }) => ({
    cleanupOldData: (p, ctx) => handleCleanupOldData(p, { ...ctx, db: database.db }),
  }),
});
