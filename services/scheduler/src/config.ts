import * as z from "zod";
import { BaseConfig, blankAsUnset, optionalEnv } from "@matchday/shared";
import { ScheduleConfigError } from "./domain/index.js";
import { loadSchedules } from "./schedules.js";

/** The scheduler's configuration (it also serves the housekeeping tasks). */
export const SchedulerConfig = BaseConfig.extend({
  /** A JSON file of schedule overrides: change a cron or zone, disable an entry, add one. */
  MATCHDAY_SCHEDULES: optionalEnv(z.string().min(1)),
  /** The most missed slots one schedule may fire on catch-up, whatever its policy says. */
  SCHEDULER_CATCHUP_CAP: blankAsUnset(z.coerce.number().int().min(1).max(10_000).default(24)),
}).superRefine((config, ctx) => {
  // The schedules are configuration: an unknown zone, an invalid cron, an unknown task or a refused
  // payload stops the scheduler at start like any bad variable, one line per bad entry.
  try {
    loadSchedules(config.MATCHDAY_SCHEDULES);
  } catch (err) {
    if (!(err instanceof ScheduleConfigError)) throw err;
    for (const issue of err.issues) {
      ctx.addIssue({
        code: "custom",
        path: ["MATCHDAY_SCHEDULES"],
        message: `schedule ${issue.id}: ${issue.message}`,
      });
    }
  }
});
export type SchedulerConfig = z.infer<typeof SchedulerConfig>;

/** The scheduler's own variables (besides BaseConfig). */
export const SCHEDULER_CONFIG_KEYS = ["MATCHDAY_SCHEDULES", "SCHEDULER_CATCHUP_CAP"] as const;
