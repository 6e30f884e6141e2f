import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file is packages/shared/src/config/data-dir.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * Where the recorded real data lives: `MATCHDAY_SHARED_DATA` when given, else `../shared/data` beside
 * the repository. Returns undefined when neither exists.
 */
export function findSharedDataDir(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const candidates = [env.MATCHDAY_SHARED_DATA, path.resolve(repoRoot, "../shared/data")];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

/** Like `findSharedDataDir`, but fails with what to do when the data is not there. */
export function sharedDataDir(env: Record<string, string | undefined> = process.env): string {
  const dir = findSharedDataDir(env);
  if (!dir) {
    throw new Error(
      "recorded data not found: set MATCHDAY_SHARED_DATA to the shared data directory (default ../shared/data beside the repository)",
    );
  }
  return dir;
}
