import { backtestCommand } from "./commands/backtest.js";
import { dlqCommand } from "./commands/dlq.js";
import { etlCommand } from "./commands/etl.js";
import { inspectCommand } from "./commands/inspect.js";
import { migrateCommand } from "./commands/migrate.js";
import { runsCommand } from "./commands/runs.js";
import {
  backfillCommand,
  healthCommand,
  pauseCommand,
  schedulesCommand,
} from "./commands/schedules.js";
import { tasksDocCommand } from "./commands/tasks-doc.js";
import { triggerCommand } from "./commands/trigger.js";
import { upCommand } from "./commands/up.js";
import { UsageError } from "./output.js";

const USAGE = `matchday <command>

  up [<service> ...]                       run services in this process (default: all)
  migrate                                  apply database migrations
  trigger <task> [payload-json] [--wait] [--timeout <s>] [--json]
  runs [--task <t>] [--status <s>] [--limit <n>] [--json]
  inspect [--json]                         live instances and consumers
  dlq [list | retry <seq>] [--json]        dead letters
  schedules [--json]                       schedules, next runs (UTC and local), last fired, paused
  pause <schedule> | resume <schedule>     pause or resume a schedule (kept in NATS KV)
  backfill <schedule> --from <iso> --to <iso>   a tick for each slot in the range (deterministic ids)
  health [--json]                          run health_check: stale schedules and tasks, schedulers, NATS, PostgreSQL
  tasks-doc [--out <file>] [--check]       the generated task reference
  etl generate --season <s> --gameweeks <a>-<b> --out <dir> [--seed <n>]   offline ETL data
  backtest --league <code> --from <season> --to <season> [--refit weekly|daily] [--from-dir <dir>] [--json]

Configuration comes from the environment (see .env.example).`;

/** Runs one CLI command; returns the exit code. */
export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case "up":
      await upCommand(args, env);
      return -1; // keeps running
    case "migrate":
      await migrateCommand(env);
      return 0;
    case "trigger":
      return triggerCommand(args, env);
    case "runs":
      await runsCommand(args, env);
      return 0;
    case "inspect":
      await inspectCommand(args, env);
      return 0;
    case "dlq":
      await dlqCommand(args, env);
      return 0;
    case "schedules":
      await schedulesCommand(args, env);
      return 0;
    case "pause":
    case "resume":
      await pauseCommand(args, env, cmd === "pause");
      return 0;
    case "backfill":
      await backfillCommand(args, env);
      return 0;
    case "health":
      return healthCommand(args, env);
    case "backtest":
      return backtestCommand(args, env);
    case "tasks-doc":
      return tasksDocCommand(args);
    case "etl":
      return etlCommand(args);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return cmd ? 0 : 2;
    default:
      throw new UsageError(`unknown command ${cmd}\n\n${USAGE}`);
  }
}
