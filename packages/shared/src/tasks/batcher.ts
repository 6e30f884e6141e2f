/**
 * Groups concurrent calls into one batched operation: the first call flushes on the next tick, and
 * calls made while flushes are in flight wait for the next one. At low load a call costs one
 * operation as before; under load one statement (and one commit) serves many calls.
 */
export class Batcher<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly flushBatch: (items: T[]) => Promise<R[]>,
    private readonly opts: { maxBatch: number; maxConcurrent: number },
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.opts.maxConcurrent || this.queue.length === 0)
      return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.opts.maxConcurrent || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.opts.maxBatch);
    this.inFlight++;
    try {
      const results = await this.flushBatch(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (err) {
      batch.forEach((b) => b.reject(err));
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
