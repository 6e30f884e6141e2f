export { schedulerService } from "./service.js";
export { SchedulerConfig, SCHEDULER_CONFIG_KEYS } from "./config.js";
export { loadSchedules, defaultScheduleEntries } from "./schedules.js";
export { openScheduleState, type KvScheduleState } from "./kv-state.js";
export {
  createSchedulerEngine,
  createRealClock,
  ScheduleConfigError,
  formatUtc,
  type ScheduleListing,
} from "./domain/index.js";
export { publishTick, recordTickSkipped, tickTrigger } from "./ticks.js";
