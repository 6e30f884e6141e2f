import { describe, expect, it } from "vitest";
import { parseConfig } from "@matchday/shared";
import { SYNC_CONFIG_KEYS, SyncConfig } from "./config.js";

describe("sync config", () => {
  it("config - defaults: the six leagues, five history seasons, 30 s timeout, 1 s between requests, no source variable", () => {
    const c = parseConfig(SyncConfig, {});
    expect(c).toMatchObject({
      SYNC_LEAGUES: ["E0", "E1", "SP1", "D1", "I1", "F1"],
      SYNC_HISTORY_SEASONS: 5,
      FOOTBALL_DATA_TIMEOUT_MS: 30_000,
      FOOTBALL_DATA_MIN_INTERVAL_MS: 1_000,
    });
    expect(c.FOOTBALL_DATA_URL).toBeUndefined();
    expect(c.FOOTBALL_DATA_DIR).toBeUndefined();
    expect(c.SYNC_SEASON).toBeUndefined();
  });

  it("config - empty variables (compose writes VAR=) count as unset", () => {
    const c = parseConfig(SyncConfig, {
      SYNC_LEAGUES: "",
      SYNC_HISTORY_SEASONS: "",
      SYNC_SEASON: "",
      FOOTBALL_DATA_URL: "",
      FOOTBALL_DATA_DIR: "",
      FOOTBALL_DATA_TIMEOUT_MS: "",
      FOOTBALL_DATA_MIN_INTERVAL_MS: "",
    });
    expect(c.SYNC_LEAGUES).toHaveLength(6);
    expect(c.SYNC_HISTORY_SEASONS).toBe(5);
    expect(c.FOOTBALL_DATA_URL).toBeUndefined();
  });

  it("config - reads leagues, a pinned season and the source", () => {
    const c = parseConfig(SyncConfig, {
      SYNC_LEAGUES: "SP1, E0",
      SYNC_SEASON: "2324",
      SYNC_HISTORY_SEASONS: "3",
      FOOTBALL_DATA_URL: "http://127.0.0.1:8080/mirror/",
      FOOTBALL_DATA_MIN_INTERVAL_MS: "0",
    });
    expect(c).toMatchObject({
      SYNC_LEAGUES: ["SP1", "E0"],
      SYNC_SEASON: "2324",
      SYNC_HISTORY_SEASONS: 3,
      FOOTBALL_DATA_URL: "http://127.0.0.1:8080/mirror/",
      FOOTBALL_DATA_MIN_INTERVAL_MS: 0,
    });
  });

  it("config - FOOTBALL_DATA_URL with FOOTBALL_DATA_DIR is refused in one line naming both", () => {
    let message = "";
    try {
      parseConfig(SyncConfig, {
        FOOTBALL_DATA_URL: "https://example.org/",
        FOOTBALL_DATA_DIR: "/data",
      });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(
      /^config error: FOOTBALL_DATA_DIR: FOOTBALL_DATA_URL and FOOTBALL_DATA_DIR are both set/,
    );
  });

  it("config - refuses bad leagues, seasons, counts and URLs, naming each variable", () => {
    const bad = (env: Record<string, string>) => {
      try {
        parseConfig(SyncConfig, env);
        return "";
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(bad({ SYNC_LEAGUES: "E0,premier" })).toMatch(/SYNC_LEAGUES\.1: expected a league code/);
    expect(bad({ SYNC_LEAGUES: "E0,E0" })).toMatch(/SYNC_LEAGUES: a league is listed twice/);
    expect(bad({ SYNC_LEAGUES: " , " })).toMatch(/SYNC_LEAGUES: expected at least one league code/);
    expect(bad({ SYNC_SEASON: "2325" })).toMatch(
      /SYNC_SEASON: a season code names two consecutive years/,
    );
    expect(bad({ SYNC_HISTORY_SEASONS: "0" })).toMatch(/SYNC_HISTORY_SEASONS/);
    expect(bad({ FOOTBALL_DATA_URL: "ftp://example.org/" })).toMatch(
      /FOOTBALL_DATA_URL: expected an http\(s\) URL/,
    );
    expect(bad({ FOOTBALL_DATA_TIMEOUT_MS: "0" })).toMatch(/FOOTBALL_DATA_TIMEOUT_MS/);
  });

  it("config - lists exactly the sync service's own variables", () => {
    expect([...SYNC_CONFIG_KEYS].sort()).toEqual([
      "FOOTBALL_DATA_DIR",
      "FOOTBALL_DATA_MIN_INTERVAL_MS",
      "FOOTBALL_DATA_TIMEOUT_MS",
      "FOOTBALL_DATA_URL",
      "SYNC_HISTORY_SEASONS",
      "SYNC_LEAGUES",
      "SYNC_SEASON",
    ]);
  });
});
