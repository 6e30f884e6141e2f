import { DAY, HOUR, MINUTE } from "@matchday/shared";

/**
 * The dead-man's switch and the staleness panel.
 *
 * ## Thresholds
 *
 * The old system's panel, kept exactly: a 15-minute job is stale after 30 min, 3-hourly after 4 h,
 * 6-hourly after 8 h, daily after 26 h, weekly after 8 days. Between those periods the threshold is
 * interpolated linearly (so it grows with the period and has no jumps); below 15 minutes it is
 * twice the period but at least the period plus one minute; above a week it is the period × 8/7.
 * The same threshold applies to a schedule's last fired slot ("period plus a grace", the grace
 * being threshold - period) and to a task's last successful run.
 */

/** The old panel's table: [period, threshold], ms, increasing. */
export const STALENESS_TABLE: readonly (readonly [number, number])[] = [
  [15 * MINUTE, 30 * MINUTE],
  [3 * HOUR, 4 * HOUR],
  [6 * HOUR, 8 * HOUR],
  [DAY, 26 * HOUR],
  [7 * DAY, 8 * DAY],
];

/** The staleness threshold, in ms, of something expected every `periodMs`; see the module doc. */
export function thresholdMs(periodMs: number): number {
  if (!(periodMs > 0)) throw new RangeError(`period must be positive, got ${periodMs}`);
  const first = STALENESS_TABLE[0]!;
  const last = STALENESS_TABLE[STALENESS_TABLE.length - 1]!;
  if (periodMs <= first[0]) return Math.max(2 * periodMs, periodMs + MINUTE);
  if (periodMs >= last[0]) return Math.round((periodMs * last[1]) / last[0]);
  for (let i = 1; i < STALENESS_TABLE.length; i++) {
    const [p1, t1] = STALENESS_TABLE[i]!;
    if (periodMs <= p1) {
      const [p0, t0] = STALENESS_TABLE[i - 1]!;
      return Math.round(t0 + ((periodMs - p0) * (t1 - t0)) / (p1 - p0));
    }
  }
  return Math.round((periodMs * last[1]) / last[0]);
}

export interface ScheduleHealthInput {
  id: string;
  task: string;
  /** From `periodMs(compiled)`. */
  periodMs: number;
  /** The last fired slot (UTC ISO), null if it never fired. */
  lastFired: string | null;
  paused: boolean;
  /** Disabled schedules are ignored; default true. */
  enabled?: boolean;
}

export interface TaskHealthInput {
  task: string;
  /** The period of the task's most frequent schedule. */
  periodMs: number;
  /**
   * The finish time (ISO) of its last **successful** run, null if none. Failed, timed-out and
   * skipped runs never count (`lastSuccessAt` in `@matchday/shared` reads it so).
   */
  lastSuccessAt: string | null;
}

export interface StaleItem {
  /** Schedule id, or task name. */
  id: string;
  /** The last fired slot / last success, null if never. */
  last: string | null;
  /** How long ago `last` was, ms (null if never). */
  ageMs: number | null;
  thresholdMs: number;
}

/**
 * - `healthy`: nothing is stale.
 * - `partial`: some tasks are stale, but every active schedule is ticking and at least one task is
 *   fresh: part of the pipeline is failing.
 * - `warning`: a schedule is stale (the dead-man's switch: the scheduler is not ticking, so
 *   everything downstream will go stale), or every monitored task is stale.
 *
 * Paused schedules, and tasks whose every schedule is paused, are listed as paused and count
 * toward nothing.
 */
export type HealthStatus = "healthy" | "partial" | "warning";

export interface HealthReport {
  status: HealthStatus;
  staleSchedules: StaleItem[];
  staleTasks: StaleItem[];
  pausedSchedules: string[];
  pausedTasks: string[];
}

export interface AssessHealthInput {
  now: Date;
  schedules: readonly ScheduleHealthInput[];
  tasks: readonly TaskHealthInput[];
  /**
   * When monitoring began (e.g. the first deployment): something that never fired / never
   * succeeded is stale only once its threshold has passed since then. Unset: never = stale.
   */
  since?: Date;
}

function check(
  id: string,
  last: string | null,
  period: number,
  now: number,
  since: number | undefined,
): StaleItem | undefined {
  const threshold = thresholdMs(period);
  if (last === null) {
    if (since !== undefined && now - since <= threshold) return undefined;
    return { id, last: null, ageMs: null, thresholdMs: threshold };
  }
  const ageMs = now - Date.parse(last);
  return ageMs > threshold ? { id, last, ageMs, thresholdMs: threshold } : undefined;
}

/** The staleness panel and dead-man's switch; see {@link HealthStatus} for the statuses. Pure. */
export function assessHealth(input: AssessHealthInput): HealthReport {
  const now = input.now.getTime();
  const since = input.since?.getTime();
  const active = input.schedules.filter((s) => s.enabled ?? true);
  const pausedSchedules = active.filter((s) => s.paused).map((s) => s.id);
  const staleSchedules = active
    .filter((s) => !s.paused)
    .map((s) => check(s.id, s.lastFired, s.periodMs, now, since))
    .filter((x): x is StaleItem => x !== undefined);

  const pausedTasks: string[] = [];
  const staleTasks: StaleItem[] = [];
  let monitoredTasks = 0;
  for (const t of input.tasks) {
    const own = active.filter((s) => s.task === t.task);
    if (own.length > 0 && own.every((s) => s.paused)) {
      pausedTasks.push(t.task);
      continue;
    }
    monitoredTasks++;
    const stale = check(t.task, t.lastSuccessAt, t.periodMs, now, since);
    if (stale) staleTasks.push(stale);
  }

  let status: HealthStatus = "healthy";
  if (staleSchedules.length > 0 || (monitoredTasks > 0 && staleTasks.length === monitoredTasks)) {
    status = "warning";
  } else if (staleTasks.length > 0) {
    status = "partial";
  }
  return { status, staleSchedules, staleTasks, pausedSchedules, pausedTasks };
}
