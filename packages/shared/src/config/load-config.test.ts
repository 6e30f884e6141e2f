import { describe, expect, it } from "vitest";
import { BaseConfig } from "./base-config.js";
import { ConfigError, parseConfig } from "./load-config.js";

describe("config", () => {
  it("config - defaults apply and values are typed", () => {
    const c = parseConfig(BaseConfig, {
      NATS_URL: "nats://127.0.0.1:4222",
      SHUTDOWN_GRACE_MS: "5000",
      MATCHDAY_RECORD_RUNS: "false",
      MATCHDAY_NOW: "2024-04-05T00:00:00Z",
    });
    expect(c.SHUTDOWN_GRACE_MS).toBe(5000);
    expect(c.MATCHDAY_RECORD_RUNS).toBe(false);
    expect(c.MATCHDAY_NOW).toEqual(new Date("2024-04-05T00:00:00Z"));
    expect(c.LOG_LEVEL).toBe("info");
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("config - every bad variable is reported on its own line", () => {
    let err: unknown;
    try {
      parseConfig(BaseConfig, {
        DATABASE_URL: "mysql://x",
        LOG_LEVEL: "loud",
        SHUTDOWN_GRACE_MS: "soon",
        MATCHDAY_RECORD_RUNS: "maybe",
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const lines = (err as ConfigError).message.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^config error: DATABASE_URL: expected postgres:\/\/… \(got "mysql:\/\/x"\)$/,
    );
    expect(lines.some((l) => l.startsWith("config error: LOG_LEVEL:"))).toBe(true);
    expect(lines.some((l) => l.startsWith("config error: SHUTDOWN_GRACE_MS:"))).toBe(true);
    expect(
      lines.some((l) => l.startsWith("config error: MATCHDAY_RECORD_RUNS: expected true or false")),
    ).toBe(true);
  });
});
