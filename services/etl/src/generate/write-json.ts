/**
 * Writing generated files under one root: JSON with a trailing newline, recordings copied byte for
 * byte, parent directories created once each (a recursive mkdir per file dominated the run time).
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Writes files under `root`; paths are relative to it. */
export interface OutputWriter {
  /** `value` as JSON, compact or (when `pretty`) 2-space indented. */
  json(rel: string, value: unknown, pretty?: boolean): void;
  /** Copies a recording unchanged. */
  copy(from: string, rel: string): void;
  /** Files written so far. */
  readonly count: number;
}

/** A writer rooted at `root`. */
export function createOutputWriter(root: string): OutputWriter {
  const made = new Set<string>();
  let count = 0;
  const target = (rel: string) => {
    const file = path.join(root, rel);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    count++;
    return file;
  };
  return {
    json: (rel, value, pretty = false) =>
      writeFileSync(target(rel), `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`),
    copy: (from, rel) => copyFileSync(from, target(rel)),
    get count() {
      return count;
    },
  };
}
