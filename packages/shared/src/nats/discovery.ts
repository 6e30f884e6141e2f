import { hostname } from "node:os";
import type { NatsConnection } from "@nats-io/nats-core";
import { Svcm, type Service } from "@nats-io/services";
import type { Topology } from "./topology.js";
import type { ServiceName } from "../tasks/define-task.js";

export interface InstanceStatus {
  service: string;
  instanceId: string;
  tasks: string[];
  inFlight: unknown[];
  counters: unknown;
  startedAt: string;
}

/**
 * Registers a service instance with the NATS Services API, so `nats micro ls|info|stats|ping` and
 * `matchday inspect` see it: name `matchday-<service>`, metadata (instance id, host, pid, tasks),
 * and a `status` endpoint whose stats carry the runs in flight. The Services API answers from the
 * event loop, independent of the task slots, so an instance whose slots are all busy still answers.
 */
export async function registerInstance(opts: {
  nc: NatsConnection;
  topology: Topology;
  service: ServiceName;
  version: string;
  instanceId: string;
  tasks: string[];
  status: () => Omit<InstanceStatus, "service" | "instanceId" | "tasks" | "startedAt">;
  /** Answers `matchday runs` when the CLI cannot open the database itself (embedded PGlite). */
  queryRuns?: (filter: unknown) => Promise<unknown>;
}): Promise<Service> {
  const startedAt = new Date().toISOString();
  const full = (): InstanceStatus => ({
    service: opts.service,
    instanceId: opts.instanceId,
    tasks: opts.tasks,
    startedAt,
    ...opts.status(),
  });
  const svc = await new Svcm(opts.nc).add({
    name: opts.topology.serviceName(opts.service),
    version: opts.version,
    description: `Matchday ${opts.service} service`,
    metadata: {
      instance: opts.instanceId,
      host: hostname(),
      pid: String(process.pid),
      tasks: opts.tasks.join(","),
      namespace: opts.topology.namespace,
      started: startedAt,
    },
    statsHandler: async () => full(),
  });
  const prefix = opts.topology.namespace ? `${opts.topology.namespace}.` : "";
  svc.addEndpoint("status", {
    subject: `${prefix}matchday.${opts.service}.${opts.instanceId}.status`,
    handler: (err, msg) => {
      if (!err) msg.respond(JSON.stringify(full()));
    },
  });
  if (opts.queryRuns) {
    const query = opts.queryRuns;
    svc.addEndpoint("runs", {
      subject: runsQuerySubject(opts.topology),
      queue: "matchday-runs",
      handler: (err, msg) => {
        if (err) return;
        query(msg.data.length ? msg.json() : {}).then(
          (rows) => msg.respond(JSON.stringify({ rows })),
          (e: unknown) => msg.respond(JSON.stringify({ error: (e as Error).message })),
        );
      },
    });
  }
  return svc;
}

/** Where run queries go: any live instance answers. */
export function runsQuerySubject(topology: Topology): string {
  return `${topology.namespace ? `${topology.namespace}.` : ""}matchday.runs.query`;
}

/** Every live instance of every Matchday service (or of one), with its status. */
export async function listInstances(
  nc: NatsConnection,
  topology: Topology,
  service?: ServiceName,
  timeoutMs = 1_500,
): Promise<InstanceStatus[]> {
  const client = new Svcm(nc).client({ strategy: "timer", maxWait: timeoutMs });
  const it = await client.stats(service ? topology.serviceName(service) : undefined);
  const out: InstanceStatus[] = [];
  const prefix = "matchday-";
  for await (const s of it) {
    if (!s.name.startsWith(prefix)) continue;
    if ((s.metadata?.namespace ?? "") !== topology.namespace) continue;
    const data = s.endpoints?.[0]?.data as InstanceStatus | undefined;
    if (data) out.push(data);
  }
  return out;
}
