import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  DEFAULT_MODEL_SETTINGS,
  summariseBacktest,
  walkForward,
  type BacktestRow,
  type BacktestSummary,
  type MarginMethod,
  type MatchRecord,
  type RefitSchedule,
} from "@matchday/model";
import {
  backtests,
  BaseConfig,
  createLogger,
  DAY,
  findSharedDataDir,
  migrateDatabase,
  openDatabase,
  parseConfig,
  readMatches,
  SeasonCode,
  seasonEnd,
  seasonStart,
  seasonStartYear,
  shiftSeason,
  systemClock,
  type Database,
  type ServiceDeps,
  type TaskContext,
} from "@matchday/shared";
import { SyncConfig, syncService } from "@matchday/sync";
import { printJson, printTable, UsageError } from "../output.js";

/** What `matchday backtest` prints with `--json` and stores in `analytics.backtests`. */
export type BacktestReport = BacktestSummary & {
  league: string;
  from: string;
  to: string;
  refit: RefitSchedule;
  marginMethod: MarginMethod;
  source: string;
  fits: number;
  durationMs: number;
};

/** The season codes from `from` to `to` inclusive, oldest first. */
export function seasonRange(from: string, to: string): string[] {
  const count = seasonStartYear(to) - seasonStartYear(from) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => shiftSeason(from, i));
}

/**
 * Walks forward through `from`…`to` of one league with the services' own code: matches read by
 * `readMatches` (what ml trains on), fits by `fitDixonColes` and predictions by `predictMatch`
 * inside `walkForward`, each prediction from a model trained only on matches before its refit
 * instant; then model vs market per season and pooled (`summariseBacktest`).
 */
