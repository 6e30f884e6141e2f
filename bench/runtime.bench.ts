import {
  createRunRecorder,
  createTestDatabase,
  noopRecorder,
  openDatabase,
  type RunRecorder,
} from "./deps.js";
import { bareWorkload, type BarePull } from "./runtime/bare-workload.js";
import { BENCH_CONCURRENCY } from "./runtime/bench-tasks.js";
import { openBenchNats, type BenchNats } from "./runtime/bench-nats.js";
import { chainWorkload } from "./runtime/chain-workload.js";
import { measureWorkload, type MeasurePlan, type WorkloadFigures } from "./runtime/measure.js";
import { LatencyProbe } from "./runtime/probe.js";
import { measureRecorder, type RecorderFigures } from "./runtime/recorder-load.js";
import { runtimeWorkload } from "./runtime/runtime-workload.js";
import type { Workload } from "./runtime/workload.js";
import { formatMs, formatRate } from "./stats.js";
import { atLeast, atMost, type BenchSuite, type TargetCheck } from "./suite.js";
import type { Table } from "./table.js";

/**
 * Throughput and latency runs of no-op tasks. The backlog is sized to about 5 s of work (2,000 …
 * 30,000 tasks) so the whole suite stays near two minutes on a 2-core machine whatever the rates;
 * the paced run offers 1,000 tasks/s, or half the measured capacity when that is lower, so it shows
 * per-task latency rather than a growing queue.
 */
const PLAN = {
  warmupTasks: 1_000,
  backlog: { targetDrainMs: 5_000, minTasks: 2_000, maxTasks: 30_000 },
  paced: { ratePerS: 1_000, durationMs: 5_000, maxLoadShare: 0.5 },
  timeoutMs: 90_000,
} satisfies MeasurePlan;

/**
 * The chain target is stated at 100 chains/s: offered at that rate whatever the capacity. 10 s
 * gives 1,000 samples, so p99 is the 10th worst.
 */
const CHAIN_PLAN = {
  warmupTasks: 200,
  paced: { ratePerS: 100, durationMs: 10_000 },
  timeoutMs: 90_000,
} satisfies MeasurePlan;

/**
 * The throughput ratio is taken over this many rounds (the first is the full measurement above;
 * the others drain a backlog only), each measuring both bare variants and the runtime back to back
 * in fresh namespaces; the target is checked on the median round. A single 5-second drain of each
 * moved by ±20% between runs on the 2-core machine (socket-write coalescing, the JIT, NATS's own
 * timing), enough to flip the check either way.
 */
const RATIO_ROUNDS = 3;
const RATIO_PLAN: MeasurePlan = {
  warmupTasks: PLAN.warmupTasks,
  backlog: PLAN.backlog,
  timeoutMs: PLAN.timeoutMs,
};

/** The run recorder alone: how long each lane records runs back to back, ms. */
const RECORDER_RUN_MS = 3_000;

/** Targets from the issue (on a 2-core machine). */
const TARGET = {
  /** Runtime without recording vs the bare baseline, same per-process concurrency. */
  minRatioToBare: 0.7,
  minRecordedThroughputPerS: 1_500,
  maxChainP99Ms: 10,
};

/**
 * A fresh migrated database and a run recorder on a production-sized pool (10, the default
 * DATABASE_POOL_SIZE). `synchronousCommit: false` sets the database's `synchronous_commit` to off
 * before the pool connects: the experiment behind the report's suggestion, not a runtime setting.
 */
async function withRecorder<T>(
  fn: (recorder: RunRecorder, countSucceeded: () => Promise<number>) => Promise<T>,
  opts: { synchronousCommit?: boolean } = {},
): Promise<T> {
  const testDb = await createTestDatabase();
  if (opts.synchronousCommit === false) {
    await testDb.database.query(`alter database ${testDb.name} set synchronous_commit = off`);
  }
  const database = await openDatabase({
    url: testDb.url,
    poolSize: 10,
    applicationName: "matchday-bench",
  });
  try {
    const countSucceeded = async () => {
      const rows = (await database.query(
        "select count(*)::int as n from platform.task_runs where status = 'succeeded'",
      )) as { n: number }[];
      return rows[0]?.n ?? 0;
    };
    return await fn(createRunRecorder(database), countSucceeded);
  } finally {
    await database.close().catch(() => {});
    await testDb.cleanup();
  }
}

