import * as z from "zod";
import { BaseConfig, defineService, defineTask, ServiceName } from "@matchday/shared";

/** A task that works for `ms` milliseconds (honouring its signal), for the process-level fault tests. */
export const work = defineTask({
  name: "t_work",
  service: ServiceName.Sync,
  queue: "test",
  description: "sleeps",
  payload: z.strictObject({ ms: z.number().int(), id: z.string() }),
  result: z.object({ id: z.string(), pid: z.number() }),
  timeoutMs: 30_000,
  ackWaitMs: 2_000,
  retry: { maxAttempts: 5, initialIntervalMs: 200, backoffCoefficient: 2, maxIntervalMs: 1_000 },
  concurrency: 1,
});

export const testService = defineService({
  name: ServiceName.Sync,
  config: BaseConfig.extend({ TEST_CONCURRENCY: z.coerce.number().int().default(1) }),
  tasks: { work },
  createHandlers: () => ({
    work: async (p, ctx) => {
      ctx.logger.info({ id: p.id }, "work started");
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, p.ms);
        ctx.signal.addEventListener("abort", () => {
          clearTimeout(t);
          reject(ctx.signal.reason);
        });
      });
      return { id: p.id, pid: process.pid };
    },
  }),
});
