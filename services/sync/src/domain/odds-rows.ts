import type { Market, Selection } from "./odds-columns.js";
import type { OddsQuote } from "./parsed-match.js";

/**
 * The stored shape of odds (table `sync.odds`): one row per match × bookmaker × market × line ×
 * closing, the prices of its selections as columns. "Pinnacle closing 1X2 for these matches" is one
 * primary-key lookup per match with all three prices in one row, and a season loads as a few
 * multi-row inserts (~40 rows a match) instead of ~100 single-price rows a match.
 */
export interface OddsRow {
  bookmaker: string;
  market: Market;
  /** AH handicap (home perspective); 0 for 1x2 and ou25, whose line the market name carries. */
  line: number;
  closing: boolean;
  home: number | null;
  draw: number | null;
  away: number | null;
  over: number | null;
  under: number | null;
  /** For Betbrain's max/avg rows: how many books they were computed over (`Bb1X2`, …); else null. */
  bookCount: number | null;
}

/** The identity of an odds row within its match. */
export function oddsRowKey(
  row: Pick<OddsRow, "bookmaker" | "market" | "line" | "closing">,
): string {
  return `${row.bookmaker}|${row.market}|${row.line}|${row.closing ? "C" : "O"}`;
}

/**
 * Pivots a match's quotes into rows, sorted by key (a stable order to compare and to insert), with
 * Betbrain's book counts on the Betbrain rows of each market.
 */
export function toOddsRows(
  quotes: readonly OddsQuote[],
  betbrainBookCounts?: Readonly<Record<Market, number | null>>,
): OddsRow[] {
  const rows = new Map<string, OddsRow>();
  for (const q of quotes) {
    const line = q.line ?? 0;
    // The four key fields only: spreading the whole quote cost more than the rest of this loop
    // when a full history (2 million quotes) loads.
    const key = oddsRowKey({ bookmaker: q.bookmaker, market: q.market, line, closing: q.closing });
    let row = rows.get(key);
    if (!row) {
      row = {
        bookmaker: q.bookmaker,
        market: q.market,
        line,
        closing: q.closing,
        home: null,
        draw: null,
        away: null,
        over: null,
        under: null,
        bookCount: q.bookmaker.startsWith("betbrain_")
          ? (betbrainBookCounts?.[q.market] ?? null)
          : null,
      };
      rows.set(key, row);
    }
    row[q.selection satisfies Selection] = q.price;
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

/** True when two sets of odds rows (any order) hold the same prices. */
export function sameOddsRows(a: readonly OddsRow[], b: readonly OddsRow[]): boolean {
  if (a.length !== b.length) return false;
  const byKey = new Map(a.map((r) => [oddsRowKey(r), r]));
  return b.every((r) => {
    const other = byKey.get(oddsRowKey(r));
    return (
      other !== undefined &&
      other.home === r.home &&
      other.draw === r.draw &&
      other.away === r.away &&
      other.over === r.over &&
      other.under === r.under &&
      other.bookCount === r.bookCount
    );
  });
}
