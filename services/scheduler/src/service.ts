import {
  housekeepingTasks,
  defineService,
  isTaskRunning,
  ServiceName,
  taskByName,
  type ServiceDeps,
} from "@matchday/shared";
import { SchedulerConfig } from "./config.js";
import { publishTick, recordTickSkipped } from "./ticks.js";
import { createRealClock, createSchedulerEngine, type ResolvedSchedule } from "./domain/index.js";
import { buildHealthReport } from "./health.js";
import { openScheduleState, type KvScheduleState } from "./kv-state.js";
import { loadSchedules } from "./schedules.js";
import { handleCleanupOldData } from "./tasks/cleanup-old-data.js";
import { handleHealthCheck } from "./tasks/health-check.js";

/**
 * The scheduler process: turns the catalog's schedules (patched by MATCHDAY_SCHEDULES) into ticks on
 * the tasks' subjects, and serves the housekeeping tasks. Any number of replicas may run: each
 * publishes every slot with message id `<task>@<slot UTC>` (JetStream keeps one), and the last fired
 * slot per schedule lives in a KV bucket moved forward by compare-and-set.
 */
/** What the handlers and the timer loop share, built once per service instance. */
interface SchedulerSetup {
  schedules: ResolvedSchedule[];
  state: KvScheduleState;
}
const setups = new WeakMap<object, Promise<SchedulerSetup>>();
function setupOf(deps: ServiceDeps<SchedulerConfig>): Promise<SchedulerSetup> {
  let setup = setups.get(deps);
  if (!setup) {
    setup = openScheduleState(deps.nc, deps.topology).then((state) => ({
      // Already validated with the config at start (SchedulerConfig).
      schedules: loadSchedules(deps.config.MATCHDAY_SCHEDULES),
      state,
    }));
    setups.set(deps, setup);
  }
  return setup;
}

export const schedulerService = defineService({
  name: ServiceName.Scheduler,
  config: SchedulerConfig,
  tasks: housekeepingTasks,
  createHandlers: async (deps) => {
    const { database, nc, jsm, topology } = deps;
    const { schedules, state } = await setupOf(deps);
    const report = (now: Date) =>
      buildHealthReport({ now, schedules, state, database, nc, jsm, topology });
    return {
      cleanupOldData: (p, ctx) => handleCleanupOldData(p, ctx, database.db),
      healthCheck: (p, ctx) => handleHealthCheck(p, ctx, report),
    };
  },
  async extra(deps) {
    const { config, publisher, database, clock, logger, instanceId, recorder } = deps;
    const { schedules, state } = await setupOf(deps);
    const log = logger.child({ component: "scheduler" });
    const engine = createSchedulerEngine({
      schedules,
      clock: createRealClock(clock),
      state,
      catchupCap: config.SCHEDULER_CATCHUP_CAP,
      logger: {
        debug: (o, m) => log.debug(o, m),
        info: (o, m) => log.info(o, m),
        warn: (o, m) => log.warn(o, m),
        error: (o, m) => log.error(o, m),
      },
      publish: async (tick) => {
        const pub = await publishTick(publisher, tick);
        log.info(
          {
            schedule: tick.scheduleId,
            slot: tick.slot,
            reason: tick.reason,
            runId: pub.runId,
            duplicate: pub.duplicate,
          },
          "tick",
        );
        return { duplicate: pub.duplicate };
      },
      isTaskRunning: (task) => {
        const def = taskByName(task);
        if (!def) throw new Error(`schedule names unknown task ${task}`);
        return isTaskRunning(database.db, def, clock.now());
      },
      recordSkip: async (tick, reason) => {
        await recordTickSkipped(recorder, tick, reason, { now: clock.now(), instanceId });
        log.info(
          { schedule: tick.scheduleId, slot: tick.slot },
          "tick skipped: previous run still running",
        );
      },
    });
    await engine.start();
    log.info(
      { schedules: schedules.filter((s) => s.enabled).map((s) => s.id) },
      "scheduler started",
    );
    return () => engine.stop();
  },
});
