import type { healthCheck, PayloadOf, TaskContext } from "@matchday/shared";
import type { HealthCheckReport } from "../health.js";

/**
 * `health_check`: the staleness report (see buildHealthReport). The run succeeds whatever the
 * status (the report is the result); `matchday health` exits non-zero on `warning`.
 */
export async function handleHealthCheck(
  _payload: PayloadOf<typeof healthCheck>,
  ctx: TaskContext,
  buildReport: (now: Date) => Promise<HealthCheckReport>,
) {
  const report = await buildReport(ctx.now());
  ctx.logger.info(
    {
      status: report.status,
      staleSchedules: report.staleSchedules.length,
      staleTasks: report.staleTasks.length,
    },
    "health checked",
  );
  // The report as a plain JSON object (the catalog's result is an open object with a status).
  const result: { status: HealthCheckReport["status"]; [k: string]: unknown } = { ...report };
  return result;
}
