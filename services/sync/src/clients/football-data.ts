import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import {
  createHttpClient,
  HttpStatusError,
  NonRetryableError,
  SECOND,
  type HttpClient,
} from "@matchday/shared";
import { assertFootballDataCsv } from "../domain/csv-text.js";
import { assertSeasonCode } from "@matchday/shared";

/** Where football-data.co.uk publishes season files: `<base><season>/<league>.csv`. */
export const DEFAULT_FOOTBALL_DATA_URL = "https://www.football-data.co.uk/mmz4281/";

/** The leagues followed unless configured otherwise (`SYNC_LEAGUES`). */
export const DEFAULT_LEAGUES = ["E0", "E1", "SP1", "D1", "I1", "F1"] as const;

/** A downloaded file: its bytes exactly as served, and where they came from (URL or path). */
export interface FetchedFile {
  body: Buffer;
  origin: string;
}

/**
 * Where football-data files come from: the website (`createHttpFootballDataSource`) or a directory
 * laid out like the recorded data (`createDirectoryFootballDataSource`). Both check that the body is
 * a football-data CSV before returning it, and throw `NonRetryableError`s for what no retry fixes.
 */
export interface FootballDataSource {
  /** For logs: `http <base>` or `dir <path>`. */
  name: string;
  /**
   * The results file of one league and season.
   * @throws SeasonNotPublishedError when there is no such file (404, missing file).
   * @throws CsvFormatError when the body is HTML or otherwise not CSV.
   */
  fetchSeason(league: string, season: string, signal?: AbortSignal): Promise<FetchedFile>;
  /** The current `fixtures.csv` (upcoming matches of every league). */
  fetchFixtures(signal?: AbortSignal): Promise<FetchedFile>;
}

