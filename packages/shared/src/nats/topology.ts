import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from "@nats-io/jetstream";
import { nanos } from "@nats-io/nats-core";
import type { AnyTaskDef, ServiceName } from "../tasks/define-task.js";
import { DAY, HOUR } from "../time/units.js";

/**
 * Names of every stream, subject and consumer, derived from an optional namespace. Production has
 * none (`TASKS`, `task.sync.sync_single_league`); tests get a unique one per run so they can share a
 * server (`T1A2B_TASKS`, `t1a2b.task.sync.sync_single_league`).
 */
export interface Topology {
  namespace: string;
  streams: { tasks: string; events: string; dlq: string };
  /** The KV bucket holding the scheduler's last fired slots and pause flags. */
  schedulerBucket: string;
  taskSubject(def: AnyTaskDef): string;
  /** `task.>` in this namespace. */
  allTasks: string;
  completedSubject(def: AnyTaskDef): string;
  failedSubject(def: AnyTaskDef): string;
  allEvents: string;
  dlqSubject(def: AnyTaskDef): string;
  allDlq: string;
  /** Durable consumer of a task: `<service>-<task>`. */
  taskDurable(def: AnyTaskDef): string;
  /** Durable consumer relaying an upstream completion to a task: `<task>-after-<upstream>`. */
  triggerDurable(def: AnyTaskDef, upstream: AnyTaskDef): string;
  /** Services API name of a service instance. */
  serviceName(service: ServiceName): string;
}

export function createTopology(namespace = ""): Topology {
  const sp = namespace ? `${namespace}.` : "";
  const np = namespace ? `${namespace.toUpperCase()}_` : "";
  return {
    namespace,
    streams: { tasks: `${np}TASKS`, events: `${np}EVENTS`, dlq: `${np}DLQ` },
    schedulerBucket: `${np.toLowerCase()}matchday_scheduler`,
    taskSubject: (d) => `${sp}task.${d.service}.${d.name}`,
    allTasks: `${sp}task.>`,
    completedSubject: (d) => `${sp}evt.${d.service}.${d.name}.completed`,
    failedSubject: (d) => `${sp}evt.${d.service}.${d.name}.failed`,
    allEvents: `${sp}evt.>`,
    dlqSubject: (d) => `${sp}dlq.${d.service}.${d.name}`,
    allDlq: `${sp}dlq.>`,
    taskDurable: (d) => `${d.service}-${d.name}`,
    triggerDurable: (d, up) => `${d.name}-after-${up.name}`,
    serviceName: (s) => `matchday-${s}`,
  };
}

/**
 * Stream settings. TASKS is a work queue (a message leaves on ack); its duplicate window must cover
 * the worst skew between scheduler replicas and the catch-up a restarted replica may publish, so it
 * is a day (and max_age, which must be ≥ it, a week: a task nobody consumes for a week is an
 * incident, and `matchday inspect` shows it long before). EVENTS keeps completions for two weeks for
 * replay. DLQ keeps dead letters for 30 days.
 */
export function streamConfigs(t: Topology): StreamConfig[] {
  const base = { storage: StorageType.File, num_replicas: 1, discard: DiscardPolicy.Old } as const;
  return [
    {
      ...base,
      name: t.streams.tasks,
      subjects: [t.allTasks],
      retention: RetentionPolicy.Workqueue,
      max_age: nanos(7 * DAY),
      duplicate_window: nanos(DAY),
    },
    {
      ...base,
      name: t.streams.events,
      subjects: [t.allEvents],
      retention: RetentionPolicy.Limits,
      max_age: nanos(14 * DAY),
      duplicate_window: nanos(2 * HOUR),
    },
    {
      ...base,
      name: t.streams.dlq,
      subjects: [t.allDlq],
      retention: RetentionPolicy.Limits,
      max_age: nanos(30 * DAY),
      duplicate_window: nanos(2 * HOUR),
    },
  ] as StreamConfig[];
}

