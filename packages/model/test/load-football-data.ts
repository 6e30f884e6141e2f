// Test-only loader for the recorded football-data.co.uk CSVs (the sync service owns the real
// parser). @matchday/model declares no dependency on @matchday/shared (the model stays pure), so
// the tests reach the shared public API by a relative path.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { sharedDataDir } from "@matchday/shared";
import type { MatchRecord, Odds1x2 } from "../src/index.js";

const DAY_MS = 86_400_000;

/** The five leagues of the backtest. */
export const LEAGUES = ["E0", "SP1", "I1", "D1", "F1"] as const;

/** Season folder codes 1011 … 2324 in order. */
export const SEASON_CODES = Array.from({ length: 14 }, (_, i) => {
  const a = 10 + i;
  return `${a}${a + 1}`;
});

/** "1415" → "2014/15". */
export function seasonLabel(code: string): string {
  return `20${code.slice(0, 2)}/${code.slice(2)}`;
}

function parseDate(s: string): Date {
  const [d, m, y] = s.split("/").map(Number);
  if (d === undefined || m === undefined || y === undefined) throw new Error(`bad date ${s}`);
  const year = y < 100 ? 2000 + y : y;
  return new Date(Date.UTC(year, m - 1, d));
}

function num(row: Record<string, string>, key: string): number | undefined {
  const v = row[key];
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function odds(row: Record<string, string>, h: string, d: string, a: string): Odds1x2 | undefined {
  const home = num(row, h);
  const draw = num(row, d);
  const away = num(row, a);
  return home !== undefined &&
    draw !== undefined &&
    away !== undefined &&
    home > 1 &&
    draw > 1 &&
    away > 1
    ? { home, draw, away }
    : undefined;
}

/** Loads one season file, or [] when the file is missing (E1 2011/12, F1 2010/11). */
export function loadSeason(league: string, seasonCode: string): MatchRecord[] {
  const file = path.join(sharedDataDir(), "football-data", seasonCode, `${league}.csv`);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  const header = (lines[0] ?? "").split(",");
  const out: MatchRecord[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h) row[h] = cells[i] ?? "";
    });
    const home = row.HomeTeam?.trim();
    const away = row.AwayTeam?.trim();
    if (!home || !away || !row.Date) continue;
    const date = parseDate(row.Date);
    const pinnacle = odds(row, "PSCH", "PSCD", "PSCA");
    const average = odds(row, "AvgCH", "AvgCD", "AvgCA");
    const pre =
      odds(row, "PSH", "PSD", "PSA") ??
      odds(row, "AvgH", "AvgD", "AvgA") ??
      odds(row, "BbAvH", "BbAvD", "BbAvA");
    out.push({
      id: `${league}-${seasonCode}-${row.Date}-${home}-${away}`,
      league,
      season: seasonLabel(seasonCode),
      date,
      home,
      away,
      homeGoals: num(row, "FTHG"),
      awayGoals: num(row, "FTAG"),
      homeShots: num(row, "HS"),
      awayShots: num(row, "AS"),
      homeShotsOnTarget: num(row, "HST"),
      awayShotsOnTarget: num(row, "AST"),
      closingOdds: pinnacle || average ? { pinnacle, average } : undefined,
      // football-data collects these before the match (Friday for weekend games, Tuesday for
      // midweek ones); "the day before" is a conservative stand-in for the unrecorded instant.
      preMatchOdds: pre ? { odds: pre, quotedAt: new Date(date.getTime() - DAY_MS) } : undefined,
    });
  }
  return out;
}

/** All seasons of a league in the given season codes, in file order. */
export function loadLeague(
  league: string,
  seasonCodes: readonly string[] = SEASON_CODES,
): MatchRecord[] {
  return seasonCodes.flatMap((code) => loadSeason(league, code));
}
