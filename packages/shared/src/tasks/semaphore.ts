/**
 * The slots of one task in one process. A slot is free, reserved (a pull asked for a message for
 * it), or in use (a message is being handled). `free` counts neither reserved nor used slots, so an
 * intake that asks only for free slots never receives more messages than it can run.
 */
export class Semaphore {
  private used = 0;
  private reserved = 0;
  private waiters: (() => void)[] = [];
  constructor(readonly size: number) {}

  get free(): number {
    return this.size - this.used - this.reserved;
  }

  /** Waits until at least one slot is free. */
  async waitFree(): Promise<void> {
    while (this.free <= 0) await new Promise<void>((r) => this.waiters.push(r));
  }

  /** Reserves `n` free slots for the messages a pull asks for. */
  reserve(n: number): void {
    this.reserved += n;
  }

  /** A reserved slot becomes used: its message arrived. */
  useReserved(): void {
    this.reserved--;
    this.used++;
  }

  /** Reserved slots that no message came for (the pull ended) are free again. */
  unreserve(n: number): void {
    if (n <= 0) return;
    this.reserved -= n;
    this.wake();
  }

  release(): void {
    this.used--;
    this.wake();
  }

  /** Resolves when no slot is in use. */
  async idle(): Promise<void> {
    while (this.used > 0) await new Promise<void>((r) => this.waiters.push(r));
  }

  private wake(): void {
    // Wake everyone: waiters re-check their own condition (a free slot, or idle).
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
