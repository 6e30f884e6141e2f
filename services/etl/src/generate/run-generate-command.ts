/**
 * `matchday etl generate --season 2023-24 --gameweeks 1-3 --out <dir> [--seed 1]`: parses the
 * arguments, runs {@link generateOfflineData} and prints a one-line summary. The project CLI wires
 * it in; `sharedDataDir` defaults to the recorded data pack (`MATCHDAY_SHARED_DATA` or
 * `../shared/data` beside the repository).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { sharedDataDir as defaultSharedDataDir } from "@matchday/shared";
import { generateOfflineData, type GenerateResult } from "./generate-offline-data.js";

/** The default seed when `--seed` is not given. */
export const DEFAULT_SEED = 1;

/** Where the command reads the data pack and prints its summary (injectable for tests). */
export interface GenerateCommandDeps {
  sharedDataDir?: string;
  print?: (line: string) => void;
}

/** Parses "1-3" (or a single "5") into an inclusive range. */
export function parseGameweekRange(text: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`--gameweeks must look like 1-3 or 5, got ${JSON.stringify(text)}`);
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1 || to < from) throw new Error(`--gameweeks: empty or invalid range ${text}`);
  return [from, to];
}

/** Runs the command; throws (with a usage hint) on bad arguments. */
export function runGenerateCommand(args: string[], deps: GenerateCommandDeps = {}): GenerateResult {
  const usage =
    "usage: matchday etl generate --season 2023-24 --gameweeks 1-3 --out <dir> [--seed <int>]";
  const { values } = parseArgs({
    args,
    options: {
      season: { type: "string" },
      gameweeks: { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.season || !values.gameweeks || !values.out)
    throw new Error(`missing argument\n${usage}`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed))
    throw new Error(`--seed must be an integer, got ${values.seed}\n${usage}`);
  const result = generateOfflineData({
    season: values.season,
    gameweeks: parseGameweekRange(values.gameweeks),
    seed,
    sharedDataDir: deps.sharedDataDir ?? defaultSharedDataDir(),
    outDir: path.resolve(values.out),
  });
  const m = result.manifest;
  const planted = Object.entries(m.edgeCases).filter(
    ([, v]) => v !== null && !(Array.isArray(v) && v.length === 0),
  ).length;
  const print = deps.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  print(
    `generated ${m.season} GW${m.gameweeks[0]}-${m.gameweeks[1]} seed ${m.seed}: ${m.counts.events} events ` +
      `(${m.counts.finishedEvents} finished), ${m.counts.heatmaps} heatmaps, ${m.counts.seasonStatistics} season statistics, ` +
      `${planted} edge cases, ${result.filesWritten} files in ${result.outDir}`,
  );
  return result;
}
