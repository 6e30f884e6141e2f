// The scheduler's pure core: what main.ts and the NATS/KV adapters plug into.
export { InvalidCronError, ScheduleConfigError } from "./errors.js";
export { InvalidTimezoneError } from "@matchday/shared";
export type { ScheduleConfigIssue } from "./errors.js";
export {
  compileCron,
  slotsBetween,
  nextSlots,
  latestSlots,
  formatUtc,
  formatLocal,
  slotId,
  periodMs,
} from "./slots.js";
export type { CompiledCron, DstRule } from "./slots.js";
export {
  MisfirePolicy,
  OverlapPolicy,
  MisfireSpec,
  ScheduleEntry,
  ScheduleOverride,
  ScheduleOverrides,
  DEFAULT_MISFIRE_POLICY,
  DEFAULT_MISFIRE_CAP,
  resolveSchedules,
} from "./schedules.js";
export type { ResolvedSchedule, TaskLookupResult } from "./schedules.js";
export { TickReason, buildTick } from "./tick.js";
export type { Tick } from "./tick.js";
export { createRealClock, createVirtualClock, MAX_TIMER_CHUNK_MS } from "./scheduler-clock.js";
export type { SchedulerClock, TimerHandle, VirtualClock } from "./scheduler-clock.js";
export { createInMemoryScheduleState } from "./schedule-state.js";
export type { ScheduleState, InMemoryScheduleState } from "./schedule-state.js";
export { createSchedulerEngine } from "./engine.js";
export type {
  SchedulerEngine,
  SchedulerEngineOptions,
  SchedulerLogger,
  ScheduleListing,
  BackfillResult,
  SkipReason,
} from "./engine.js";
export { thresholdMs, assessHealth, STALENESS_TABLE } from "./staleness.js";
export type {
  HealthStatus,
  HealthReport,
  AssessHealthInput,
  ScheduleHealthInput,
  TaskHealthInput,
  StaleItem,
} from "./staleness.js";
