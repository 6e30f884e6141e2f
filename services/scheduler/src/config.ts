import * as z from "zod";
import { BaseConfig, optionalEnv } from "@matchday/shared";

/** The scheduler's configuration (it also serves the housekeeping tasks). */
export const SchedulerConfig = BaseConfig.extend({
  /** A JSON file of schedule overrides: change a cron or zone, disable an entry, add one. */
  MATCHDAY_SCHEDULES: optionalEnv(z.string().min(1)),
  /** The most missed slots one schedule may fire on catch-up, whatever its policy says. */
  SCHEDULER_CATCHUP_CAP: z.coerce.number().int().min(1).max(10_000).default(24),
});
export type SchedulerConfig = z.infer<typeof SchedulerConfig>;

/** The scheduler's own variables (besides BaseConfig). */
export const SCHEDULER_CONFIG_KEYS = ["MATCHDAY_SCHEDULES", "SCHEDULER_CATCHUP_CAP"] as const;
