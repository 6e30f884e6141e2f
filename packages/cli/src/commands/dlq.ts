import { parseArgs } from "node:util";
import { headers as natsHeaders } from "@nats-io/transport-node";
import { JetStreamApiError } from "@nats-io/jetstream";
import { Header, newRunId } from "@matchday/shared";
import { connectCli, type CliContext } from "../client.js";
import { printJson, printTable, UsageError } from "../output.js";

interface DeadLetter {
  seq: number;
  subject: string;
  time: string;
  task: string | undefined;
  reason: string | undefined;
  error: string | undefined;
  deliveries: string | undefined;
  runId: string | undefined;
  payload: string;
}

async function readDeadLetters(cli: CliContext, limit: number): Promise<DeadLetter[]> {
  const info = await cli.jsm.streams.info(cli.topology.streams.dlq);
  const out: DeadLetter[] = [];
  for (
    let seq = info.state.last_seq;
    seq >= info.state.first_seq && seq > 0 && out.length < limit;
    seq--
  ) {
    try {
      const m = await cli.jsm.streams.getMessage(cli.topology.streams.dlq, { seq });
      if (!m) continue;
      out.push({
        seq: m.seq,
        subject: m.header.get(Header.DlqSubject),
        time: m.time.toISOString(),
        task: m.subject.split(".").pop(),
        reason: m.header.get(Header.DlqReason) || undefined,
        error: m.header.get(Header.DlqError) || undefined,
        deliveries: m.header.get(Header.DlqDeliveries) || undefined,
        runId: m.header.get(Header.DlqRunId) || undefined,
        payload: m.string(),
      });
    } catch (err) {
      if (err instanceof JetStreamApiError) continue; // deleted (retried) message
      throw err;
    }
  }
  return out;
}

/**
 * `matchday dlq [list] [--limit n] [--json]`: dead letters, newest first. `matchday dlq retry <seq>`:
 * publishes the dead letter's payload again on its task subject as a new manual run, then deletes it.
 */
export async function dlqCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      limit: { type: "string", default: "50" },
    },
  });
  const [verb = "list", arg] = positionals;
  const cli = await connectCli(env);
  try {
    if (verb === "list") {
      const rows = await readDeadLetters(cli, Number(values.limit));
      if (values.json) return printJson(rows);
      return printTable(rows as unknown as Record<string, unknown>[], [
        "seq",
        "time",
        "task",
        "reason",
        "deliveries",
        "runId",
        "error",
        "payload",
      ]);
    }
    if (verb === "retry") {
      const seq = Number(arg);
      if (!Number.isInteger(seq) || seq <= 0)
        throw new UsageError("usage: matchday dlq retry <seq>");
      const m = await cli.jsm.streams
        .getMessage(cli.topology.streams.dlq, { seq })
        .catch(() => null);
      if (!m) throw new UsageError(`no dead letter with seq ${seq}`);
      const subject = m.header.get(Header.DlqSubject);
      if (!subject) throw new UsageError(`dead letter ${seq} has no ${Header.DlqSubject} header`);
      const runId = newRunId();
      const h = natsHeaders();
      h.set(Header.RunId, runId);
      h.set(Header.Trigger, "manual");
      const ack = await cli.js.publish(subject, m.data, {
        headers: h,
        msgID: `dlq-retry:${cli.topology.streams.dlq}:${seq}`,
      });
      if (!ack.duplicate) await cli.jsm.streams.deleteMessage(cli.topology.streams.dlq, seq);
      if (values.json) return printJson({ seq, subject, runId, duplicate: ack.duplicate });
      console.log(
        ack.duplicate
          ? `dead letter ${seq} was already retried`
          : `dead letter ${seq} republished on ${subject} as run ${runId}`,
      );
      return;
    }
    throw new UsageError("usage: matchday dlq [list | retry <seq>]");
  } finally {
    await cli.close();
  }
}
