import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sharedDataDir } from "@matchday/shared";
import { generateOfflineData } from "../../src/generate/generate-offline-data.js";
import type { GeneratedManifest } from "../../src/generate/manifest.js";

/** The season every integration test generates (its FPL recordings are the richest). */
export const TEST_SEASON = "2023-24";

/** A generated offline data set and the environment that points the etl service at it. */
export interface GeneratedGameweek {
  dir: string;
  manifest: GeneratedManifest;
  fplDir: string;
  sofaDir: string;
  mappingsDir: string;
  /** FPL_DATA_DIR, SOFASCORE_DATA_DIR, ETL_MAPPINGS_DIR, ETL_SEASON, SOFASCORE_SEASON_ID. */
  env: Record<string, string>;
  readJson<T = unknown>(rel: string): T;
  cleanup(): void;
}

/** Generates gameweek(s) `from`–`to` of 2023-24 into a temp dir (a few seconds per gameweek). */
export function generateGameweeks(from: number, to: number, seed = 7): GeneratedGameweek {
  const dir = mkdtempSync(path.join(tmpdir(), "matchday-etl-int-"));
  const { manifest } = generateOfflineData({
    season: TEST_SEASON,
    gameweeks: [from, to],
    seed,
    sharedDataDir: sharedDataDir(),
    outDir: dir,
  });
  const fplDir = path.join(dir, "fpl", TEST_SEASON, "api");
  const sofaDir = path.join(dir, "sofascore");
  const mappingsDir = path.join(sofaDir, "mappings");
  return {
    dir,
    manifest,
    fplDir,
    sofaDir,
    mappingsDir,
    env: {
      FPL_DATA_DIR: fplDir,
      SOFASCORE_DATA_DIR: sofaDir,
      ETL_MAPPINGS_DIR: mappingsDir,
      ETL_SEASON: TEST_SEASON,
      SOFASCORE_SEASON_ID: String(manifest.sofascore.seasonId),
    },
    readJson: <T>(rel: string) => JSON.parse(readFileSync(path.join(dir, rel), "utf8")) as T,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** "Now" for handlers called directly in the ETL tests: a day inside the generated season. */
export const ETL_TEST_NOW = new Date("2023-08-20T12:00:00Z");
