import { parseArgs } from "node:util";
import {
  createPublisher,
  Header,
  PayloadValidationError,
  taskByName,
  validatePayload,
  type AnyTaskDef,
} from "@matchday/shared";
import { connectCli, type CliContext } from "../client.js";
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
    if (!values.wait) {
      const pub = await createPublisher(cli.js, cli.topology).publish(def, payload as never);
      if (values.json) printJson(pub);
      else
        console.log(
          `published ${def.name} run ${pub.runId} (message ${pub.msgId}, stream seq ${pub.seq})`,
        );
      return 0;
    }
    const outcome = await triggerAndWait(cli, def, payload, timeoutMs, (runId) => {
      if (!values.json)
        console.log(`published ${def.name} run ${runId}; waiting up to ${timeoutMs / 1000} s…`);
    });
    if (!outcome) return 1;
    if (values.json) printJson(outcome.body);
    else {
      const detail = outcome.body.error
        ? `: ${String(outcome.body.error)}`
        : outcome.body.result
          ? ` ${JSON.stringify(outcome.body.result)}`
          : "";
      console.log(
        `${def.name} run ${outcome.runId} ${outcome.status} (attempt ${String(outcome.body.attempt)})${detail}`,
      );
    }
    return outcome.status === "succeeded" || outcome.status === "skipped" ? 0 : 1;
  } finally {
    await cli.close();
  }
}

/**
 * Publishes a manual run of `def` and waits for its final outcome: the completion event, or the
 * failure event published when it is dead-lettered (retries in between publish nothing). Returns
 * undefined, after saying so on stderr, when nothing arrives within `timeoutMs`.
 */
export async function triggerAndWait(
  cli: CliContext,
  def: AnyTaskDef,
  payload: unknown,
  timeoutMs: number,
  onPublished: (runId: string) => void = () => {},
): Promise<{ runId: string; status: string; body: Record<string, unknown> } | undefined> {
  // Set once the run id is known; events for other runs are ignored.
  const wanted: { runId?: string } = {};
  let resolveDone: (v: { status: string; body: Record<string, unknown> }) => void = () => {};
  const done = new Promise<{ status: string; body: Record<string, unknown> }>(
    (r) => (resolveDone = r),
  );
  const listen = (subject: string) =>
    cli.nc.subscribe(subject, {
      callback: (_e, m) => {
        const runId = m.headers?.get(Header.RunId);
        if (!runId || runId !== wanted.runId) return;
        const body = m.json<Record<string, unknown>>();
        resolveDone({ status: String(body.status), body });
      },
    });
  const subs = [
    listen(cli.topology.completedSubject(def)),
    listen(cli.topology.failedSubject(def)),
  ];
  try {
    await cli.nc.flush();
    const pub = await createPublisher(cli.js, cli.topology).publish(def, payload as never);
    wanted.runId = pub.runId;
    onPublished(pub.runId);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>(
      (r) => (timer = setTimeout(() => r(undefined), timeoutMs)),
    );
    const outcome = await Promise.race([done, timeout]);
    clearTimeout(timer);
    if (!outcome) {
      console.error(
        `no outcome for run ${pub.runId} within ${timeoutMs / 1000} s (it may still be queued or retrying: matchday runs --task ${def.name})`,
      );
      return undefined;
    }
    return { runId: pub.runId, ...outcome };
  } finally {
    subs.forEach((s) => s.unsubscribe());
  }
}
