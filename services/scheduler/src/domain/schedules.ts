import * as z from "zod";

import { InvalidTimezoneError } from "@matchday/shared";
import { InvalidCronError, ScheduleConfigError } from "./errors.js";
import type { ScheduleConfigIssue } from "./errors.js";
import { compileCron } from "./slots.js";
import type { CompiledCron } from "./slots.js";

/**
 * What to do with slots that passed while no scheduler ran (or while its timer was late):
 * `skip` fires none, `once` fires the latest one, `all` fires each, up to a cap (the latest ones).
 * Fired slots are marked `catch_up`.
 */
export const MisfirePolicy = z.enum(["skip", "once", "all"]);
export type MisfirePolicy = z.infer<typeof MisfirePolicy>;

/** `skip`: do not publish a tick while the task's previous run is still running; record a skip. */
export const OverlapPolicy = z.enum(["allow", "skip"]);
export type OverlapPolicy = z.infer<typeof OverlapPolicy>;

/** The default misfire policy: one catch-up run covers an outage. */
export const DEFAULT_MISFIRE_POLICY: MisfirePolicy = "once";
/** The default cap of `misfire: "all"`: a day of an hourly job. */
export const DEFAULT_MISFIRE_CAP = 24;

/** `"once"`, or `{ "policy": "all", "cap": 48 }`. */
export const MisfireSpec = z.union([
  MisfirePolicy,
  z.strictObject({ policy: MisfirePolicy, cap: z.int().min(1).max(10_000).optional() }),
]);
export type MisfireSpec = z.infer<typeof MisfireSpec>;

/**
 * One schedule, as the task catalog declares it and as `MATCHDAY_SCHEDULES` (a JSON array of these)
 * adds it. `cron` has 5 fields, or 6 with seconds first; `timezone` is an IANA name; `payload`
 * defaults to `{}` and must pass the task's payload schema.
 */
export const ScheduleEntry = z.strictObject({
  id: z.string().min(1),
  task: z.string().min(1),
  cron: z.string().min(1),
  timezone: z.string().min(1),
  payload: z.unknown().optional(),
  enabled: z.boolean().optional(),
  misfire: MisfireSpec.optional(),
  overlap: OverlapPolicy.optional(),
});
export type ScheduleEntry = z.infer<typeof ScheduleEntry>;

/**
 * An operator's override: an entry whose `id` matches a default patches it (only the fields given;
 * `payload` is replaced whole), `enabled: false` disables it, and a new `id` adds a schedule (then
 * `task`, `cron` and `timezone` are required).
 */
export const ScheduleOverride = ScheduleEntry.partial().required({ id: true });
export type ScheduleOverride = z.infer<typeof ScheduleOverride>;

/** The contents of the `MATCHDAY_SCHEDULES` file. */
export const ScheduleOverrides = z.array(z.unknown());

/** A schedule ready for the engine: validated, defaults applied, cron compiled. */
export interface ResolvedSchedule {
  id: string;
  task: string;
  cron: string;
  timezone: string;
  /** The task payload after its schema's parse (schema defaults applied). */
  payload: unknown;
  enabled: boolean;
  misfire: { policy: MisfirePolicy; cap: number };
  overlap: OverlapPolicy;
  compiled: CompiledCron;
  /** Where it came from, for the listing: the catalog, the override file, or both. */
  origin: "default" | "override" | "default+override";
}

/** What the scheduler needs to know of a task: its payload schema. */
export interface TaskLookupResult {
  payload: z.ZodType;
  /** The task's overlap policy for schedules that name none (the catalog's `scheduleOverlap`). */
  overlap?: OverlapPolicy;
}

function zodMessage(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

function idOf(raw: unknown, fallback: string): string {
  if (typeof raw === "object" && raw !== null && "id" in raw) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === "string" && id !== "") return id;
  }
  return fallback;
}

