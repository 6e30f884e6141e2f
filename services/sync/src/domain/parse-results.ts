import { CsvFormatError } from "./csv-format-error.js";
import { planHeader, type BaseField, type FileKind, type HeaderPlan } from "./csv-header.js";
import { assertFootballDataCsv } from "./csv-text.js";
import { formatIsoDate, londonLocalToUtc, parseClockTime, parseDayMonthYear } from "./dates.js";
import type { Market } from "./odds-columns.js";
import type {
  CellWarning,
  MatchStats,
  OddsQuote,
  ParsedFile,
  ParsedMatch,
  Score,
} from "./parsed-match.js";
import { readCsvRecords } from "./read-csv-records.js";

/**
 * Parses a football-data.co.uk season file (`mmz4281/<season>/<league>.csv`) of any season: BOM or
 * not, CRLF or LF, `dd/mm/yy` or `dd/mm/yyyy` per row, optional `Time` (UK local → UTC), any column
 * order and odds columns. A row that cannot be used is rejected with its line and reason and the rest
 * loads; empty rows are skipped and counted.
 *
 * Row rules: goals, statistics and odds must be numbers when present; an empty cell is an absent
 * value, never zero. A score must be complete (both goals or neither) and agree with its result
 * letter, and half-time goals may not exceed full-time goals; otherwise the row is rejected, because
 * we cannot tell which cell is wrong and loading either version would store a wrong result. A price
 * of 1 or less (upstream writes `0` for "no quote") is not a price: it is skipped and reported in
 * `warnings`, and the row still loads.
 *
 * @throws CsvFormatError when the body is not CSV (HTML, empty, binary) or the header lacks Div,
 *   Date, HomeTeam, AwayTeam, FTHG or FTAG: the whole file is rejected.
 */
export function parseResultsCsv(bytes: Buffer | string, file: string): ParsedFile {
  return parseFootballDataCsv(bytes, file, "results");
}

/**
 * Parses football-data's `fixtures.csv` (upcoming matches of many leagues, `Div` per row; same odds
 * columns as the current season files, no result or statistics columns). Rows come back `scheduled`
 * with null scores. Same row rules and errors as `parseResultsCsv`, except that the score columns
 * are not required.
 */
export function parseFixturesCsv(bytes: Buffer | string, file: string): ParsedFile {
  return parseFootballDataCsv(bytes, file, "fixtures");
}

/** A reason to reject one row; caught per row. */
class RowError extends Error {
  override name = "RowError";
}

