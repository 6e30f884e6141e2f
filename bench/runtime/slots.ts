/**
 * Per-process concurrency bound of the bare baseline: `size` slots, taken when a message is handed
 * to its handler and released when it is settled. (The runtime has its own semaphore, which it
 * does not export; the baseline must not lean on runtime code anyway.)
 */
export class Slots {
  private used = 0;
  private waiters: (() => void)[] = [];
  constructor(readonly size: number) {}

  get free(): number {
    return this.size - this.used;
  }

  /** Waits until a slot is free, without taking it. */
  async waitFree(): Promise<void> {
    while (this.used >= this.size) await new Promise<void>((r) => this.waiters.push(r));
  }

  take(): void {
    this.used++;
  }

  release(): void {
    this.used--;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when every slot is free. */
  async idle(): Promise<void> {
    while (this.used > 0) await new Promise<void>((r) => this.waiters.push(r));
  }
}
