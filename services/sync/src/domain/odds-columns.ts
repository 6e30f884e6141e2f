/** The three markets football-data publishes: match result, over/under 2.5 goals, Asian handicap. */
export const Market = { OneXTwo: "1x2", OverUnder25: "ou25", AsianHandicap: "ah" } as const;
export type Market = (typeof Market)[keyof typeof Market];

export const Selection = {
  Home: "home",
  Draw: "draw",
  Away: "away",
  Over: "over",
  Under: "under",
} as const;
export type Selection = (typeof Selection)[keyof typeof Selection];

/**
 * football-data column prefixes → our bookmaker ids. `PS` (1X2) and `P` (over/under, AH) are both
 * Pinnacle. `Max`/`Avg` are the market maximum and average over the bookmakers football-data
 * samples (2019/20 on); `BbMx`/`BbAv` the same from Betbrain (up to 2018/19).
 */
export const BOOKMAKER_PREFIXES: Readonly<Record<string, string>> = {
  "1XB": "1xbet",
  B365: "bet365",
  BFD: "betfair",
  BFE: "betfair_exchange",
  BMGM: "betmgm",
  BS: "bluesquare",
  BV: "betvictor",
  BW: "bwin",
  CL: "coral",
  GB: "gamebookers",
  IW: "interwetten",
  LB: "ladbrokes",
  PS: "pinnacle",
  P: "pinnacle",
  SB: "sportingbet",
  SJ: "stanjames",
  SO: "sportingodds",
  SY: "stanleybet",
  VC: "vcbet",
  WH: "williamhill",
  Max: "market_max",
  Avg: "market_avg",
  BbMx: "betbrain_max",
  BbAv: "betbrain_avg",
};

/** Aggregate "bookmakers" (not a real book): the maximum and average prices across books. */
export const AGGREGATE_BOOKMAKERS: ReadonlySet<string> = new Set([
  "market_max",
  "market_avg",
  "betbrain_max",
  "betbrain_avg",
]);

const SELECTION_SUFFIXES: Readonly<Record<string, { market: Market; selection: Selection }>> = {
  H: { market: "1x2", selection: "home" },
  D: { market: "1x2", selection: "draw" },
  A: { market: "1x2", selection: "away" },
  ">2.5": { market: "ou25", selection: "over" },
  "<2.5": { market: "ou25", selection: "under" },
  AHH: { market: "ah", selection: "home" },
  AHA: { market: "ah", selection: "away" },
};

/** Columns holding the Asian-handicap line (home perspective) the AH prices refer to. */
export const AH_LINE_COLUMNS = {
  /** Opening/pre-match line of every book's AH prices (2019/20 on). */
  opening: "AHh",
  /** Line of the closing AH prices (`B365CAHH`, `PCAHH`, …). */
  closing: "AHCh",
  /** Betbrain's line for `BbMxAHH`/`BbAvAHH` (up to 2018/19). */
  betbrain: "BbAHh",
} as const;

/** Betbrain's sample sizes: how many books its max/average of each market was computed over. */
export const BETBRAIN_COUNT_COLUMNS: Readonly<Record<string, Market>> = {
  Bb1X2: "1x2",
  BbOU: "ou25",
  BbAH: "ah",
};

/** What one odds-related header column means. */
export type OddsColumn =
  | {
      kind: "price";
      bookmaker: string;
      market: Market;
      selection: Selection;
      closing: boolean;
      /** For AH prices: the column holding their line. */
      lineColumn: string | null;
    }
  | { kind: "ah-line" }
  | { kind: "betbrain-count"; market: Market };

const prefixAlternatives = Object.keys(BOOKMAKER_PREFIXES)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");
const suffixAlternatives = Object.keys(SELECTION_SUFFIXES)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join("|");
const PRICE_COLUMN = new RegExp(`^(${prefixAlternatives})(C?)(${suffixAlternatives})$`);
const AH_LINES: ReadonlySet<string> = new Set(Object.values(AH_LINE_COLUMNS));

/**
 * Classifies an odds column of any season: `<book>[C]<selection>` with the book prefixes above, the
 * optional `C` meaning closing odds (`B365CH`, `PSCH`, `PC>2.5`, `AvgCAHA`), the AH line columns and
 * Betbrain's sample-size columns. Returns undefined for columns that are not odds (the caller keeps
 * unknown ones as extras).
 */
export function classifyOddsColumn(name: string): OddsColumn | undefined {
  if (AH_LINES.has(name)) return { kind: "ah-line" };
  const count = BETBRAIN_COUNT_COLUMNS[name];
  if (count) return { kind: "betbrain-count", market: count };
  const m = PRICE_COLUMN.exec(name);
  if (!m) return undefined;
  const [, prefix, closingMark, suffix] = m as unknown as [string, string, string, string];
  const bookmaker = BOOKMAKER_PREFIXES[prefix];
  const sel = SELECTION_SUFFIXES[suffix];
  if (!bookmaker || !sel) return undefined;
  const closing = closingMark === "C";
  let lineColumn: string | null = null;
  if (sel.market === "ah") {
    lineColumn = prefix.startsWith("Bb")
      ? AH_LINE_COLUMNS.betbrain
      : closing
        ? AH_LINE_COLUMNS.closing
        : AH_LINE_COLUMNS.opening;
  }
  return { kind: "price", bookmaker, ...sel, closing, lineColumn };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