/**
 * The durable pull consumer of a task. `max_deliver` is one more than the attempt budget: the worker
 * dead-letters on the last attempt itself, and the spare delivery covers a worker killed during its
 * last attempt (the redelivery is dead-lettered without running). No `backoff`: retry delays are
 * `nak(delay)` (backoff would replace ack_wait and outrun the heartbeats).
 */
export function taskConsumerConfig(
  t: Topology,
  def: AnyTaskDef,
): Partial<ConsumerConfig> & { durable_name: string } {
  return {
    durable_name: t.taskDurable(def),
    filter_subject: t.taskSubject(def),
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(def.ackWaitMs),
    max_deliver: def.retry.maxAttempts + 1,
    max_ack_pending: def.maxInFlight,
    max_waiting: 512,
  };
}

/** The durable consumer that turns an upstream completion into a task message. */
export function triggerConsumerConfig(
  t: Topology,
  def: AnyTaskDef,
  upstream: AnyTaskDef,
): Partial<ConsumerConfig> & { durable_name: string } {
  return {
    durable_name: t.triggerDurable(def, upstream),
    filter_subject: t.completedSubject(upstream),
    ack_policy: AckPolicy.Explicit,
    // Only completions from the moment the trigger first exists: a new deployment must not replay
    // two weeks of history into new work.
    deliver_policy: DeliverPolicy.New,
    ack_wait: nanos(30_000),
    max_deliver: -1,
    max_ack_pending: 100,
  };
}

/** Creates or updates a stream: `add` alone fails with 10058 on a changed config, even on 2.9. */
export async function ensureStream(jsm: JetStreamManager, cfg: StreamConfig): Promise<void> {
  try {
    await jsm.streams.info(cfg.name);
  } catch (err) {
    if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound) {
      try {
        await jsm.streams.add(cfg);
        return;
      } catch (addErr) {
        // Another replica created it in between: fall through to update.
        if (!(addErr instanceof JetStreamApiError)) throw addErr;
      }
    } else {
      throw err;
    }
  }
  await jsm.streams.update(cfg.name, cfg);
}

/**
 * Creates or updates a durable consumer: on 2.9 `add` silently updates an existing consumer, on 2.10+
 * it fails with 10148, so look first and `update` what exists. Fields that cannot change
 * (deliver_policy, filter on 2.9) are left as they are.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  cfg: Partial<ConsumerConfig> & { durable_name: string },
): Promise<void> {
  let exists = true;
  try {
    await jsm.consumers.info(stream, cfg.durable_name);
  } catch (err) {
    if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.ConsumerNotFound)
      exists = false;
    else throw err;
  }
  if (!exists) {
    try {
      await jsm.consumers.add(stream, cfg);
      return;
    } catch (err) {
      if (!(err instanceof JetStreamApiError)) throw err;
      // created concurrently by another replica: update below
    }
  }
  const { ack_wait, max_deliver, max_ack_pending, max_waiting } = cfg;
  await jsm.consumers.update(stream, cfg.durable_name, {
    ack_wait,
    max_deliver,
    max_ack_pending,
    max_waiting,
  });
}

/** Ensures the three streams (every process that publishes calls this). */
export async function ensureStreams(jsm: JetStreamManager, t: Topology): Promise<void> {
  for (const cfg of streamConfigs(t)) await ensureStream(jsm, cfg);
}

/** Ensures the streams plus the task and trigger consumers of the given tasks. */
export async function ensureTopology(
  jsm: JetStreamManager,
  t: Topology,
  tasks: readonly AnyTaskDef[],
): Promise<void> {
  await ensureStreams(jsm, t);
  for (const def of tasks) {
    await ensureConsumer(jsm, t.streams.tasks, taskConsumerConfig(t, def));
    for (const trig of def.triggers) {
      await ensureConsumer(jsm, t.streams.events, triggerConsumerConfig(t, def, trig.after));
    }
  }
}