function parseFootballDataCsv(bytes: Buffer | string, file: string, kind: FileKind): ParsedFile {
  const text = assertFootballDataCsv(bytes, file);
  const { records, errors } = readCsvRecords(text);
  const result: ParsedFile = {
    matches: [],
    rejected: errors.map((e) => ({ file, line: e.line, reason: e.reason })),
    emptyRows: 0,
    unknownColumns: [],
    warnings: [],
  };
  const [header, ...rows] = records;
  if (!header || header.line !== 1) {
    throw new CsvFormatError(file, "unusable header: the first line is not a readable CSV header");
  }
  const plan = planHeader(header.cells, file, kind);
  result.unknownColumns = plan.unknownColumns;

  for (const { line, cells } of rows) {
    if (cells.every((c) => c.trim() === "")) {
      result.emptyRows += 1;
      continue;
    }
    try {
      result.matches.push(parseRow(cells, line, plan, file, result.warnings));
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      result.rejected.push({ file, line, reason: err.message });
    }
  }
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const COUNT = /^\d+$/;

function parseRow(
  cells: string[],
  line: number,
  plan: HeaderPlan,
  file: string,
  warnings: CellWarning[],
): ParsedMatch {
  const width = plan.names.length;
  if (cells.length < width || cells.slice(width).some(isFilled)) {
    throw new RowError(`the row has ${cells.length} cells but the header has ${width}`);
  }
  // Trimmed values, undefined for empty cells. Plain loops below: this runs for ~3 million cells
  // when a whole history loads, and closures per cell cost more than the parsing.
  const values: (string | undefined)[] = new Array<string | undefined>(width);
  for (let i = 0; i < width; i++) {
    const v = (cells[i] ?? "").trim();
    values[i] = v === "" ? undefined : v;
  }
  const { base } = plan;
  const at = (field: BaseField) => {
    const i = base[field];
    return i === undefined ? undefined : values[i];
  };

  const div = requireValue(at("div"), "Div");
  const dateText = requireValue(at("date"), "Date");
  const date = parseDayMonthYear(dateText);
  if (!date) throw new RowError(`Date "${dateText}" is not a valid dd/mm/yy or dd/mm/yyyy date`);
  const timeText = at("time");
  const time = timeText === undefined ? undefined : parseClockTime(timeText);
  if (timeText !== undefined && !time) throw new RowError(`Time "${timeText}" is not HH:MM`);
  const homeTeam = requireValue(at("homeTeam"), "HomeTeam");
  const awayTeam = requireValue(at("awayTeam"), "AwayTeam");
  if (homeTeam === awayTeam) throw new RowError(`HomeTeam and AwayTeam are both "${homeTeam}"`);

  const fullTime = score(at("fthg"), at("ftag"), at("ftr"), "FT");
  const halfTime = score(at("hthg"), at("htag"), at("htr"), "HT");
  if (halfTime && !fullTime) throw new RowError("a half-time score without a full-time score");
  if (halfTime && fullTime && (halfTime.home > fullTime.home || halfTime.away > fullTime.away)) {
    throw new RowError(
      `half-time score ${halfTime.home}-${halfTime.away} exceeds full-time score ${fullTime.home}-${fullTime.away}`,
    );
  }

  const lines = new Map<string, number | undefined>();
  for (const [name, index] of plan.lineColumns) {
    const v = values[index];
    if (v !== undefined && !NUMBER.test(v)) throw new RowError(`${name} "${v}" is not a handicap`);
    lines.set(name, v === undefined ? undefined : Number(v));
  }

  const stats = emptyStats();
  const odds: OddsQuote[] = [];
  const betbrainBookCounts: Record<Market, number | null> = { "1x2": null, ou25: null, ah: null };
  const extra: Record<string, string> = {};
  for (let i = 0; i < width; i++) {
    const v = values[i];
    const role = plan.roles[i];
    if (v === undefined || role === undefined || role.kind === "base") continue;
    const name = plan.names[i] ?? "";
    if (role.kind === "stat") {
      if (!COUNT.test(v)) throw new RowError(`${name} "${v}" is not a count`);
      stats[role.key] = Number(v);
      continue;
    }
    if (role.kind === "extra") {
      extra[role.key] = v;
      continue;
    }
    const col = role.odds;
    if (col.kind === "ah-line") continue;
    if (col.kind === "betbrain-count") {
      if (!COUNT.test(v)) throw new RowError(`${name} "${v}" is not a count`);
      betbrainBookCounts[col.market] = Number(v);
      continue;
    }
    if (!NUMBER.test(v)) throw new RowError(`${name} "${v}" is not a price`);
    const price = Number(v);
    if (price <= 1) {
      warnings.push({ file, line, column: name, value: v, reason: NOT_A_PRICE });
      continue;
    }
    let lineValue: number | null = null;
    if (col.lineColumn !== null) {
      const l = lines.get(col.lineColumn);
      if (l === undefined) {
        const reason = `an Asian-handicap price without a line in ${col.lineColumn}; ignored`;
        warnings.push({ file, line, column: name, value: v, reason });
        continue;
      }
      lineValue = l;
    }
    odds.push({
      bookmaker: col.bookmaker,
      market: col.market,
      selection: col.selection,
      line: lineValue,
      closing: col.closing,
      price,
    });
  }

  return {
    line,
    div,
    date: formatIsoDate(date),
    kickoff: time ? londonLocalToUtc(date, time).toISOString() : formatIsoDate(date),
    hasTime: time !== undefined,
    homeTeam,
    awayTeam,
    status: fullTime ? "finished" : "scheduled",
    fullTime,
    halfTime,
    referee: at("referee") ?? null,
    stats,
    odds,
    betbrainBookCounts,
    extra,
  };
}

const NOT_A_PRICE = "not a decimal price (must be greater than 1); ignored";

function isFilled(cell: string): boolean {
  return cell.trim() !== "";
}

function requireValue(value: string | undefined, label: string): string {
  if (value === undefined) throw new RowError(`${label} is empty`);
  return value;
}

/** A score from its goal and result cells (`FT` or `HT` columns); null when all three are empty. */
function score(
  homeText: string | undefined,
  awayText: string | undefined,
  resultText: string | undefined,
  prefix: "FT" | "HT",
): Score | null {
  const [h, a, r] = [`${prefix}HG`, `${prefix}AG`, `${prefix}R`];
  if (homeText === undefined && awayText === undefined) {
    if (resultText !== undefined) throw new RowError(`${r} "${resultText}" without ${h}/${a}`);
    return null;
  }
  if (homeText === undefined || awayText === undefined) {
    throw new RowError(`incomplete score: ${h} "${homeText ?? ""}", ${a} "${awayText ?? ""}"`);
  }
  if (!COUNT.test(homeText)) throw new RowError(`${h} "${homeText}" is not a goal count`);
  if (!COUNT.test(awayText)) throw new RowError(`${a} "${awayText}" is not a goal count`);
  const home = Number(homeText);
  const away = Number(awayText);
  const result = home > away ? "H" : home < away ? "A" : "D";
  if (resultText !== undefined && resultText !== result) {
    throw new RowError(`${r} "${resultText}" disagrees with the score ${home}-${away}`);
  }
  return { home, away, result };
}

function emptyStats(): MatchStats {
  return {
    homeShots: null,
    awayShots: null,
    homeShotsOnTarget: null,
    awayShotsOnTarget: null,
    homeFouls: null,
    awayFouls: null,
    homeCorners: null,
    awayCorners: null,
    homeYellowCards: null,
    awayYellowCards: null,
    homeRedCards: null,
    awayRedCards: null,
  };
}
