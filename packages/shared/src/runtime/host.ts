import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type * as z from "zod";
import { BaseConfig } from "../config/base-config.js";
import { ConfigError, parseConfig } from "../config/load-config.js";
import { openDatabase, type Database } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { createShutdown, type Shutdown } from "../lifecycle/shutdown.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { connectNats, type NatsConnection } from "../nats/connect.js";
import { embeddedNatsUrlFile, startEmbeddedNats } from "../nats/embedded-server.js";
import { createTopology, type Topology } from "../nats/topology.js";
import { clockFromConfig, type Clock } from "../time/clock.js";
import { startService, type RunningService, type ServiceModule } from "./service.js";

/** The merged config schema of several services (every service's variables, once). */
export function mergedConfigSchema(modules: readonly ServiceModule[]): z.ZodObject {
  let schema: z.ZodObject = BaseConfig;
  for (const m of modules) schema = schema.extend(m.config.shape);
  return schema;
}

export interface Infra {
  config: BaseConfig & Record<string, unknown>;
  logger: Logger;
  nc: NatsConnection;
  database: Database;
  topology: Topology;
  clock: Clock;
  shutdown: Shutdown;
}

/**
 * Connects what every process needs: NATS (NATS_URL, or a nats-server started from PATH with its
 * store under MATCHDAY_DATA_DIR), the database (DATABASE_URL, or PGlite under MATCHDAY_DATA_DIR),
 * migrated (under an advisory lock on PostgreSQL), the topology and the clock.
 */
export async function connectInfra(
  schema: z.ZodObject,
  env: Record<string, string | undefined>,
  name: string,
): Promise<Infra> {
  const config = parseConfig(schema, env) as BaseConfig & Record<string, unknown>;
  const logger = createLogger({ service: name, level: config.LOG_LEVEL });
  const shutdown = createShutdown(logger);
  let natsUrl = config.NATS_URL;
  if (!natsUrl) {
    const embedded = await startEmbeddedNats({
      storeDir: path.join(config.MATCHDAY_DATA_DIR, "nats"),
    });
    logger.info(
      { url: embedded.url, store: embedded.storeDir },
      "NATS_URL unset: started a local nats-server",
    );
    // For the CLI on this data directory (`matchday trigger`, `runs`, `inspect` without NATS_URL).
    const urlFile = embeddedNatsUrlFile(config.MATCHDAY_DATA_DIR);
    writeFileSync(urlFile, `${embedded.url}\n`);
    shutdown.onShutdown("embedded-nats", async () => {
      rmSync(urlFile, { force: true });
      await embedded.stop();
    });
    natsUrl = embedded.url;
  }
  const nc = await connectNats({ ...config, NATS_URL: natsUrl }, { name, logger });
  shutdown.onShutdown("nats", async () => {
    await nc.drain().catch(() => nc.close());
  });
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.MATCHDAY_DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: name,
  });
  shutdown.onShutdown("database", () => database.close());
  await migrateDatabase(database);
  logger.info({ database: database.describe, nats: natsUrl }, "connected");
  return {
    config,
    logger,
    nc,
    database,
    topology: createTopology(config.MATCHDAY_NAMESPACE ?? ""),
    clock: clockFromConfig(config),
    shutdown,
  };
}

/**
 * Runs services in this process until SIGTERM/SIGINT: the embedded way to run the whole system, and
 * the way each container starts its one service.
 */
export async function runServices(
  modules: readonly ServiceModule[],
  env: Record<string, string | undefined>,
): Promise<{ infra: Infra; services: RunningService[] }> {
  // Every service's own schema (with its cross-field rules) is checked before anything connects;
  // all problems are reported together, one line each.
  const problems = new Set<string>();
  const configs = new Map<ServiceModule, unknown>();
  for (const m of modules) {
    try {
      configs.set(m, parseConfig(m.config, env));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      err.problems.forEach((p) => problems.add(p));
    }
  }
  if (problems.size) throw new ConfigError([...problems]);
  const infra = await connectInfra(
    mergedConfigSchema(modules),
    env,
    modules.length === 1 ? modules[0]!.name : "matchday",
  );
  infra.shutdown.installSignalHandlers();
  const services: RunningService[] = [];
  infra.shutdown.onShutdown("services", async () => {
    await Promise.all(services.map((s) => s.stop(infra.config.SHUTDOWN_GRACE_MS)));
  });
  for (const m of modules) {
    const config = { ...infra.config, ...(configs.get(m) as object) };
    services.push(await startService(m, { ...infra, config }));
  }
  return { infra, services };
}

/**
 * The body of every service's `main.ts`: runs the services, and on a bad configuration prints one
 * line per problem and exits 1 before anything connects (the CLI's bin does the same for `up`).
 */
export async function runServiceMain(
  modules: readonly ServiceModule[],
  env: Record<string, string | undefined>,
): Promise<void> {
  try {
    await runServices(modules, env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + "\n");
      process.exit(1);
    }
    throw err;
  }
}
