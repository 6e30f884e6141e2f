/** A counting semaphore: `acquire` resolves when one of `size` permits is free. */
export class Semaphore {
  private used = 0;
  private waiters: (() => void)[] = [];
  constructor(readonly size: number) {}

  get free(): number {
    return this.size - this.used;
  }

  get inUse(): number {
    return this.used;
  }

  /** Waits until at least one permit is free, without taking it. */
  async waitFree(): Promise<void> {
    while (this.used >= this.size) await new Promise<void>((r) => this.waiters.push(r));
  }

  take(): void {
    this.used++;
  }

  release(): void {
    this.used--;
    // Wake everyone: waiters re-check their own condition (free permit, or idle).
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when no permit is in use. */
  async idle(): Promise<void> {
    while (this.used > 0) await new Promise<void>((r) => this.waiters.push(r));
  }
}
