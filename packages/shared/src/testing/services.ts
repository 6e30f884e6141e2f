import type * as z from "zod";
import type { BaseConfig } from "../config/base-config.js";
import type { Database } from "../db/client.js";
import { startService, type RunningService, type ServiceModule } from "../runtime/service.js";
import type { AnyTaskDef } from "../tasks/define-task.js";
import { clockFromConfig, type Clock } from "../time/clock.js";
import { silentLogger } from "./logs.js";
import type { TestNats } from "./nats.js";

/**
 * Starts a service in this process as `matchday up` does, on the test run's NATS namespace and
 * database: its own config schema parses `env` (with the namespace and silent logs filled in), and
 * the clock comes from that config (`MATCHDAY_NOW`, `MATCHDAY_CLOCK=frozen`) unless one is given.
 */
export function startTestService<T extends Record<string, AnyTaskDef>, S extends z.ZodObject>(
  module: ServiceModule<T, S>,
  opts: {
    nats: TestNats;
    database: Database;
    env?: Record<string, string | undefined>;
    clock?: Clock;
  },
): Promise<RunningService> {
  const config = module.config.parse({
    MATCHDAY_NAMESPACE: opts.nats.topology.namespace,
    LOG_LEVEL: "silent",
    ...opts.env,
  }) as z.infer<S> & BaseConfig;
  return startService(module, {
    config,
    nc: opts.nats.nc,
    database: opts.database,
    logger: silentLogger(),
    clock: opts.clock ?? clockFromConfig(config),
    topology: opts.nats.topology,
  });
}
