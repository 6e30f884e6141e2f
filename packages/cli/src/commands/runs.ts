import { parseArgs } from "node:util";
import {
  BaseConfig,
  listRuns,
  openDatabase,
  parseConfig,
  runStatus,
  runsQuerySubject,
  type RunFilter,
  type RunStatus,
} from "@matchday/shared";
import { connectCli } from "../client.js";
import { printJson, printTable, UsageError } from "../output.js";

/**
 * `matchday runs [--task <t>] [--status <s>] [--limit <n>] [--json]`: run records, newest first. With
 * DATABASE_URL it reads PostgreSQL; without (embedded PGlite, owned by the running process) it asks a
 * running service instance over NATS.
 */
export async function runsCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      task: { type: "string" },
      status: { type: "string" },
      limit: { type: "string", default: "20" },
      run: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (values.status && !runStatus.enumValues.includes(values.status as RunStatus)) {
    throw new UsageError(`--status takes one of ${runStatus.enumValues.join(", ")}`);
  }
  const filter: RunFilter = {
    task: values.task,
    status: values.status as RunStatus | undefined,
    limit: Number(values.limit),
    runId: values.run,
  };
  const config = parseConfig(BaseConfig, env);
  let rows: Record<string, unknown>[];
  if (config.DATABASE_URL) {
    const database = await openDatabase({
      url: config.DATABASE_URL,
      applicationName: "matchday-cli",
    });
    try {
      rows = await listRuns(database.db, filter);
    } finally {
      await database.close();
    }
  } else {
    const cli = await connectCli(env);
    try {
      const reply = await cli.nc
        .request(runsQuerySubject(cli.topology), JSON.stringify(filter), { timeout: 5_000 })
        .catch(() => {
          throw new Error(
            "DATABASE_URL is unset and no running Matchday instance answered the runs query (is `matchday up` running?)",
          );
        });
      const body = reply.json<{ rows?: Record<string, unknown>[]; error?: string }>();
      if (body.error) throw new Error(body.error);
      rows = body.rows ?? [];
    } finally {
      await cli.close();
    }
  }
  if (values.json) return printJson(rows);
  printTable(
    rows.map((r) => ({
      ...r,
      payload: JSON.stringify(r.payload),
      result: r.error ?? JSON.stringify(r.result),
    })),
    [
      "startedAt",
      "task",
      "status",
      "attempt",
      "triggerKind",
      "durationMs",
      "runId",
      "payload",
      "result",
    ],
  );
}
