/**
 * `pnpm bench [suite…]`: runs the named benchmark suites (all when none is named), prints each
 * suite's tables, then a summary of the target checks as PASS/MISS. Benchmarks print figures; they
 * assert nothing. The exit code is 0 unless a suite crashes (1) or an unknown suite is named (2).
 */
import os from "node:os";
import { modelSuite } from "./model.bench.js";
import { runtimeSuite } from "./runtime.bench.js";
import { syncSuite } from "./sync.bench.js";
import type { BenchSuite, SuiteReport } from "./suite.js";
import { formatTable } from "./table.js";

/** Every suite, in the order `pnpm bench` runs them. Add new suites here. */
const SUITES: BenchSuite[] = [runtimeSuite, syncSuite, modelSuite];

function hostLine(): string {
  const [l1 = 0, l5 = 0] = os.loadavg();
  return `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), load average 1 min ${l1.toFixed(2)}, 5 min ${l5.toFixed(2)}, Node ${process.version}`;
}

async function main(argv: string[]): Promise<number> {
  const names = argv.filter((a) => !a.startsWith("-"));
  if (argv.includes("--list") || argv.includes("-h") || argv.includes("--help")) {
    console.log("usage: pnpm bench [suite…]\n\nsuites:");
    for (const s of SUITES) console.log(`  ${s.name.padEnd(12)} ${s.description}`);
    return 0;
  }
  const unknown = names.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length) {
    console.error(
      `unknown suite(s): ${unknown.join(", ")}; known: ${SUITES.map((s) => s.name).join(", ")}`,
    );
    return 2;
  }
  const selected = names.length ? SUITES.filter((s) => names.includes(s.name)) : SUITES;

  console.log(`# pnpm bench ${selected.map((s) => s.name).join(" ")}\n\nhost: ${hostLine()}\n`);
  const results: { suite: BenchSuite; report?: SuiteReport; error?: unknown; seconds: number }[] =
    [];
  for (const suite of selected) {
    const t0 = performance.now();
    const log = (line: string) =>
      console.error(`[${suite.name} ${((performance.now() - t0) / 1_000).toFixed(1)} s] ${line}`);
    try {
      const report = await suite.run(log);
      const seconds = (performance.now() - t0) / 1_000;
      results.push({ suite, report, seconds });
      console.log(`## ${suite.name} (${seconds.toFixed(0)} s)\n`);
      for (const t of report.tables) console.log(`${formatTable(t)}\n`);
    } catch (error) {
      const seconds = (performance.now() - t0) / 1_000;
      results.push({ suite, error, seconds });
      console.log(`## ${suite.name}: CRASHED after ${seconds.toFixed(0)} s\n`);
      console.error(error);
    }
  }

  console.log("## Summary\n");
  for (const r of results) {
    if (r.error !== undefined) {
      console.log(
        `CRASH  ${r.suite.name}: ${r.error instanceof Error ? r.error.message : String(r.error)}`,
      );
      continue;
    }
    for (const c of r.report!.checks)
      console.log(`${c.pass ? "PASS" : "MISS"}   ${r.suite.name}: ${c.name}: ${c.measured}`);
  }
  console.log(`\nhost after: ${hostLine()}`);
  console.log("(targets are informational: a MISS does not fail the run)");
  return results.some((r) => r.error !== undefined) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
