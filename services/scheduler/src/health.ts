import type { JetStreamManager } from "@nats-io/jetstream";
import {
  lastSuccessAt,
  listInstances,
  type Database,
  type NatsConnection,
  type Topology,
} from "@matchday/shared";
import {
  assessHealth,
  formatUtc,
  periodMs,
  type HealthReport,
  type ResolvedSchedule,
  type ScheduleState,
} from "./domain/index.js";

export interface HealthCheckReport extends HealthReport {
  checkedAt: string;
  schedulers: { instanceId: string; startedAt: string }[];
  nats: { reachable: boolean; error?: string };
  postgres: { reachable: boolean; error?: string };
  schedules: {
    id: string;
    task: string;
    lastFired: string | null;
    paused: boolean;
    periodMs: number;
  }[];
}

async function reach<T>(f: () => Promise<T>): Promise<{ reachable: boolean; error?: string }> {
  try {
    await f();
    return { reachable: true };
  } catch (err) {
    return { reachable: false, error: (err as Error).message };
  }
}

/**
 * The staleness panel and dead-man's switch: every enabled schedule whose last fired slot is older
 * than its period plus a grace, every scheduled task whose last *successful* run is older than its
 * threshold, the live scheduler instances, and whether NATS and PostgreSQL answer. Overall
 * `healthy` / `partial` / `warning`; no live scheduler or an unreachable NATS/PostgreSQL is a warning.
 */
export async function buildHealthReport(opts: {
  now: Date;
  schedules: readonly ResolvedSchedule[];
  state: ScheduleState;
  database: Database;
  nc: NatsConnection;
  jsm: JetStreamManager;
  topology: Topology;
}): Promise<HealthCheckReport> {
  const enabled = opts.schedules.filter((s) => s.enabled);
  const schedules = await Promise.all(
    enabled.map(async (s) => ({
      id: s.id,
      task: s.task,
      lastFired: (await opts.state.get(s.id)).lastFired,
      paused: await opts.state.isPaused(s.id),
      periodMs: periodMs(s.compiled),
    })),
  );
  const postgres = await reach(() => opts.database.query("select 1"));
  const successes = postgres.reachable
    ? await lastSuccessAt(opts.database.db)
    : new Map<string, Date>();
  // A task's threshold follows its most frequent schedule.
  const taskPeriods = new Map<string, number>();
  for (const s of schedules)
    taskPeriods.set(s.task, Math.min(taskPeriods.get(s.task) ?? Infinity, s.periodMs));
  const report = assessHealth({
    now: opts.now,
    schedules: schedules.map((s) => ({ ...s, enabled: true })),
    tasks: [...taskPeriods].map(([task, period]) => {
      const at = successes.get(task);
      return { task, periodMs: period, lastSuccessAt: at ? formatUtc(at) : null };
    }),
  });
  const nats = await reach(() => opts.jsm.getAccountInfo());
  const schedulers = (await listInstances(opts.nc, opts.topology, "scheduler").catch(() => [])).map(
    (i) => ({ instanceId: i.instanceId, startedAt: i.startedAt }),
  );
  const status =
    !nats.reachable || !postgres.reachable || schedulers.length === 0 ? "warning" : report.status;
  return {
    ...report,
    status,
    checkedAt: opts.now.toISOString(),
    schedulers,
    nats,
    postgres,
    schedules,
  };
}