/** Builds a workload in a fresh namespace, measures it, and deletes the namespace. */
async function measureIn(
  build: (nats: BenchNats, probe: LatencyProbe) => Promise<Workload>,
  plan: MeasurePlan,
): Promise<WorkloadFigures> {
  const nats = await openBenchNats();
  try {
    const probe = new LatencyProbe();
    return await measureWorkload(await build(nats, probe), probe, plan);
  } finally {
    await nats.cleanup();
  }
}

interface Measured {
  label: string;
  figures: WorkloadFigures;
  note?: string;
}

const pct = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)}%` : "—");

function throughputTable(runs: Measured[], bare: Measured): Table {
  const base = bare.figures.backlog!.throughputPerS;
  return {
    title: `Throughput: draining a pre-published backlog of no-op tasks, ${BENCH_CONCURRENCY} slots, after ${formatRate(PLAN.warmupTasks)} warm-up`,
    columns: [
      "run",
      "tasks",
      "tasks/s",
      "× bare",
      "node CPU µs/task",
      "host CPU busy",
      "loop delay p99 ms",
    ],
    rows: runs.map(({ label, figures }) => {
      const b = figures.backlog!;
      return [
        label,
        formatRate(b.tasks),
        formatRate(b.throughputPerS),
        `${(b.throughputPerS / base).toFixed(2)}×`,
        b.processCpuUsPerTask.toFixed(0),
        pct(b.usage.hostBusyPct),
        formatMs(b.usage.loopDelayP99Ms),
      ];
    }),
    notes: [
      `× bare: against "${bare.label}", the faster bare variant. Node CPU: this process (publisher side idle during the drain, worker, completion watcher); host CPU: both cores, NATS and PostgreSQL included.`,
      ...runs.filter((r) => r.note).map((r) => `${r.label}: ${r.note}`),
    ],
  };
}

/** One round of the ratio measurement: backlog throughput of each variant, tasks/s. */
interface RatioRound {
  consume: number;
  fetch: number;
  runtime: number;
}

/** The runtime against the faster bare variant of the same round. */
const ratioOf = (r: RatioRound) => r.runtime / Math.max(r.consume, r.fetch);

/** The round with the median ratio (the lower middle one for an even count). */
function medianRound(rounds: readonly RatioRound[]): RatioRound {
  const sorted = [...rounds].sort((a, b) => ratioOf(a) - ratioOf(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function ratioTable(rounds: readonly RatioRound[]): Table {
  return {
    title: `Throughput ratio: runtime without recording vs the faster bare variant, ${rounds.length} rounds`,
    columns: [
      "round",
      "bare consume() tasks/s",
      "bare fetch() tasks/s",
      "runtime tasks/s",
      "ratio",
    ],
    rows: rounds.map((r, i) => [
      String(i + 1),
      formatRate(r.consume),
      formatRate(r.fetch),
      formatRate(r.runtime),
      `${ratioOf(r).toFixed(2)}×`,
    ]),
    notes: [
      "Round 1 is the throughput table above; later rounds repeat the backlog drain only, each variant in a fresh namespace after the same warm-up. The target is checked on the median round.",
    ],
  };
}

function latencyTable(
  runs: Measured[],
  title: string,
  startLabel: string,
  doneLabel: string,
): Table {
  return {
    title,
    columns: [
      "run",
      "rate/s",
      "tasks",
      `${startLabel} p50`,
      "p99",
      `${doneLabel} p50`,
      "p99",
      "max",
      "host CPU busy",
      "publisher lag max",
    ],
    rows: runs
      .map(({ label, figures }) => [figures.paced!, label] as const)
      .map(([paced, label]) => [
        label,
        formatRate(paced.ratePerS),
        String(paced.done.count),
        formatMs(paced.start.p50Ms),
        formatMs(paced.start.p99Ms),
        formatMs(paced.done.p50Ms),
        formatMs(paced.done.p99Ms),
        formatMs(paced.done.maxMs),
        pct(paced.usage.hostBusyPct),
        formatMs(paced.run.maxScheduleLagMs),
      ]),
    notes: [
      "Latencies in ms from the publish call (instant carried in the payload) to the handler's first line / the completion event seen by a core subscription. Publisher lag: worst delay of a publish behind its schedule.",
    ],
  };
}

function stepsTable(runs: Measured[]): Table {
  const rows: string[][] = [];
  for (const { label, figures } of runs) {
    const phases: [
      string,
      [string, { count: number; p50Ms: number; p99Ms: number; meanMs: number }][],
    ][] = [];
    if (figures.backlog) phases.push(["backlog", figures.backlog.steps]);
    if (figures.paced) phases.push([`paced`, figures.paced.steps]);
    for (const [phase, steps] of phases) {
      for (const [step, s] of steps) {
        rows.push([
          label,
          phase,
          step,
          String(s.count),
          formatMs(s.p50Ms),
          formatMs(s.p99Ms),
          formatMs(s.meanMs),
        ]);
      }
    }
  }
  return {
    title:
      "Where the time goes: the runtime's awaited steps per task in the paced runs (ms, wall clock incl. pool/queue waits; the throughput drains run uninstrumented)",
    columns: ["run", "phase", "step", "count", "p50", "p99", "mean"],
    rows,
    labelColumns: 3,
  };
}

function recorderTable(runs: { label: string; figures: RecorderFigures }[]): Table {
  return {
    title: `The PostgreSQL run recorder alone (no NATS): begin + finish + durable per run, back to back for ${RECORDER_RUN_MS / 1_000} s, pool of 10`,
    columns: [
      "recorder",
      "runs/s",
      "begin p50 ms",
      "p99",
      "finish p50 ms",
      "p99",
      "durable p50 ms",
      "p99",
    ],
    rows: runs.map(({ label, figures: f }) => [
      label,
      formatRate(f.runsPerS),
      formatMs(f.begin.p50Ms),
      formatMs(f.begin.p99Ms),
      formatMs(f.finish.p50Ms),
      formatMs(f.finish.p99Ms),
      formatMs(f.durable.p50Ms),
      formatMs(f.durable.p99Ms),
    ]),
    notes: [
      "begin: one prepared INSERT … ON CONFLICT DO NOTHING, finish: one UPDATE, both on connections with synchronous_commit off (visible at once, no WAL flush wait); durable: one synchronous commit that flushes the WAL up to itself and checks the rows are there (what the worker waits for before acknowledging). Concurrent runs share each statement. The rows' labels are the database's own setting: off makes durable's commit asynchronous too, an experiment, not a runtime setting.",
    ],
  };
}

/** The runtime suite: bare nats.js baseline, runtime without and with recording, A → B chains. */
export const runtimeSuite: BenchSuite = {
  name: "runtime",
  description:
    "no-op tasks through the task runtime vs bare nats.js: throughput, latency p50/p99, chains A → B",
  async run(log) {
    const bareRuns: Measured[] = [];
    for (const pull of ["consume", "fetch"] as BarePull[]) {
      log(`bare nats.js (${pull})…`);
      bareRuns.push({
        label: `bare nats.js, ${pull}()`,
        figures: await measureIn((n, p) => bareWorkload(n, pull, p), PLAN),
      });
    }
    log("runtime without recording…");
    const plain: Measured = {
      label: "runtime, no recording",
      figures: await measureIn((n, p) => runtimeWorkload(n, noopRecorder, p), PLAN),
    };
    const recordedRun = (label: string, synchronousCommit: boolean) =>
      withRecorder(
        async (recorder, countSucceeded): Promise<Measured> => {
          const figures = await measureIn((n, p) => runtimeWorkload(n, recorder, p), PLAN);
          const rows = await countSucceeded();
          const expected =
            PLAN.warmupTasks + (figures.backlog?.tasks ?? 0) + figures.paced!.done.count;
          return {
            label,
            figures,
            note: `${formatRate(rows)} succeeded runs in platform.task_runs afterwards (expected ${formatRate(expected)}).`,
          };
        },
        { synchronousCommit },
      );
    log("runtime with recording in PostgreSQL…");
    const recorded = await recordedRun("runtime, recording in PostgreSQL", true);
    log("runtime with recording, synchronous_commit=off (experiment)…");
    const recordedAsync = await recordedRun(
      "runtime, recording, synchronous_commit=off (experiment)",
      false,
    );
    log("run recorder alone…");
    const recorderAlone: { label: string; figures: RecorderFigures }[] = [];
    for (const [synchronousCommit, inFlight] of [
      [true, 1],
      [true, BENCH_CONCURRENCY],
      [false, BENCH_CONCURRENCY],
    ] as const) {
      const figures = await withRecorder(
        (recorder) => measureRecorder(recorder, inFlight, RECORDER_RUN_MS),
        { synchronousCommit },
      );
      recorderAlone.push({
        label: `synchronous_commit=${synchronousCommit ? "on" : "off"}, ${inFlight} in flight`,
        figures,
      });
    }
    log("chains A → B with recording…");
    const chain: Measured = await withRecorder(async (recorder, countSucceeded) => {
      const figures = await measureIn((n, p) => chainWorkload(n, recorder, p), CHAIN_PLAN);
      const rows = await countSucceeded();
      return {
        label: `chain A → B, recording, ${CHAIN_PLAN.paced.ratePerS}/s`,
        figures,
        note: `${formatRate(rows)} succeeded runs recorded (expected ${formatRate(2 * (CHAIN_PLAN.warmupTasks + figures.paced!.done.count))}).`,
      };
    });

    const bare = bareRuns.reduce((a, b) =>
      b.figures.backlog!.throughputPerS > a.figures.backlog!.throughputPerS ? b : a,
    );
    const plainRate = plain.figures.backlog!.throughputPerS;

    const rounds: RatioRound[] = [
      {
        consume: bareRuns[0]!.figures.backlog!.throughputPerS,
        fetch: bareRuns[1]!.figures.backlog!.throughputPerS,
        runtime: plainRate,
      },
    ];
    for (let r = 2; r <= RATIO_ROUNDS; r++) {
      log(`throughput ratio, round ${r} of ${RATIO_ROUNDS}…`);
      const rate = async (build: Parameters<typeof measureIn>[0]) =>
        (await measureIn(build, RATIO_PLAN)).backlog!.throughputPerS;
      const consume = await rate((n, p) => bareWorkload(n, "consume", p));
      const fetch = await rate((n, p) => bareWorkload(n, "fetch", p));
      const runtime = await rate((n, p) => runtimeWorkload(n, noopRecorder, p));
      rounds.push({ consume, fetch, runtime });
    }
    const median = medianRound(rounds);
    const recordedRate = recorded.figures.backlog!.throughputPerS;
    const chainP99 = chain.figures.paced!.done.p99Ms;
    const all = [...bareRuns, plain, recorded, recordedAsync];

    const checks: TargetCheck[] = [
      {
        ...atLeast(
          `runtime without recording ≥ ${TARGET.minRatioToBare}× bare throughput (${BENCH_CONCURRENCY} slots, median of ${rounds.length} rounds)`,
          ratioOf(median),
          TARGET.minRatioToBare,
          "×",
          2,
        ),
        measured: `${ratioOf(median).toFixed(2)}× (${formatRate(median.runtime)} vs ${formatRate(Math.max(median.consume, median.fetch))} tasks/s; rounds ${rounds.map((r) => `${ratioOf(r).toFixed(2)}×`).join(", ")})`,
      },
      atLeast(
        `runtime with recording ≥ ${formatRate(TARGET.minRecordedThroughputPerS)} tasks/s`,
        recordedRate,
        TARGET.minRecordedThroughputPerS,
        " tasks/s",
      ),
      atMost(
        `chain A → B p99 ≤ ${TARGET.maxChainP99Ms} ms at ${CHAIN_PLAN.paced.ratePerS} chains/s (recording)`,
        chainP99,
        TARGET.maxChainP99Ms,
        " ms",
        2,
      ),
    ];

    return {
      tables: [
        throughputTable(all, bare),
        ratioTable(rounds),
        latencyTable(
          all,
          `Latency: open loop for ${PLAN.paced.durationMs / 1_000} s at the rate shown (${formatRate(PLAN.paced.ratePerS)}/s, or half the run's throughput when lower)`,
          "publish → start",
          "publish → done",
        ),
        {
          ...latencyTable(
            [chain],
            `Chains A → B: open loop at ${CHAIN_PLAN.paced.ratePerS} chains/s for ${CHAIN_PLAN.paced.durationMs / 1_000} s, recording on`,
            "A publish → B start",
            "A publish → B done",
          ),
          notes: [chain.note ?? ""],
        },
        recorderTable(recorderAlone),
        stepsTable([plain, recorded, recordedAsync, chain]),
      ],
      checks,
    };
  },
};
