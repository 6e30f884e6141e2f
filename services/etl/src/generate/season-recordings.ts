/**
 * Reads what was really recorded of one FPL season under `<shared data>/fpl/<season>/`: the
 * bootstrap, the fixtures (raw API JSON, or vaastav's CSV when the JSON was not recorded), and any
 * `event/<gw>/live.json` and `element-summary/<id>.json`. The generator copies these and derives
 * everything else from them, so the recordings stay the single source of truth.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  FplBootstrap,
  FplElementSummary,
  FplEventLive,
  FplFixtures,
  type FplFixture,
} from "../clients/schemas/fpl.js";
import { fixturesFromCsv } from "./fpl-fixtures-csv.js";

/** A season code as the data pack names its folders: "2023-24". */
export const SEASON_PATTERN = /^(\d{4})-(\d{2})$/;

/** What one player really did in one fixture, from a recorded live or element-summary file. */
export interface RecordedAppearance {
  minutes: number;
  /** 1 started, 0 did not; undefined when the recording does not say (2022-23 live). */
  starts: number | undefined;
}

/** The real FPL recordings of one season. */
export interface SeasonRecordings {
  season: string;
  /** Path of the real `bootstrap-static.json` (copied byte for byte). */
  bootstrapPath: string;
  bootstrap: FplBootstrap;
  fixtures: FplFixture[];
  /** Where `fixtures` came from. */
  fixturesSource: "api" | "csv";
  /** Real `event/<gw>/live.json` files by gameweek. */
  livePaths: Map<number, string>;
  /** Real `element-summary/<id>.json` files by element id. */
  elementSummaryPaths: Map<number, string>;
  /** fixture id → element id → what the recordings say that player did in that fixture. */
  appearances: Map<number, Map<number, RecordedAppearance>>;
}

/** Splits "2023-24" into its start year, checking that the second part is the next year. */
export function parseSeason(season: string): { startYear: number } {
  const m = SEASON_PATTERN.exec(season);
  const startYear = Number(m?.[1]);
  if (!m || (startYear + 1) % 100 !== Number(m[2])) {
    throw new Error(`season must look like 2023-24, got ${JSON.stringify(season)}`);
  }
  return { startYear };
}

/** Seasons with a recorded bootstrap under `<dataDir>/fpl` (the ones the generator can serve). */
export function listRecordedSeasons(dataDir: string): string[] {
  const fplDir = path.join(dataDir, "fpl");
  if (!existsSync(fplDir)) return [];
  return readdirSync(fplDir)
    .filter((s) => SEASON_PATTERN.test(s))
    .filter((s) => existsSync(path.join(fplDir, s, "api", "bootstrap-static.json")))
    .sort();
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

function numericJsonFiles(dir: string): Map<number, string> {
  const out = new Map<number, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const m = /^(\d+)\.json$/.exec(name);
    if (m) out.set(Number(m[1]), path.join(dir, name));
  }
  return out;
}

function recordAppearance(
  into: Map<number, Map<number, RecordedAppearance>>,
  fixture: number,
  element: number,
  appearance: RecordedAppearance,
): void {
  let byElement = into.get(fixture);
  if (!byElement) {
    byElement = new Map();
    into.set(fixture, byElement);
  }
  byElement.set(element, appearance);
}

/** Loads (and validates with the FPL schemas) every recording of `season` under `dataDir`. */
export function loadSeasonRecordings(dataDir: string, season: string): SeasonRecordings {
  parseSeason(season);
  const apiDir = path.join(dataDir, "fpl", season, "api");
  const bootstrapPath = path.join(apiDir, "bootstrap-static.json");
  if (!existsSync(bootstrapPath)) {
    const known = listRecordedSeasons(dataDir).join(", ") || "none";
    throw new Error(`no FPL bootstrap recorded for season ${season} (recorded: ${known})`);
  }
  const bootstrap = FplBootstrap.parse(readJson(bootstrapPath));

  const fixturesJson = path.join(apiDir, "fixtures.json");
  const fixturesCsv = path.join(dataDir, "fpl", season, "csv", "fixtures.csv");
  let fixtures: FplFixture[];
  let fixturesSource: "api" | "csv";
  if (existsSync(fixturesJson)) {
    fixtures = FplFixtures.parse(readJson(fixturesJson));
    fixturesSource = "api";
  } else if (existsSync(fixturesCsv)) {
    fixtures = FplFixtures.parse(fixturesFromCsv(readFileSync(fixturesCsv, "utf8")));
    fixturesSource = "csv";
  } else {
    throw new Error(
      `no fixtures recorded for season ${season} (neither api/fixtures.json nor csv/fixtures.csv)`,
    );
  }

  const appearances = new Map<number, Map<number, RecordedAppearance>>();
  const livePaths = new Map<number, string>();
  for (const gwDir of existsSync(path.join(apiDir, "event"))
    ? readdirSync(path.join(apiDir, "event"))
    : []) {
    const file = path.join(apiDir, "event", gwDir, "live.json");
    if (!/^\d+$/.test(gwDir) || !existsSync(file)) continue;
    livePaths.set(Number(gwDir), file);
    for (const el of FplEventLive.parse(readJson(file)).elements) {
      for (const ex of el.explain) {
        const minutes = ex.stats.find((s) => s.identifier === "minutes")?.value ?? 0;
        recordAppearance(appearances, ex.fixture, el.id, { minutes, starts: undefined });
      }
    }
  }
  const elementSummaryPaths = numericJsonFiles(path.join(apiDir, "element-summary"));
  for (const [element, file] of elementSummaryPaths) {
    for (const h of FplElementSummary.parse(readJson(file)).history) {
      recordAppearance(appearances, h.fixture, element, { minutes: h.minutes, starts: h.starts });
    }
  }

  return {
    season,
    bootstrapPath,
    bootstrap,
    fixtures,
    fixturesSource,
    livePaths,
    elementSummaryPaths,
    appearances,
  };
}
