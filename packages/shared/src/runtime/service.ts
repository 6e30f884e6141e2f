import { randomBytes } from "node:crypto";
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/nats-core";
import type * as z from "zod";
import type { BaseConfig } from "../config/base-config.js";
import type { Database } from "../db/client.js";
import { listRuns, type RunFilter } from "../db/runs-repo.js";
import type { Logger } from "../logging/logger.js";
import { registerInstance } from "../nats/discovery.js";
import { ensureTopology, type Topology } from "../nats/topology.js";
import type { AnyTaskDef, ServiceName } from "../tasks/define-task.js";
import { createPublisher, type TaskPublisher } from "../tasks/publisher.js";
import { createRunRecorder, noopRecorder, type RunRecorder } from "../tasks/run-recorder.js";
import { startTriggerRelays } from "../tasks/triggers.js";
import { startTaskWorker, type Handlers, type TaskWorker } from "../tasks/worker.js";
import type { Clock } from "../time/clock.js";

export const MATCHDAY_VERSION = "0.1.0";

/** What a service gets to build its handlers from. */
export interface ServiceDeps<C> {
  config: C;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  database: Database;
  logger: Logger;
  clock: Clock;
  topology: Topology;
  publisher: TaskPublisher;
  recorder: RunRecorder;
  instanceId: string;
}

/**
 * A service, declared once: its name, its config schema, the tasks it serves and how to build their
 * handlers. `matchday up <service>` and the service's own main.ts both start it through
 * `startService`. `extra` starts non-task machinery (the scheduler's timer loop) and returns its stop.
 */
export interface ServiceModule<
  T extends Record<string, AnyTaskDef> = Record<string, AnyTaskDef>,
  S extends z.ZodObject = z.ZodObject,
> {
  name: ServiceName;
  config: S;
  tasks: T;
  createHandlers(deps: ServiceDeps<z.infer<S>>): Handlers<T> | Promise<Handlers<T>>;
  extra?(deps: ServiceDeps<z.infer<S>>): Promise<() => Promise<void>>;
}

/** Declares a service module with its types checked. */
export function defineService<T extends Record<string, AnyTaskDef>, S extends z.ZodObject>(
  m: ServiceModule<T, S>,
): ServiceModule<T, S> {
  return m;
}

export interface RunningService {
  name: ServiceName;
  instanceId: string;
  worker: TaskWorker;
  stop(graceMs: number): Promise<void>;
}

export function newInstanceId(service: string): string {
  return `${service}-${randomBytes(4).toString("hex")}`;
}

/**
 * Starts one service on an open NATS connection and database: ensures its streams and consumers,
 * builds its handlers, starts the worker, the trigger relays and the Services API registration.
 */
export async function startService<T extends Record<string, AnyTaskDef>, S extends z.ZodObject>(
  module: ServiceModule<T, S>,
  env: {
    config: z.infer<S> & BaseConfig;
    nc: NatsConnection;
    database: Database;
    logger: Logger;
    clock: Clock;
    topology: Topology;
  },
): Promise<RunningService> {
  const instanceId = newInstanceId(module.name);
  const logger = env.logger.child({ service: module.name, instance: instanceId });
  const js = jetstream(env.nc);
  const jsm = await jetstreamManager(env.nc);
  const tasks = Object.values(module.tasks);
  await ensureTopology(jsm, env.topology, tasks);
  const publisher = createPublisher(js, env.topology);
  const recorder = env.config.MATCHDAY_RECORD_RUNS ? createRunRecorder(env.database) : noopRecorder;
  const deps: ServiceDeps<z.infer<S>> = {
    config: env.config,
    nc: env.nc,
    js,
    jsm,
    database: env.database,
    logger,
    clock: env.clock,
    topology: env.topology,
    publisher,
    recorder,
    instanceId,
  };
  const handlers = await module.createHandlers(deps);
  const worker = await startTaskWorker({
    nc: env.nc,
    js,
    jsm,
    topology: env.topology,
    tasks: module.tasks,
    handlers,
    recorder,
    logger,
    clock: env.clock,
    instanceId,
  });
  const relays = startTriggerRelays({ js, jsm, topology: env.topology, tasks, publisher, logger });
  const stopExtra = module.extra ? await module.extra(deps) : undefined;
  const svc = await registerInstance({
    nc: env.nc,
    topology: env.topology,
    service: module.name,
    version: MATCHDAY_VERSION,
    instanceId,
    tasks: tasks.map((t) => t.name),
    status: () => ({ inFlight: worker.inFlight(), counters: worker.stats() }),
    queryRuns: (filter) => listRuns(env.database.db, filter as RunFilter),
  });
  logger.info({ tasks: tasks.map((t) => t.name) }, "service started");
  let stopping: Promise<void> | undefined;
  return {
    name: module.name,
    instanceId,
    worker,
    stop(graceMs) {
      stopping ??= (async () => {
        await stopExtra?.();
        await relays.stop();
        await worker.stop(graceMs);
        await svc.stop().catch(() => {});
        logger.info("service stopped");
      })();
      return stopping;
    },
  };
}
