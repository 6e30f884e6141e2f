import type { Table } from "./table.js";

/** A target from an issue, checked against a measured figure (informational: never fails the run). */
export interface TargetCheck {
  /** What is checked, e.g. "runtime without recording ≥ 0.7× bare throughput". */
  name: string;
  /** The measured figure, formatted with its unit. */
  measured: string;
  pass: boolean;
}

/** What a suite hands back to the runner: its tables and its target checks. */
export interface SuiteReport {
  tables: Table[];
  checks: TargetCheck[];
}

/**
 * One named benchmark in `pnpm bench [name…]`. `run` owns its infrastructure (fresh namespaces and
 * databases) and cleans it up; it throws only when it could not measure (that is a crash).
 */
export interface BenchSuite {
  name: string;
  description: string;
  run(log: (line: string) => void): Promise<SuiteReport>;
}

/** A check that `measured` is at least `min`. */
export function atLeast(
  name: string,
  measured: number,
  min: number,
  unit: string,
  digits = 0,
): TargetCheck {
  return { name, measured: `${measured.toFixed(digits)}${unit}`, pass: measured >= min };
}

/** A check that `measured` is at most `max`. */
export function atMost(
  name: string,
  measured: number,
  max: number,
  unit: string,
  digits = 0,
): TargetCheck {
  return { name, measured: `${measured.toFixed(digits)}${unit}`, pass: measured <= max };
}
