import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createDirectoryFootballDataSource } from "../services/sync/src/clients/football-data.js";
import { matchValuesOf } from "../services/sync/src/domain/diff.js";
import { parseResultsCsv } from "../services/sync/src/domain/parse-results.js";
import type { SyncDeps } from "../services/sync/src/pipeline/sync-deps.js";
import { syncMany } from "../services/sync/src/pipeline/sync-many.js";
import {
  createTestDatabase,
  sharedDataDir,
  silentLogger,
  type Database,
  type SyncResult,
} from "./deps.js";
import { formatRate, perSecond } from "./stats.js";
import { atMost, type BenchSuite, type SuiteReport, type TargetCheck } from "./suite.js";
import type { Table } from "./table.js";

/** The targets on a 2-core machine, in seconds. */
const FULL_LOAD_TARGET_S = 10;
const RESYNC_TARGET_S = 5;

interface Target {
  league: string;
  season: string;
}

/** Every recorded season file (`<season>/<league>.csv`), oldest season first. */
function recordedTargets(dir: string): Target[] {
  return readdirSync(dir)
    .filter((d) => /^\d{4}$/.test(d))
    .sort()
    .flatMap((season) =>
      readdirSync(path.join(dir, season))
        .filter((f) => f.endsWith(".csv"))
        .sort()
        .map((f) => ({ league: f.replace(/\.csv$/, ""), season })),
    );
}

interface PassFigures {
  label: string;
  files: number;
  matches: number;
  oddsRows: number;
  wallMs: number;
  /** CPU time of this process (parsing, diffing, building statements), not PostgreSQL's. */
  cpuMs: number;
  /** CPU time of the PostgreSQL backends of the benchmark's database, when measurable. */
  pgCpuMs: number | undefined;
  counts: { inserted: number; updated: number; unchanged: number; rejected: number };
}

async function timed<T>(
  work: () => Promise<T>,
): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1_000 };
}

async function countRows(database: Database, table: "matches" | "odds"): Promise<number> {
  const [row] = (await database.query(`select count(*)::int as n from sync.${table}`)) as {
    n: number;
  }[];
  return row?.n ?? 0;
}

/** Syncs every target through the service's own multi-file path (what `sync_historical_data` runs). */
async function syncAll(
  database: Database,
  dir: string,
  targets: readonly Target[],
  force: boolean,
): Promise<SyncResult> {
  const deps: SyncDeps = {
    db: database.db,
    source: createDirectoryFootballDataSource(dir),
    settings: { leagues: [], fixedSeason: undefined, historySeasons: 0 },
  };
  const ctx = {
    signal: new AbortController().signal,
    now: () => new Date(),
    logger: silentLogger(),
    heartbeat: () => {},
  };
  return syncMany(deps, { seasons: targets, fixtures: false, force }, ctx);
}

/**
 * CPU milliseconds used so far by the PostgreSQL backends serving this database (from
 * /proc/<pid>/stat; undefined where /proc is not readable, e.g. a remote server).
 */
async function postgresCpuMs(database: Database): Promise<number | undefined> {
  const pids = (await database.query(
    "select pid from pg_stat_activity where datname = current_database()",
  )) as { pid: number }[];
  let ticks = 0;
  for (const { pid } of pids) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return undefined;
    }
  }
  return (ticks * 1_000) / CLOCK_TICKS_PER_S;
}

/** Linux USER_HZ: /proc reports CPU time in 1/100 s on every mainstream build. */
const CLOCK_TICKS_PER_S = 100;

/**
 * `pnpm bench sync`: every recorded season of the six leagues (82 files from the directory source)
 * into a fresh PostgreSQL database through the sync service's own apply path, then the same files
 * again (the daily re-sync: byte-identical files, all unchanged), then once more with the byte
 * short-cut disabled (a full diff of every file against the database). A parse-only pass over the
 * same bytes shows how much of the load is CSV work. Figures: wall seconds, matches/s, odds rows/s,
 * and this process's CPU seconds (PostgreSQL's own CPU is not included).
 */
