import { BaseConfig } from "@matchday/shared";

/** The scheduler's configuration (it also serves the housekeeping tasks). */
export const SchedulerConfig = BaseConfig.extend({});
export type SchedulerConfig = typeof SchedulerConfig;
