import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import * as z from "zod";
import { catalog, createTopology, type AnyTaskDef } from "@matchday/shared";
import { UsageError } from "../output.js";

const fmtMs = (ms: number) =>
  ms % 3_600_000 === 0
    ? `${ms / 3_600_000} h`
    : ms % 60_000 === 0
      ? `${ms / 60_000} min`
      : `${ms / 1000} s`;

function payloadExample(def: AnyTaskDef): string {
  const schema = z.toJSONSchema(def.payload, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  const props = Object.keys(schema.properties ?? {});
  return props.length ? "`" + JSON.stringify(schema.properties) + "`" : "`{}`";
}

/** The task reference, generated from the catalog (docs/tasks.md). */
export function renderTasksDoc(tasks: readonly AnyTaskDef[] = catalog): string {
  const t = createTopology();
  const lines: string[] = [
    "# Task reference",
    "",
    "<!-- GENERATED from packages/shared/src/tasks/catalog by `pnpm tasks:docs`; do not edit. The tests fail when it is stale. -->",
    "",
    "| Task | Owner | Queue | Subject | Default schedule | Also started by | Time limit | Attempts | Max in flight |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const d of tasks) {
    const sched =
      d.schedules
        .map(
          (s) =>
            `\`${s.cron}\` ${s.timezone}${(s.overlap ?? d.scheduleOverlap) === "skip" ? " (skip if running)" : ""}`,
        )
        .join("<br>") || (d.triggers.length ? "—" : "— (manual)");
    const trig = d.triggers.map((tr) => `\`${tr.after.name}\` completed`).join("<br>") || "—";
    lines.push(
      `| \`${d.name}\` | ${d.service} | ${d.queue} | \`${t.taskSubject(d)}\` | ${sched} | ${trig} | ${fmtMs(d.timeoutMs)} | ${d.retry.maxAttempts} | ${d.maxInFlight === 1000 ? "—" : d.maxInFlight} |`,
    );
  }
  lines.push("");
  for (const d of tasks) {
    lines.push(`## \`${d.name}\``, "", d.description, "");
    lines.push(
      `- Subject: \`${t.taskSubject(d)}\`; durable consumer \`${t.taskDurable(d)}\` on stream \`${t.streams.tasks}\``,
    );
    lines.push(
      `- Events: \`${t.completedSubject(d)}\`, \`${t.failedSubject(d)}\`; dead letters: \`${t.dlqSubject(d)}\``,
    );
    lines.push(`- Payload (JSON schema properties): ${payloadExample(d)}`);
    lines.push(
      `- Time limit ${fmtMs(d.timeoutMs)}; ack wait ${fmtMs(d.ackWaitMs)} (heartbeat every third); ${d.retry.maxAttempts} attempts, backoff ${fmtMs(d.retry.initialIntervalMs)} × ${d.retry.backoffCoefficient}^n up to ${fmtMs(d.retry.maxIntervalMs)} (jittered)`,
    );
    lines.push(
      `- Concurrency: ${d.concurrency} per process${d.maxInFlight === 1000 ? "" : `, ${d.maxInFlight} across the cluster`}`,
    );
    for (const s of d.schedules)
      lines.push(
        `- Schedule \`${s.id}\`: \`${s.cron}\` (${s.timezone}), missed slots: ${s.misfire ?? "once"}, overlap: ${s.overlap ?? d.scheduleOverlap}`,
      );
    for (const tr of d.triggers)
      lines.push(
        `- Started by \`${tr.after.name}\` completing (\`${t.completedSubject(tr.after)}\`, consumer \`${t.triggerDurable(d, tr.after)}\`)`,
      );
    lines.push("");
  }
  return lines.join("\n");
}

/** `matchday tasks-doc [--out docs/tasks.md] [--check]` */
export function tasksDocCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: "string" }, check: { type: "boolean", default: false } },
  });
  const text = renderTasksDoc();
  if (!values.out) {
    if (values.check) throw new UsageError("--check needs --out <file>");
    process.stdout.write(text);
    return 0;
  }
  if (values.check) {
    let current = "";
    try {
      current = readFileSync(values.out, "utf8");
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(`${values.out} is stale: run pnpm tasks:docs`);
      return 1;
    }
    return 0;
  }
  writeFileSync(values.out, text);
  console.log(`wrote ${values.out}`);
  return 0;
}
