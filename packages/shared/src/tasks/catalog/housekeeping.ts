import * as z from "zod";
import { defineTask, ServiceName } from "../define-task.js";
import { MINUTE } from "../../time/units.js";
import { NoPayload } from "./common.js";

const common = { service: ServiceName.Housekeeping, queue: "default" } as const;

export const cleanupOldData = defineTask({
  ...common,
  name: "cleanup_old_data",
  description:
    "Delete finished run records older than the retention (dead letters expire with the DLQ stream's 30-day max age).",
  payload: z.strictObject({ olderThanDays: z.number().int().min(1).max(3650).default(90) }),
  result: z.object({ deletedRuns: z.number().int() }),
  timeoutMs: 10 * MINUTE,
  maxInFlight: 1,
  schedules: [{ id: "cleanup_old_data", cron: "0 3 * * 0", timezone: "UTC" }],
});

export const healthCheck = defineTask({
  ...common,
  name: "health_check",
  description:
    "Report stale schedules and tasks, live scheduler instances, and NATS/PostgreSQL reachability.",
  payload: NoPayload,
  result: z.object({ status: z.enum(["healthy", "partial", "warning"]) }).loose(),
  timeoutMs: 1 * MINUTE,
  retry: { maxAttempts: 1 },
});

export const housekeepingTasks = { cleanupOldData, healthCheck } as const;
