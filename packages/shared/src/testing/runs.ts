import { listRuns } from "../db/runs-repo.js";
import type { Db } from "../db/client.js";
import type { TaskRunRow } from "../db/schema/platform.js";
import { waitFor } from "./wait-for.js";

/**
 * Waits until the run's latest attempt is no longer `running` and returns that attempt's record
 * (whatever its status: the caller asserts it).
 */
export function finalRun(
  db: Db,
  runId: string,
  opts: { timeoutMs?: number } = {},
): Promise<TaskRunRow> {
  return waitFor(
    async () => {
      const [latest] = await listRuns(db, { runId, limit: 1 });
      return latest && latest.status !== "running" ? latest : undefined;
    },
    { timeoutMs: opts.timeoutMs ?? 30_000, what: `run ${runId} to finish` },
  );
}
