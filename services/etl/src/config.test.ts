import { describe, expect, it } from "vitest";
import { parseConfig } from "@matchday/shared";
import { ETL_CONFIG_KEYS, EtlConfig } from "./config.js";

const problems = (env: Record<string, string>) => {
  try {
    parseConfig(EtlConfig, env);
    return [];
  } catch (err) {
    return (err as { problems: string[] }).problems;
  }
};

describe("EtlConfig", () => {
  it("etl config - defaults: the live APIs, the old system's heatmap rule, 900 radar minutes", () => {
    const c = parseConfig(EtlConfig, {});
    expect(c).toMatchObject({
      SOFASCORE_API_STYLE: "api-v1",
      HEATMAP_RULE: "any-of",
      RADAR_MIN_MINUTES: 900,
    });
    expect(c.ETL_SEASON).toBeUndefined();
  });

  it("etl config - refuses each contradiction with one line naming the variables", () => {
    expect(problems({ FPL_API_URL: "https://x.test/api/", FPL_DATA_DIR: "/d" })).toEqual([
      expect.stringMatching(
        /^config error: FPL_DATA_DIR: FPL_API_URL and FPL_DATA_DIR are both set/,
      ),
    ]);
    expect(problems({ SOFASCORE_API_URL: "https://x.test/", SOFASCORE_DATA_DIR: "/d" })).toEqual([
      expect.stringMatching(/SOFASCORE_API_URL and SOFASCORE_DATA_DIR are both set/),
    ]);
    expect(problems({ SOFASCORE_API_STYLE: "rapidapi" })).toEqual([
      expect.stringMatching(
        /SOFASCORE_API_KEY: SOFASCORE_API_STYLE=rapidapi needs SOFASCORE_API_KEY/,
      ),
    ]);
    expect(
      problems({
        SOFASCORE_API_STYLE: "rapidapi",
        SOFASCORE_DATA_DIR: "/d",
        SOFASCORE_API_KEY: "k",
      }),
    ).toEqual([expect.stringMatching(/rapidapi with SOFASCORE_DATA_DIR/)]);
    expect(problems({ SOFASCORE_API_KEY: "secret-key" })).toEqual([
      expect.stringMatching(/SOFASCORE_API_KEY is set but SOFASCORE_API_STYLE is api-v1/),
    ]);
    expect(problems({ ETL_SEASON: "2025-26", SOFASCORE_SEASON_ID: "12345" })).toEqual([
      expect.stringMatching(
        /SOFASCORE_SEASON_ID 12345 is not SofaScore's id of ETL_SEASON 2025-26 \(76986\)/,
      ),
    ]);
    expect(problems({ ETL_SEASON: "2023-24" })).toEqual([
      expect.stringMatching(/ETL_SEASON 2023-24 needs SOFASCORE_SEASON_ID/),
    ]);
    expect(problems({ SOFASCORE_SEASON_ID: "76986" })).toEqual([
      expect.stringMatching(/SOFASCORE_SEASON_ID is set without ETL_SEASON/),
    ]);
    expect(problems({ ETL_SEASON: "2025-27" })).toHaveLength(1);
    expect(problems({ HEATMAP_RULE: "everyone" })).toHaveLength(1);
    // Every problem is one line.
    expect(
      problems({
        FPL_API_URL: "https://x.test/",
        FPL_DATA_DIR: "/d",
        SOFASCORE_API_KEY: "k",
      }).every((p) => !p.includes("\n")),
    ).toBe(true);
  });

  it("etl config - accepts consistent settings, blanks count as unset", () => {
    const c = parseConfig(EtlConfig, {
      ETL_SEASON: "2025-26",
      SOFASCORE_SEASON_ID: "76986",
      SOFASCORE_API_STYLE: "rapidapi",
      SOFASCORE_API_KEY: "k",
      HEATMAP_RULE: "everyone-who-played",
      RADAR_MIN_MINUTES: "",
      FPL_DATA_DIR: "",
    });
    expect(c).toMatchObject({ SOFASCORE_SEASON_ID: 76986, RADAR_MIN_MINUTES: 900 });
    expect(c.FPL_DATA_DIR).toBeUndefined();
  });

  it("etl config - lists its own variables", () => {
    expect([...ETL_CONFIG_KEYS].sort()).toEqual([
      "ETL_MAPPINGS_DIR",
      "ETL_SEASON",
      "FPL_API_URL",
      "FPL_DATA_DIR",
      "HEATMAP_RULE",
      "RADAR_MIN_MINUTES",
      "SOFASCORE_API_KEY",
      "SOFASCORE_API_STYLE",
      "SOFASCORE_API_URL",
      "SOFASCORE_DATA_DIR",
      "SOFASCORE_SEASON_ID",
    ]);
  });
});
