import type { Market, Selection } from "./odds-columns.js";

/** One price: `bookmaker` quoted `price` (decimal odds, > 1) on `selection` of `market`. */
export interface OddsQuote {
  /** Our bookmaker id (`pinnacle`, `bet365`, `market_avg`, …; see `BOOKMAKER_PREFIXES`). */
  bookmaker: string;
  market: Market;
  selection: Selection;
  /** Asian-handicap line, home perspective (`-1.25`: home gives 1.25 goals); null for 1x2 and ou25. */
  line: number | null;
  /** Closing odds (the `C` columns) rather than the pre-match prices football-data samples. */
  closing: boolean;
  /** Decimal odds. */
  price: number;
}

/** Goals for home and away, and the result letter they imply. */
export interface Score {
  home: number;
  away: number;
  /** `H` home win, `D` draw, `A` away win; always consistent with the goals. */
  result: "H" | "D" | "A";
}

/** Match statistics; null where the file has no column or an empty cell (never 0 for "unknown"). */
export interface MatchStats {
  homeShots: number | null;
  awayShots: number | null;
  homeShotsOnTarget: number | null;
  awayShotsOnTarget: number | null;
  homeFouls: number | null;
  awayFouls: number | null;
  homeCorners: number | null;
  awayCorners: number | null;
  homeYellowCards: number | null;
  awayYellowCards: number | null;
  homeRedCards: number | null;
  awayRedCards: number | null;
}

/** One match row of a football-data results or fixtures file. */
export interface ParsedMatch {
  /** Physical line in the file (the header is line 1). */
  line: number;
  /** League code as written (`E0`, `SP1`; fixtures.csv mixes leagues). */
  div: string;
  /** UK calendar date as written, `YYYY-MM-DD`. */
  date: string;
  /**
   * With `hasTime`: the UTC instant (`2023-08-11T19:00:00.000Z`) of the UK local kickoff.
   * Without: the date alone (`2015-08-08`); store it as 00:00 UTC with `has_time = false`.
   */
  kickoff: string;
  /** The file gave a kickoff time (`Time`, from 2019/20). */
  hasTime: boolean;
  /** Team names exactly as football-data writes them (trimmed): `Nott'm Forest`, `M'gladbach`. */
  homeTeam: string;
  awayTeam: string;
  /** `finished` when the row carries a full-time score, else `scheduled` (fixtures). */
  status: "scheduled" | "finished";
  fullTime: Score | null;
  /** Null when the half-time columns are absent or empty (awarded matches, e.g. I1 2012/13 Cagliari–Roma). */
  halfTime: Score | null;
  referee: string | null;
  stats: MatchStats;
  odds: OddsQuote[];
  /** Betbrain's number of books behind its max/avg prices (`Bb1X2`, `BbOU`, `BbAH`); null when absent. */
  betbrainBookCounts: Record<Market, number | null>;
  /** Non-empty cells of columns this parser does not know, by header name (kept, never dropped). */
  extra: Record<string, string>;
}

/** A row that could not be used; the rest of its file still loads. */
export interface RejectedRow {
  file: string;
  line: number;
  reason: string;
}

/** A cell ignored in a row that otherwise loaded (an odds value no bookmaker can quote, say). */
export interface CellWarning {
  file: string;
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** The outcome of parsing one file. */
export interface ParsedFile {
  matches: ParsedMatch[];
  rejected: RejectedRow[];
  /** Rows with every cell empty (`,,,,`) or blank lines inside the file: skipped, counted here. */
  emptyRows: number;
  /** Named header columns the parser does not map (their non-empty values land in `extra`). */
  unknownColumns: string[];
  warnings: CellWarning[];
}
