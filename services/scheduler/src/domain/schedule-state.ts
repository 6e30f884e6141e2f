/**
 * Where the scheduler keeps, per schedule, the last fired slot and whether it is paused. The lead's
 * adapter backs it with a NATS KV bucket (`revision` = the KV entry's revision, compare-and-set =
 * `kv.update(key, value, revision)` or `kv.create` when there is no entry yet); tests and
 * single-process runs use {@link createInMemoryScheduleState}, which several engines may share to
 * simulate replicas.
 */
export interface ScheduleState {
  /**
   * The last fired slot (UTC ISO, `2026-11-23T04:00:00Z`) and its revision, or nulls when the
   * schedule has never fired.
   */
  get(scheduleId: string): Promise<{ lastFired: string | null; revision: number | null }>;
  /**
   * Writes `slotIso` as the last fired slot if the stored revision is still `expectedRevision`
   * (`null`: only if there is no entry yet). Resolves false on a conflict, never throws for one.
   */
  compareAndSet(
    scheduleId: string,
    slotIso: string,
    expectedRevision: number | null,
  ): Promise<boolean>;
  /** Whether an operator paused the schedule (pause state is written by the CLI, not the engine). */
  isPaused(scheduleId: string): Promise<boolean>;
}

/** The in-memory {@link ScheduleState}, plus the operator's pause switch and a test hook. */
export interface InMemoryScheduleState extends ScheduleState {
  setPaused(scheduleId: string, paused: boolean): void;
  /** Sets the last fired slot directly (a scheduler that ran before), bumping the revision. */
  seed(scheduleId: string, slotIso: string): void;
  /** How many compare-and-set calls lost (a sign several replicas raced), for tests and metrics. */
  readonly conflicts: number;
}

export function createInMemoryScheduleState(): InMemoryScheduleState {
  const entries = new Map<string, { lastFired: string; revision: number }>();
  const paused = new Set<string>();
  let revisions = 0;
  let conflicts = 0;
  return {
    get conflicts() {
      return conflicts;
    },
    async get(scheduleId) {
      const e = entries.get(scheduleId);
      return e ? { ...e } : { lastFired: null, revision: null };
    },
    async compareAndSet(scheduleId, slotIso, expectedRevision) {
      const current = entries.get(scheduleId)?.revision ?? null;
      if (current !== expectedRevision) {
        conflicts++;
        return false;
      }
      entries.set(scheduleId, { lastFired: slotIso, revision: ++revisions });
      return true;
    },
    async isPaused(scheduleId) {
      return paused.has(scheduleId);
    },
    setPaused(scheduleId, p) {
      if (p) paused.add(scheduleId);
      else paused.delete(scheduleId);
    },
    seed(scheduleId, slotIso) {
      entries.set(scheduleId, { lastFired: slotIso, revision: ++revisions });
    },
  };
}
