import { parseArgs } from "node:util";
import { clockFromConfig, createPublisher, healthCheck, parseConfig } from "@matchday/shared";
import {
  createRealClock,
  createSchedulerEngine,
  loadSchedules,
  openScheduleState,
  publishTick,
  SchedulerConfig,
} from "@matchday/scheduler";
import { connectCli, type CliContext } from "../client.js";
import { printJson, printTable, UsageError } from "../output.js";
import { triggerAndWait } from "./trigger.js";

async function withScheduler<T>(
  env: Record<string, string | undefined>,
  f: (x: {
    cli: CliContext;
    engine: ReturnType<typeof createSchedulerEngine>;
    state: Awaited<ReturnType<typeof openScheduleState>>;
    ids: string[];
  }) => Promise<T>,
): Promise<T> {
  const config = parseConfig(SchedulerConfig, env);
  const schedules = loadSchedules(config.MATCHDAY_SCHEDULES);
  const cli = await connectCli(env);
  try {
    const state = await openScheduleState(cli.nc, cli.topology);
    const publisher = createPublisher(cli.js, cli.topology);
    const engine = createSchedulerEngine({
      schedules,
      clock: createRealClock(clockFromConfig(config)),
      state,
      // The CLI never starts the timer loop: it only lists and backfills (backfill ignores overlap).
      isTaskRunning: () => false,
      recordSkip: () => {},
      publish: async (tick) => ({ duplicate: (await publishTick(publisher, tick)).duplicate }),
    });
    return await f({ cli, engine, state, ids: schedules.map((s) => s.id) });
  } finally {
    await cli.close();
  }
}

function requireId(ids: string[], id: string | undefined, usage: string): string {
  if (!id) throw new UsageError(usage);
  if (!ids.includes(id))
    throw new UsageError(`unknown schedule ${id}; schedules: ${ids.join(", ")}`);
  return id;
}

/** `matchday schedules [--json]`: each schedule with its next three runs (UTC and local), last fired slot and pause state. */
export async function schedulesCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: "boolean", default: false } },
  });
  await withScheduler(env, async ({ engine }) => {
    const rows = await engine.list();
    if (values.json) {
      return printJson(
        rows.map((r) => ({
          id: r.id,
          task: r.task,
          cron: r.cron,
          timezone: r.timezone,
          enabled: r.enabled,
          misfire: r.misfire,
          overlap: r.overlap,
          next: r.nextRuns.map((n) => n.utc),
          nextLocal: r.nextRuns.map((n) => n.local),
          lastFired: r.lastFired,
          paused: r.paused,
        })),
      );
    }
    printTable(
      rows.map((r) => ({
        id: r.id,
        task: r.task,
        cron: r.cron,
        zone: r.timezone,
        next: r.nextRuns[0] ? `${r.nextRuns[0].utc} (${r.nextRuns[0].local})` : "—",
        then: r.nextRuns
          .slice(1)
          .map((n) => n.utc)
          .join(", "),
        lastFired: r.lastFired ?? "never",
        paused: r.paused ? "PAUSED" : "",
        enabled: r.enabled ? "" : "disabled",
      })),
    );
  });
}

/** `matchday pause <schedule>` / `matchday resume <schedule>`: kept in KV, survives restarts. */
export async function pauseCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  paused: boolean,
): Promise<void> {
  const verb = paused ? "pause" : "resume";
  await withScheduler(env, async ({ state, ids }) => {
    const id = requireId(ids, argv[0], `usage: matchday ${verb} <schedule>`);
    await state.setPaused(id, paused);
    console.log(
      `${id} ${paused ? "paused" : "resumed"}${paused ? "" : " (it fires from its next slot; the paused period is not replayed)"}`,
    );
  });
}

/** `matchday backfill <schedule> --from <iso> --to <iso> [--json]`: a tick per slot in the range, with the deterministic ids. */
export async function backfillCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const from = new Date(values.from ?? "");
  const to = new Date(values.to ?? "");
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from > to) {
    throw new UsageError("usage: matchday backfill <schedule> --from <iso> --to <iso> (from ≤ to)");
  }
  await withScheduler(env, async ({ engine, ids }) => {
    const id = requireId(
      ids,
      positionals[0],
      "usage: matchday backfill <schedule> --from <iso> --to <iso>",
    );
    let result;
    try {
      result = await engine.backfill(id, from, to);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (values.json) return printJson({ schedule: id, ...result });
    console.log(
      `${id}: ${result.slots.length} slots, ${result.published} published, ${result.duplicates} already queued (duplicates dropped)`,
    );
  });
}

/**
 * `matchday health [--json]`: runs `health_check` and prints its report; exit 1 on `warning` or when
 * no scheduler answered.
 */
export async function healthCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: "boolean", default: false },
      timeout: { type: "string", default: "30" },
    },
  });
  const cli = await connectCli(env);
  try {
    const outcome = await triggerAndWait(cli, healthCheck, {}, Number(values.timeout) * 1000);
    if (!outcome) return 1;
    const report = outcome.body.result as
      | {
          status: string;
          staleSchedules: unknown[];
          staleTasks: unknown[];
          schedulers: unknown[];
          nats: unknown;
          postgres: unknown;
          pausedSchedules: string[];
        }
      | undefined;
    if (!report || outcome.status !== "succeeded") {
      console.error(`health_check ${outcome.status}: ${String(outcome.body.error ?? "")}`);
      return 1;
    }
    if (values.json) printJson(report);
    else {
      console.log(`status: ${report.status}`);
      console.log(
        `schedulers alive: ${report.schedulers.length}; NATS: ${JSON.stringify(report.nats)}; PostgreSQL: ${JSON.stringify(report.postgres)}`,
      );
      console.log(`paused schedules: ${report.pausedSchedules.join(", ") || "none"}`);
      console.log("\nStale schedules (last tick older than period + grace)");
      printTable(report.staleSchedules as Record<string, unknown>[]);
      console.log("\nStale tasks (last successful run older than threshold)");
      printTable(report.staleTasks as Record<string, unknown>[]);
    }
    return report.status === "warning" ? 1 : 0;
  } finally {
    await cli.close();
  }
}