export async function runBacktest(
  database: Database,
  opts: {
    league: string;
    from: string;
    to: string;
    refit: RefitSchedule;
    marginMethod: MarginMethod;
    source: string;
  },
): Promise<BacktestReport> {
  const started = performance.now();
  const start = seasonStart(opts.from);
  const end = seasonEnd(opts.to);
  const matches: MatchRecord[] = await readMatches(database.db, {
    leagues: [opts.league],
    status: "finished",
    from: new Date(start.getTime() - DEFAULT_MODEL_SETTINGS.windowDays * DAY),
    before: end,
    withOdds: true,
  });
  if (matches.length === 0) {
    throw new UsageError(
      `no finished ${opts.league} matches in ${opts.source} for ${opts.from}–${opts.to}`,
    );
  }
  const wf = walkForward(matches, {
    from: start,
    to: end,
    refit: opts.refit,
  });
  const summary = summariseBacktest(wf.predictions, matches, { marginMethod: opts.marginMethod });
  return {
    ...opts,
    ...summary,
    fits: wf.fits.length,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Loads football-data season files from a directory into `database` through the sync service's own
 * handler (`sync_single_league`), so the backtest reads exactly what a synced database holds.
 * Returns the seasons that could not be loaded (a missing file, say) with the reason.
 */
async function loadFromDirectory(
  database: Database,
  dir: string,
  league: string,
  seasons: string[],
): Promise<string[]> {
  const logger = createLogger({ service: "matchday-backtest", level: "silent" });
  const config = parseConfig(SyncConfig, {
    FOOTBALL_DATA_DIR: dir,
    SYNC_LEAGUES: league,
    LOG_LEVEL: "silent",
  });
  // The sync handlers use the config, the database and the logger only.
  const deps = {
    config,
    database,
    logger,
    clock: systemClock,
  } as unknown as ServiceDeps<SyncConfig>;
  const handlers = await syncService.createHandlers(deps);
  const problems: string[] = [];
  for (const season of seasons) {
    const ctx: TaskContext = {
      runId: `backtest-${league}-${season}`,
      attempt: 1,
      signal: new AbortController().signal,
      logger,
      trigger: { kind: "manual" },
      now: () => new Date(),
      heartbeat: () => {},
    };
    try {
      await handlers.syncSingleLeague({ league, season }, ctx);
    } catch (err) {
      problems.push(`${season}: ${(err as Error).message}`);
    }
  }
  return problems;
}

function row(label: string, r: BacktestRow): Record<string, string | number> {
  const f = (x: number, d = 4) => (Number.isFinite(x) ? x.toFixed(d) : "–");
  return {
    season: label,
    n: r.n,
    rps: f(r.rps),
    marketRps: f(r.marketRps),
    gap: `${r.gap >= 0 ? "+" : ""}${f(r.gap)} ± ${f(r.gapSe)}`,
    logLoss: f(r.logLoss),
    marketLogLoss: f(r.marketLogLoss),
    brier: f(r.brier),
    accuracy: f(r.accuracy, 3),
    ece: f(r.ece),
  };
}

/**
 * `matchday backtest --league <code> --from <season> --to <season> [--refit weekly|daily]
 * [--margin proportional|shin] [--from-dir <dir>] [--json]`. Matches come from the database
 * (DATABASE_URL, or the PGlite under MATCHDAY_DATA_DIR when it exists); with `--from-dir` (the
 * default when no database exists: the shared data's football-data directory) the season files are
 * first loaded into an in-memory database by the sync service. The result is stored in
 * `analytics.backtests` of the configured database, when there is one.
 */
export async function backtestCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      league: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      refit: { type: "string", default: "weekly" },
      margin: { type: "string", default: "proportional" },
      "from-dir": { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.league || !values.from || !values.to) {
    throw new UsageError(
      "usage: matchday backtest --league <code> --from <season> --to <season> [--refit weekly|daily] [--margin proportional|shin] [--from-dir <dir>] [--json]",
    );
  }
  for (const s of [values.from, values.to]) {
    if (!SeasonCode.safeParse(s).success)
      throw new UsageError(`${s} is not a season code such as 1415`);
  }
  if (seasonStartYear(values.from) > seasonStartYear(values.to))
    throw new UsageError("--from is after --to");
  if (values.refit !== "weekly" && values.refit !== "daily")
    throw new UsageError("--refit takes weekly or daily");
  if (values.margin !== "proportional" && values.margin !== "shin")
    throw new UsageError("--margin takes proportional or shin");

  const config = parseConfig(BaseConfig, env);
  const hasDatabase =
    !!config.DATABASE_URL || existsSync(path.join(config.MATCHDAY_DATA_DIR, "pglite"));
  const stored = hasDatabase
    ? await openDatabase({
        url: config.DATABASE_URL,
        dataDir: config.MATCHDAY_DATA_DIR,
        applicationName: "matchday-backtest",
      })
    : undefined;
  const sharedFootballData =
    findSharedDataDir(env) && path.join(findSharedDataDir(env)!, "football-data");
  const dir = values["from-dir"] ?? (stored ? undefined : sharedFootballData);
  let source: Database | undefined;
  try {
    if (stored) await migrateDatabase(stored);
    if (!dir && !stored)
      throw new UsageError(
        "no database (DATABASE_URL or a PGlite data dir) and no --from-dir: nothing to backtest on",
      );
    let sourceName = "database";
    if (dir) {
      source = await openDatabase({ dataDir: "memory://" });
      await migrateDatabase(source);
      const seasons = seasonRange(
        shiftSeason(values.from, -Math.ceil(DEFAULT_MODEL_SETTINGS.windowDays / 365)),
        values.to,
      );
      const problems = await loadFromDirectory(source, dir, values.league, seasons);
      for (const p of problems) console.error(`warning: ${values.league} ${p}`);
      sourceName = dir;
    }
    const report = await runBacktest(source ?? stored!, {
      league: values.league,
      from: values.from,
      to: values.to,
      refit: values.refit,
      marginMethod: values.margin,
      source: sourceName,
    });
    if (stored) {
      await stored.db.insert(backtests).values({
        league: report.league,
        fromSeason: report.from,
        toSeason: report.to,
        refit: report.refit,
        marginMethod: report.marginMethod,
        source: report.source,
        settings: { ...DEFAULT_MODEL_SETTINGS },
        n: report.pooled.n,
        pooled: JSON.parse(JSON.stringify(report.pooled)),
        seasons: JSON.parse(JSON.stringify(report.seasons)),
        fits: report.fits,
        durationMs: report.durationMs,
        createdAt: new Date(),
      });
    }
    if (values.json) {
      printJson(report);
    } else {
      console.log(
        `${report.league} ${report.from}–${report.to}, ${report.refit} refits (${report.fits} fits), market = Pinnacle closing else average, margin ${report.marginMethod}; source ${report.source}; ${(report.durationMs / 1000).toFixed(1)} s`,
      );
      printTable([...report.seasons.map((s) => row(s.season, s)), row("pooled", report.pooled)]);
      console.log(stored ? "stored in analytics.backtests" : "not stored: no database configured");
    }
    return 0;
  } finally {
    await source?.close();
    await stored?.close();
  }
}