/** A season file (or fixtures file) that does not exist at the source: not published yet, or never. */
export class SeasonNotPublishedError extends NonRetryableError {
  override name = "SeasonNotPublishedError";
  constructor(
    message: string,
    readonly origin: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const LEAGUE_CODE = /^[A-Z0-9]{1,5}$/i;

/** Throws a `NonRetryableError` for a league code that cannot be a football-data file name. */
export function assertLeagueCode(league: string): void {
  if (!LEAGUE_CODE.test(league)) {
    throw new NonRetryableError(`invalid league code "${league}": expected e.g. E0, SP1`);
  }
}

export interface HttpFootballDataSourceOptions {
  /** Season files live at `<baseUrl><season>/<league>.csv`. Default `DEFAULT_FOOTBALL_DATA_URL`. */
  baseUrl?: string;
  /** Default: `fixtures.csv` one level above `baseUrl`, where the website keeps it. */
  fixturesUrl?: string;
  /** Per-attempt timeout (ms). */
  timeoutMs: number;
  /** Attempts per file, the first included (timeouts, network errors, 429 and 5xx retry). Default 4. */
  maxAttempts?: number;
  /** First retry delay (ms), doubling with jitter up to `maxRetryDelayMs`. Default 2 s. */
  retryDelayMs?: number;
  /** Default 30 s. */
  maxRetryDelayMs?: number;
  /** Politeness: at least this long (ms) between two requests' starts. Default 2 s. */
  minIntervalMs?: number;
  /** Default `matchday-sync/0.1 (+football results sync; polite, cached)`. */
  userAgent?: string;
  onRetry?: (info: { url: string; attempt: number; delayMs: number; reason: string }) => void;
  /** For deterministic jitter in tests. */
  random?: () => number;
}

/**
 * The football-data.co.uk website (or a mirror with its layout) over HTTP, on the shared HTTP client:
 * timeouts, jittered retries on timeouts/5xx/429 (honouring `Retry-After`), one request at a time
 * with a minimum interval, and a User-Agent. A 404 means the season is not published yet and is not
 * retried; an HTML page (a login wall, an error page served with 200) or any other non-CSV body is a
 * `CsvFormatError`, so nothing gets written from it.
 */
export function createHttpFootballDataSource(
  options: HttpFootballDataSourceOptions,
): FootballDataSource {
  const baseUrl = withTrailingSlash(options.baseUrl ?? DEFAULT_FOOTBALL_DATA_URL);
  const fixturesUrl = options.fixturesUrl ?? new URL("../fixtures.csv", baseUrl).toString();
  const http: HttpClient = createHttpClient({
    baseUrl,
    userAgent: options.userAgent ?? "matchday-sync/0.1 (+football results sync; polite, cached)",
    timeoutMs: options.timeoutMs,
    maxAttempts: options.maxAttempts ?? 4,
    retryDelayMs: options.retryDelayMs ?? 2 * SECOND,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 30 * SECOND,
    maxRetryAfterMs: 60 * SECOND,
    minIntervalMs: options.minIntervalMs ?? 2 * SECOND,
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    ...(options.random ? { random: options.random } : {}),
  });

  async function download(url: string, notFound: string, signal?: AbortSignal) {
    try {
      const res = await http.get(url, {
        accept: "text/csv, text/plain;q=0.9, */*;q=0.1",
        ...(signal ? { signal } : {}),
      });
      assertFootballDataCsv(res.body, res.url);
      return { body: res.body, origin: res.url };
    } catch (err) {
      if (err instanceof HttpStatusError && err.status === 404) {
        throw new SeasonNotPublishedError(notFound, url, { cause: err });
      }
      throw err;
    }
  }

  return {
    name: `http ${baseUrl}`,
    async fetchSeason(league, season, signal) {
      assertLeagueCode(league);
      assertSeasonCode(season);
      const url = new URL(`${season}/${league}.csv`, baseUrl).toString();
      return download(url, `season ${season} of ${league} is not published at ${url}`, signal);
    },
    async fetchFixtures(signal) {
      return download(fixturesUrl, `no fixtures file at ${fixturesUrl}`, signal);
    },
  };
}

/**
 * A directory laid out like the recorded data (`../shared/data/football-data`): season files at
 * `<dir>/<season>/<league>.csv`; fixtures at `<dir>/fixtures.csv`, else the newest
 * `<dir>/fixtures/fixtures_<YYYY-MM-DD>.csv`. A missing file is a `SeasonNotPublishedError`.
 */
export function createDirectoryFootballDataSource(dir: string): FootballDataSource {
  const root = path.resolve(dir);

  async function load(file: string, notFound: string, signal?: AbortSignal): Promise<FetchedFile> {
    signal?.throwIfAborted();
    let body: Buffer;
    try {
      body = await readFile(file, signal ? { signal } : {});
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        throw new SeasonNotPublishedError(notFound, file, { cause: err });
      }
      throw err;
    }
    assertFootballDataCsv(body, file);
    return { body, origin: file };
  }

  return {
    name: `dir ${root}`,
    async fetchSeason(league, season, signal) {
      assertLeagueCode(league);
      assertSeasonCode(season);
      const file = path.join(root, season, `${league}.csv`);
      return load(file, `season ${season} of ${league} is not available: no file ${file}`, signal);
    },
    async fetchFixtures(signal) {
      const file = (await newestFixturesFile(root)) ?? path.join(root, "fixtures.csv");
      return load(
        file,
        `no fixtures file in ${root} (fixtures.csv or fixtures/fixtures_*.csv)`,
        signal,
      );
    },
  };
}

/** `<root>/fixtures.csv` when present, else the newest `<root>/fixtures/fixtures_*.csv` (by name). */
async function newestFixturesFile(root: string): Promise<string | undefined> {
  const names = async (d: string) => readdir(d).catch(() => [] as string[]);
  if ((await names(root)).includes("fixtures.csv")) return path.join(root, "fixtures.csv");
  const dated = (await names(path.join(root, "fixtures")))
    .filter((n) => /^fixtures_.*\.csv$/.test(n))
    .sort();
  const newest = dated.at(-1);
  return newest === undefined ? undefined : path.join(root, "fixtures", newest);
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