/**
 * Merges the catalog's default schedules with the operator's overrides (the parsed JSON of the
 * `MATCHDAY_SCHEDULES` file, or `undefined` when there is none) and validates every entry.
 * Disabled entries are returned too (`enabled: false`, still validated, so a typo is caught before
 * someone re-enables it); the engine arms only enabled ones.
 *
 * @throws ScheduleConfigError listing every bad entry by id: malformed entry, duplicate id, new id
 *   without task/cron/timezone, unknown task, invalid cron, unknown zone, payload refused by the
 *   task's schema (with the zod message).
 */
export function resolveSchedules(
  defaults: readonly ScheduleEntry[],
  overrides: unknown,
  lookupTask: (name: string) => TaskLookupResult | undefined,
): ResolvedSchedule[] {
  const issues: ScheduleConfigIssue[] = [];
  const merged = new Map<string, { entry: ScheduleOverride; origin: ResolvedSchedule["origin"] }>();

  defaults.forEach((raw, index) => {
    const parsed = ScheduleEntry.safeParse(raw);
    const id = idOf(raw, `default #${index}`);
    if (!parsed.success) return void issues.push({ id, message: zodMessage(parsed.error) });
    if (merged.has(id)) return void issues.push({ id, message: "duplicate id in the defaults" });
    merged.set(id, { entry: parsed.data, origin: "default" });
  });

  if (overrides !== undefined && overrides !== null) {
    const list = ScheduleOverrides.safeParse(overrides);
    if (!list.success) {
      issues.push({
        id: "MATCHDAY_SCHEDULES",
        message: "expected a JSON array of schedule entries",
      });
    } else {
      const seen = new Set<string>();
      list.data.forEach((raw, index) => {
        const id = idOf(raw, `override #${index}`);
        const parsed = ScheduleOverride.safeParse(raw);
        if (!parsed.success) return void issues.push({ id, message: zodMessage(parsed.error) });
        if (seen.has(id)) return void issues.push({ id, message: "duplicate id in the overrides" });
        seen.add(id);
        const base = merged.get(id);
        if (base) {
          merged.set(id, { entry: { ...base.entry, ...parsed.data }, origin: "default+override" });
        } else {
          merged.set(id, { entry: parsed.data, origin: "override" });
        }
      });
    }
  }

  const resolved: ResolvedSchedule[] = [];
  for (const [id, { entry, origin }] of merged) {
    const entryIssues: string[] = [];
    const { task, cron, timezone } = entry;
    if (task === undefined || cron === undefined || timezone === undefined) {
      const missing = (["task", "cron", "timezone"] as const).filter((k) => entry[k] === undefined);
      issues.push({ id, message: `a new schedule needs ${missing.join(", ")}` });
      continue;
    }
    const def = lookupTask(task);
    if (!def) entryIssues.push(`unknown task "${task}"`);
    let compiled: CompiledCron | undefined;
    try {
      compiled = compileCron(cron, timezone);
    } catch (err) {
      if (err instanceof InvalidCronError || err instanceof InvalidTimezoneError) {
        entryIssues.push(err.message);
      } else {
        throw err;
      }
    }
    let payload: unknown;
    if (def) {
      const result = def.payload.safeParse(entry.payload ?? {});
      if (result.success) payload = result.data;
      else entryIssues.push(`payload refused by task "${task}": ${zodMessage(result.error)}`);
    }
    if (entryIssues.length > 0 || !compiled) {
      issues.push({ id, message: entryIssues.join("; ") });
      continue;
    }
    const misfire = entry.misfire ?? DEFAULT_MISFIRE_POLICY;
    resolved.push({
      id,
      task,
      cron: compiled.expression,
      timezone,
      payload,
      enabled: entry.enabled ?? true,
      misfire:
        typeof misfire === "string"
          ? { policy: misfire, cap: DEFAULT_MISFIRE_CAP }
          : { policy: misfire.policy, cap: misfire.cap ?? DEFAULT_MISFIRE_CAP },
      overlap: entry.overlap ?? def?.overlap ?? "allow",
      compiled,
      origin,
    });
  }
  if (issues.length > 0) throw new ScheduleConfigError(issues);
  return resolved;
}
