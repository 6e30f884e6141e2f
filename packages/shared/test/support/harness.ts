import {
  createPublisher,
  createRunRecorder,
  noopRecorder,
  ensureTopology,
  startTaskWorker,
  systemClock,
  type AnyTaskDef,
  type Database,
  type Handlers,
  type Logger,
  type TaskWorker,
} from "@matchday/shared";
import { silentLogger, type TestNats } from "@matchday/shared/testing";

/**
 * How many messages the EVENTS stream holds on `subject`: what JetStream consumers (trigger relays,
 * downstream services) will see, after message-id deduplication. A core subscription (`collect`)
 * also sees publishes the stream dropped as duplicates.
 */
export async function storedEvents(n: TestNats, subject: string): Promise<number> {
  const info = await n.jsm.streams.info(n.topology.streams.events, { subjects_filter: subject });
  return info.state.subjects?.[subject] ?? 0;
}

/** Starts a worker for test tasks in this process. */
export async function startTestWorker<T extends Record<string, AnyTaskDef>>(
  n: TestNats,
  tasks: T,
  handlers: Handlers<T>,
  opts: { database?: Database; instanceId?: string; logger?: Logger } = {},
): Promise<TaskWorker> {
  await ensureTopology(n.jsm, n.topology, Object.values(tasks));
  return startTaskWorker({
    nc: n.nc,
    js: n.js,
    jsm: n.jsm,
    topology: n.topology,
    tasks,
    handlers,
    recorder: opts.database ? createRunRecorder(opts.database) : noopRecorder,
    logger: opts.logger ?? silentLogger(),
    clock: systemClock,
    instanceId: opts.instanceId ?? "test-worker",
    pullExpiresMs: 1_000,
  });
}

export function publisherFor(n: TestNats) {
  return createPublisher(n.js, n.topology);
}
