import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../config/data-dir.js";

export interface ServiceProcess {
  child: ChildProcess;
  /**
   * SIGKILL goes to the whole process group (tsx and the node process it runs); any other signal to
   * tsx alone, which relays it once to the service (a group signal would deliver it twice, and a
   * second SIGTERM means "exit now").
   */
  kill(signal: NodeJS.Signals): void;
  pid: number;
  logs: string[];
  exited: Promise<number | null>;
  /** Resolves when a log line matches. */
  waitForLog(re: RegExp, timeoutMs?: number): Promise<string>;
}

/** Starts a TypeScript entry point (tsx) as a child process with the given environment. */
export function startProcess(
  entry: string,
  env: Record<string, string>,
  args: string[] = [],
): ServiceProcess {
  const tsx = path.join(repoRoot, "node_modules/.bin/tsx");
  const child = spawn(tsx, [entry, ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const logs: string[] = [];
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    for (const l of d.toString().split("\n")) if (l.trim()) logs.push(l);
    listeners.forEach((f) => f());
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return {
    child,
    kill: (signal) => {
      try {
        if (signal === "SIGKILL") process.kill(-child.pid!, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    },
    pid: child.pid!,
    logs,
    exited,
    waitForLog(re, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = logs.find((l) => re.test(l));
          if (hit) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `no log line matching ${re} within ${timeoutMs} ms; last lines:\n${logs.slice(-8).join("\n")}`,
            ),
          );
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

/** The `matchday` CLI entry (run through tsx). */
export const CLI_ENTRY = path.join(repoRoot, "packages/cli/src/bin.ts");

/** Runs the CLI to completion: exit code, stdout, stderr. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(repoRoot, "node_modules/.bin/tsx");
    const child = spawn(tsx, [CLI_ENTRY, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `matchday ${args.join(" ")} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
