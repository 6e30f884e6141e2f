import { parseArgs } from "node:util";
import { JetStreamApiError } from "@nats-io/jetstream";
import { catalog, listInstances } from "@matchday/shared";
import { connectCli } from "../client.js";
import { printJson, printTable } from "../output.js";

/**
 * `matchday inspect [--json]`: every live instance (Services API) with its tasks and work in flight,
 * and every task's consumer with pending, ack-pending and redelivered counts. A task with no consumer
 * or no live instance is flagged: scheduled work that nobody takes is the first thing to see.
 */
export async function inspectCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: "boolean", default: false } },
  });
  const cli = await connectCli(env);
  try {
    const instances = await listInstances(cli.nc, cli.topology);
    const consumers = [];
    for (const def of catalog) {
      const durable = cli.topology.taskDurable(def);
      const served = instances.filter((i) => i.tasks.includes(def.name)).map((i) => i.instanceId);
      try {
        const info = await cli.jsm.consumers.info(cli.topology.streams.tasks, durable);
        consumers.push({
          task: def.name,
          consumer: durable,
          pending: info.num_pending,
          ackPending: info.num_ack_pending,
          redelivered: info.num_redelivered,
          waiting: info.num_waiting,
          instances: served.length,
          status: served.length ? "ok" : "NO LIVE INSTANCE",
        });
      } catch (err) {
        if (!(err instanceof JetStreamApiError)) throw err;
        consumers.push({
          task: def.name,
          consumer: durable,
          pending: null,
          ackPending: null,
          redelivered: null,
          waiting: null,
          instances: served.length,
          status: "NO CONSUMER (no handler deployed)",
        });
      }
    }
    if (values.json) return printJson({ instances, consumers });
    console.log("Instances");
    printTable(
      instances.map((i) => ({
        service: i.service,
        instance: i.instanceId,
        since: i.startedAt,
        tasks: i.tasks.join(","),
        inFlight: i.inFlight.length,
        runs: JSON.stringify(i.inFlight),
      })),
    );
    console.log("\nConsumers");
    printTable(consumers);
  } finally {
    await cli.close();
  }
}
