import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port")),
      );
    });
  });
}

export const NATS_INSTALL_HINT =
  "nats-server not found on PATH: install it (Debian/Ubuntu: apt-get install nats-server; macOS: brew install nats-server; or a release from the NATS project) or set NATS_URL to a running server with JetStream";

export interface EmbeddedNats {
  url: string;
  port: number;
  storeDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Whether `nats-server` can be run. */
export function hasNatsServer(): boolean {
  return spawnSync("nats-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * Where `matchday up` leaves the URL of the nats-server it started (on a free port), so that the CLI
 * run against the same data directory without NATS_URL finds it. Removed when `up` stops.
 */
export function embeddedNatsUrlFile(dataDir: string): string {
  return path.join(dataDir, "nats", "url");
}

/** The URL `matchday up` left in `dataDir`, if one is running there. */
export function readEmbeddedNatsUrl(dataDir: string): string | undefined {
  try {
    return readFileSync(embeddedNatsUrlFile(dataDir), "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts `nats-server -js` from PATH on 127.0.0.1 with its store in `storeDir` and waits until it
 * accepts connections. Used by `matchday up` without NATS_URL, and by tests that restart NATS.
 */
export async function startEmbeddedNats(opts: {
  storeDir: string;
  port?: number;
}): Promise<EmbeddedNats> {
  if (!hasNatsServer()) throw new Error(NATS_INSTALL_HINT);
  mkdirSync(opts.storeDir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const child = spawn(
    "nats-server",
    ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", path.resolve(opts.storeDir)],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const ready = await new Promise<boolean>((resolve) => {
    const started = Date.now();
    const probe = () => {
      if (child.exitCode !== null) return resolve(false);
      if (/Server is ready/.test(stderr)) return resolve(true);
      if (Date.now() - started > 15_000) return resolve(false);
      setTimeout(probe, 50);
    };
    probe();
  });
  if (!ready) {
    child.kill("SIGKILL");
    throw new Error(
      `nats-server did not start on port ${port}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`,
    );
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir: opts.storeDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
