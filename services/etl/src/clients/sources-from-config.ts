import { sharedDataDir } from "@matchday/shared";
import path from "node:path";

import type { EtlConfig } from "../config.js";
import {
  DEFAULT_FPL_API_URL,
  DEFAULT_SOFASCORE_API_URL,
  DEFAULT_SOFASCORE_RAPIDAPI_URL,
} from "../config.js";
import { createDirectoryFplSource, createHttpFplSource, type FplSource } from "./fpl.js";
import { createDirectorySofaSource, createHttpSofaSource, type SofaSource } from "./sofascore.js";

/** The config keys the sources read. */
export type SourceConfig = Pick<
  EtlConfig,
  | "FPL_API_URL"
  | "FPL_DATA_DIR"
  | "SOFASCORE_API_URL"
  | "SOFASCORE_DATA_DIR"
  | "SOFASCORE_API_STYLE"
  | "SOFASCORE_API_KEY"
  | "ETL_MAPPINGS_DIR"
>;

/** FPL from `FPL_DATA_DIR` (a directory) or `FPL_API_URL` (default the live API). */
export function fplSourceFromConfig(config: SourceConfig): FplSource {
  if (config.FPL_DATA_DIR !== undefined) return createDirectoryFplSource(config.FPL_DATA_DIR);
  return createHttpFplSource({ baseUrl: config.FPL_API_URL ?? DEFAULT_FPL_API_URL });
}

/**
 * SofaScore from `SOFASCORE_DATA_DIR`, or over HTTP in `SOFASCORE_API_STYLE`; the RapidAPI style
 * sends `x-rapidapi-key` (the logger redacts that header) and `x-rapidapi-host` (the URL's host).
 */
export function sofaSourceFromConfig(config: SourceConfig): SofaSource {
  if (config.SOFASCORE_DATA_DIR !== undefined) {
    return createDirectorySofaSource(config.SOFASCORE_DATA_DIR);
  }
  if (config.SOFASCORE_API_STYLE === "rapidapi") {
    const baseUrl = config.SOFASCORE_API_URL ?? DEFAULT_SOFASCORE_RAPIDAPI_URL;
    return createHttpSofaSource({
      baseUrl,
      style: "rapidapi",
      headers: {
        "x-rapidapi-key": config.SOFASCORE_API_KEY ?? "",
        "x-rapidapi-host": new URL(baseUrl).host,
      },
    });
  }
  return createHttpSofaSource({
    baseUrl: config.SOFASCORE_API_URL ?? DEFAULT_SOFASCORE_API_URL,
    style: "api-v1",
  });
}

/**
 * The directory of `team_mapping.json` and `player_mapping.json`: `ETL_MAPPINGS_DIR`, else the
 * shared data pack's `sofascore/mappings` (resolved when first needed, so a service whose tasks
 * never read mappings starts without the data pack).
 */
export function mappingsDirFromConfig(config: SourceConfig): () => string {
  return () => config.ETL_MAPPINGS_DIR ?? path.join(sharedDataDir(), "sofascore", "mappings");
}