export const syncSuite: BenchSuite = {
  name: "sync",
  description:
    "football-data history (82 files, 6 leagues) into PostgreSQL from the directory source: full load and re-sync",
  async run(log) {
    const dir = path.join(sharedDataDir(), "football-data");
    const targets = recordedTargets(dir);
    log(`sync: ${targets.length} recorded season files under ${dir}`);

    const parseOnly = await timed(async () => {
      let matches = 0;
      let oddsRows = 0;
      for (const t of targets) {
        const file = path.join(dir, t.season, `${t.league}.csv`);
        const parsed = parseResultsCsv(readFileSync(file), file);
        matches += parsed.matches.length;
        for (const m of parsed.matches) oddsRows += matchValuesOf(m).odds.length;
      }
      return { matches, oddsRows };
    });

    const tdb = await createTestDatabase();
    const passes: PassFigures[] = [];
    try {
      const pass = async (label: string, force: boolean) => {
        log(`sync: ${label}…`);
        const pgBefore = await postgresCpuMs(tdb.database);
        const r = await timed(() => syncAll(tdb.database, dir, targets, force));
        const pgAfter = await postgresCpuMs(tdb.database);
        const { inserted, updated, unchanged, rejected } = r.value;
        passes.push({
          label,
          files: r.value.files.length,
          matches: inserted + updated + unchanged,
          oddsRows: await countRows(tdb.database, "odds"),
          wallMs: r.wallMs,
          cpuMs: r.cpuMs,
          pgCpuMs: pgBefore === undefined || pgAfter === undefined ? undefined : pgAfter - pgBefore,
          counts: { inserted, updated, unchanged, rejected },
        });
        log(`sync: ${label}: ${(r.wallMs / 1_000).toFixed(2)} s`);
      };
      await pass("full load (empty database)", false);
      await pass("re-sync (same files: byte short-cut)", false);
      await pass("re-sync forced (full diff, no short-cut)", true);
      const storedMatches = await countRows(tdb.database, "matches");
      if (storedMatches !== parseOnly.value.matches) {
        throw new Error(
          `stored ${storedMatches} matches, the files have ${parseOnly.value.matches}`,
        );
      }
    } finally {
      await tdb.cleanup();
    }

    const [load, resync, forced] = passes as [PassFigures, PassFigures, PassFigures];
    const row = (p: {
      label: string;
      files: number;
      matches: number;
      oddsRows: number;
      wallMs: number;
      cpuMs: number;
      pgCpuMs: number | undefined;
    }) => [
      p.label,
      String(p.files),
      p.matches.toLocaleString("en-US"),
      p.oddsRows.toLocaleString("en-US"),
      (p.wallMs / 1_000).toFixed(2),
      formatRate(perSecond(p.matches, p.wallMs)),
      formatRate(perSecond(p.oddsRows, p.wallMs)),
      (p.cpuMs / 1_000).toFixed(2),
      p.pgCpuMs === undefined ? "—" : (p.pgCpuMs / 1_000).toFixed(2),
    ];
    const tables: Table[] = [
      {
        title: "sync: every recorded season into PostgreSQL (directory source)",
        columns: [
          "pass",
          "files",
          "matches",
          "odds rows",
          "seconds",
          "matches/s",
          "odds rows/s",
          "CPU s",
          "PG CPU s",
        ],
        rows: [
          row({
            label: "parse only (no database)",
            files: targets.length,
            ...parseOnly.value,
            wallMs: parseOnly.wallMs,
            cpuMs: parseOnly.cpuMs,
            pgCpuMs: undefined,
          }),
          ...passes.map(row),
        ],
        notes: [
          "Each file: read, parse, one transaction (teams, matches and odds as multi-row statements);",
          "the next file is read and parsed while PostgreSQL applies the current one.",
          "odds rows = rows in sync.odds after the pass; CPU s = this process; PG CPU s = the",
          "PostgreSQL backends of the benchmark database (on a loaded machine, wall time exceeds both).",
          `re-sync counts: inserted ${resync.counts.inserted}, updated ${resync.counts.updated}, unchanged ${resync.counts.unchanged}, rejected ${resync.counts.rejected}; ` +
            `forced: inserted ${forced.counts.inserted}, updated ${forced.counts.updated}, unchanged ${forced.counts.unchanged}.`,
        ],
      },
    ];
    const allUnchanged = (p: PassFigures) =>
      p.counts.inserted === 0 && p.counts.updated === 0 && p.counts.unchanged === load.matches;
    const checks: TargetCheck[] = [
      atMost(
        `full load of every recorded season < ${FULL_LOAD_TARGET_S} s`,
        load.wallMs / 1_000,
        FULL_LOAD_TARGET_S,
        " s",
        2,
      ),
      atMost(
        `re-sync (all unchanged) < ${RESYNC_TARGET_S} s`,
        resync.wallMs / 1_000,
        RESYNC_TARGET_S,
        " s",
        2,
      ),
      {
        name: "full load rejects no row",
        measured: `${load.counts.rejected} rejected`,
        pass: load.counts.rejected === 0,
      },
      {
        name: "re-sync and forced re-sync report every match unchanged",
        measured: `${resync.counts.unchanged} / ${forced.counts.unchanged} of ${load.matches}`,
        pass: allUnchanged(resync) && allUnchanged(forced),
      },
    ];
    return { tables, checks } satisfies SuiteReport;
  },
};
