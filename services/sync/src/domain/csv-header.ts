import { CsvFormatError } from "./csv-format-error.js";
import type { MatchStats } from "./parsed-match.js";
import { classifyOddsColumn, type OddsColumn } from "./odds-columns.js";

/** The non-odds columns the parser maps, by football-data header name. */
const BASE_COLUMNS = {
  Div: "div",
  Date: "date",
  Time: "time",
  HomeTeam: "homeTeam",
  AwayTeam: "awayTeam",
  // Files of the 1990s and early 2000s name the teams HT/AT.
  HT: "homeTeam",
  AT: "awayTeam",
  FTHG: "fthg",
  FTAG: "ftag",
  FTR: "ftr",
  HTHG: "hthg",
  HTAG: "htag",
  HTR: "htr",
  Referee: "referee",
} as const;
export type BaseField = (typeof BASE_COLUMNS)[keyof typeof BASE_COLUMNS];

/** Statistics columns → `MatchStats` keys. */
export const STAT_COLUMNS: Readonly<Record<string, keyof MatchStats>> = {
  HS: "homeShots",
  AS: "awayShots",
  HST: "homeShotsOnTarget",
  AST: "awayShotsOnTarget",
  HF: "homeFouls",
  AF: "awayFouls",
  HC: "homeCorners",
  AC: "awayCorners",
  HY: "homeYellowCards",
  AY: "awayYellowCards",
  HR: "homeRedCards",
  AR: "awayRedCards",
};

/** What the parser does with one column. */
export type ColumnRole =
  | { kind: "base"; field: BaseField }
  | { kind: "stat"; key: keyof MatchStats }
  | { kind: "odds"; odds: OddsColumn }
  /** Kept in `extra` under `key` when non-empty. */
  | { kind: "extra"; key: string };

/** A header resolved once per file. */
export interface HeaderPlan {
  /** Header names as written (trimmed). */
  names: string[];
  roles: ColumnRole[];
  /** Index of each base field present. */
  base: Partial<Record<BaseField, number>>;
  /** Index of each AH line column present, by name. */
  lineColumns: Map<string, number>;
  /** Named columns the parser does not know. */
  unknownColumns: string[];
}

/** Which header a file must have: results need the full-time score columns, fixtures do not. */
export type FileKind = "results" | "fixtures";

const REQUIRED: Record<FileKind, { field: BaseField; label: string }[]> = {
  fixtures: [
    { field: "div", label: "Div" },
    { field: "date", label: "Date" },
    { field: "homeTeam", label: "HomeTeam" },
    { field: "awayTeam", label: "AwayTeam" },
  ],
  results: [
    { field: "div", label: "Div" },
    { field: "date", label: "Date" },
    { field: "homeTeam", label: "HomeTeam" },
    { field: "awayTeam", label: "AwayTeam" },
    { field: "fthg", label: "FTHG" },
    { field: "ftag", label: "FTAG" },
  ],
};

/**
 * Resolves a header row: base, statistics and odds columns by name (whatever their order or season),
 * the rest kept as extras. Unnamed columns (the trailing `,,,` of D1/I1 2010/11) become extras named
 * `column_<n>` (1-based), used only if a row ever fills them. A repeated name keeps its first meaning;
 * the repeat is an extra `<name>#<n>`, as is a second column for the same odds (`PSH` and `PH`).
 * Throws `CsvFormatError` when a required column is missing.
 */
export function planHeader(cells: string[], file: string, kind: FileKind): HeaderPlan {
  const names = cells.map((c) => c.trim());
  const roles: ColumnRole[] = [];
  const base: Partial<Record<BaseField, number>> = {};
  const lineColumns = new Map<string, number>();
  const unknownColumns: string[] = [];
  const seenNames = new Set<string>();
  const seenOdds = new Set<string>();
  const stats = new Set<string>();

  names.forEach((name, i) => {
    const asExtra = (key: string): ColumnRole => {
      if (name !== "") unknownColumns.push(key);
      return { kind: "extra", key };
    };
    if (name === "") return roles.push(asExtra(`column_${i + 1}`));
    if (seenNames.has(name)) return roles.push(asExtra(`${name}#${i + 1}`));
    seenNames.add(name);

    const field = (BASE_COLUMNS as Record<string, BaseField | undefined>)[name];
    if (field !== undefined && base[field] === undefined) {
      base[field] = i;
      return roles.push({ kind: "base", field });
    }
    const stat = STAT_COLUMNS[name];
    if (stat !== undefined && !stats.has(stat)) {
      stats.add(stat);
      return roles.push({ kind: "stat", key: stat });
    }
    const odds = classifyOddsColumn(name);
    if (odds?.kind === "ah-line") {
      lineColumns.set(name, i);
      return roles.push({ kind: "odds", odds });
    }
    if (odds?.kind === "price") {
      const key = `${odds.bookmaker}|${odds.market}|${odds.selection}|${odds.closing}`;
      if (seenOdds.has(key)) return roles.push(asExtra(name));
      seenOdds.add(key);
    }
    if (odds) return roles.push({ kind: "odds", odds });
    return roles.push(asExtra(name));
  });

  const missing = REQUIRED[kind].filter((r) => base[r.field] === undefined).map((r) => r.label);
  if (missing.length > 0) {
    throw new CsvFormatError(
      file,
      `unusable header: missing ${missing.join(", ")} (header starts "${names.slice(0, 8).join(",")}")`,
    );
  }
  return { names, roles, base, lineColumns, unknownColumns };
}
