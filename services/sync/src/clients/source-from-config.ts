import type { SyncConfig } from "../config.js";
import {
  createDirectoryFootballDataSource,
  createHttpFootballDataSource,
  type FootballDataSource,
} from "./football-data.js";

/** The football-data.co.uk site root: season files under `mmz4281/`, `fixtures.csv` at the root. */
export const DEFAULT_FOOTBALL_DATA_SITE = "https://www.football-data.co.uk/";

/** The configuration that picks and tunes the source. */
export type SourceConfig = Pick<
  SyncConfig,
  | "FOOTBALL_DATA_URL"
  | "FOOTBALL_DATA_DIR"
  | "FOOTBALL_DATA_TIMEOUT_MS"
  | "FOOTBALL_DATA_MIN_INTERVAL_MS"
>;

/**
 * The source the configuration names: the directory FOOTBALL_DATA_DIR when set, else the site at
 * FOOTBALL_DATA_URL (default `DEFAULT_FOOTBALL_DATA_SITE`), season files at
 * `<url>mmz4281/<season>/<league>.csv` and upcoming matches at `<url>fixtures.csv`, with the
 * configured per-attempt timeout and minimum interval between requests (both in milliseconds).
 * `SyncConfig` refuses both variables set at once, so the choice here is never a silent preference.
 */
export function footballDataSourceFromConfig(config: SourceConfig): FootballDataSource {
  if (config.FOOTBALL_DATA_DIR !== undefined) {
    return createDirectoryFootballDataSource(config.FOOTBALL_DATA_DIR);
  }
  const site = new URL(config.FOOTBALL_DATA_URL ?? DEFAULT_FOOTBALL_DATA_SITE);
  if (!site.pathname.endsWith("/")) site.pathname += "/";
  return createHttpFootballDataSource({
    baseUrl: new URL("mmz4281/", site).toString(),
    fixturesUrl: new URL("fixtures.csv", site).toString(),
    timeoutMs: config.FOOTBALL_DATA_TIMEOUT_MS,
    minIntervalMs: config.FOOTBALL_DATA_MIN_INTERVAL_MS,
  });
}
