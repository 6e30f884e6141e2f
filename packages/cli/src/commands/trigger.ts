import { parseArgs } from "node:util";
import {
  createPublisher,
  Header,
  PayloadValidationError,
  taskByName,
  validatePayload,
} from "@matchday/shared";
import { connectCli } from "../client.js";
import { printJson, UsageError } from "../output.js";

/**
 * `matchday trigger <task> [payload-json] [--wait] [--timeout <s>] [--json]`: publishes a manual run
 * (a fresh message id). The payload is validated before anything is published. With --wait, waits
 * for the run's final outcome (its completion or failure event) and exits 1 unless it succeeded or
 * was skipped.
 */
export async function triggerCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      wait: { type: "boolean", default: false },
      timeout: { type: "string", default: "600" },
      json: { type: "boolean", default: false },
    },
  });
  const [name, payloadText] = positionals;
  if (!name)
    throw new UsageError(
      "usage: matchday trigger <task> [payload-json] [--wait] [--timeout <s>] [--json]",
    );
  const def = taskByName(name);
  if (!def) throw new UsageError(`unknown task ${name}`);
  let payload: unknown = {};
  if (payloadText !== undefined) {
    try {
      payload = JSON.parse(payloadText);
    } catch (err) {
      throw new UsageError(`payload is not valid JSON: ${(err as Error).message}`);
    }
  }
  try {
    validatePayload(def, payload);
  } catch (err) {
    if (err instanceof PayloadValidationError) throw new UsageError(err.message);
    throw err;
  }
  const timeoutMs = Number(values.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new UsageError("--timeout takes a positive number of seconds");
  const cli = await connectCli(env);
  try {
    const outcomes: { status: string; body: Record<string, unknown> }[] = [];
    // Set once the run id is known; events for other runs are ignored.
    const wanted: { runId?: string } = {};
    let resolveDone: () => void = () => {};
    const done = new Promise<void>((r) => (resolveDone = r));
    const listen = (subject: string) =>
      cli.nc.subscribe(subject, {
        callback: (_e, m) => {
          const runId = m.headers?.get(Header.RunId);
          if (!runId || runId !== wanted.runId) return;
          const body = m.json<Record<string, unknown>>();
          outcomes.push({ status: String(body.status), body });
          resolveDone();
        },
      });
    const subs = values.wait
      ? [listen(cli.topology.completedSubject(def)), listen(cli.topology.failedSubject(def))]
      : [];
    if (values.wait) await cli.nc.flush();
    const pub = await createPublisher(cli.js, cli.topology).publish(def, payload as never);
    wanted.runId = pub.runId;
    if (!values.wait) {
      if (values.json) printJson(pub);
      else
        console.log(
          `published ${def.name} run ${pub.runId} (message ${pub.msgId}, stream seq ${pub.seq})`,
        );
      return 0;
    }
    if (!values.json)
      console.log(`published ${def.name} run ${pub.runId}; waiting up to ${timeoutMs / 1000} s…`);
    const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), timeoutMs).unref());
    const raced = await Promise.race([done.then(() => "done" as const), timer]);
    subs.forEach((s) => s.unsubscribe());
    if (raced === "timeout") {
      console.error(
        `no outcome for run ${pub.runId} within ${timeoutMs / 1000} s (it may still be queued or retrying: matchday runs --task ${def.name})`,
      );
      return 1;
    }
    const outcome = outcomes[0]!;
    if (values.json) printJson(outcome.body);
    else {
      const detail = outcome.body.error
        ? `: ${String(outcome.body.error)}`
        : outcome.body.result
          ? ` ${JSON.stringify(outcome.body.result)}`
          : "";
      console.log(
        `${def.name} run ${pub.runId} ${outcome.status} (attempt ${String(outcome.body.attempt)})${detail}`,
      );
    }
    return outcome.status === "succeeded" || outcome.status === "skipped" ? 0 : 1;
  } finally {
    await cli.close();
  }
}
