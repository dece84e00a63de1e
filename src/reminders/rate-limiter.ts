/**
 * Spaces calls evenly so no more than `perSecond` start in any second. Callers queue in
 * order; each waits for its own slot (a simple, fair, single-process limiter).
 */
export class RateLimiter {
  private nextSlot = 0;
  private readonly intervalMs: number;

  constructor(perSecond: number, private readonly sleep: (ms: number) => Promise<void>, private readonly now: () => number = Date.now) {
    this.intervalMs = 1000 / perSecond;
  }

  /** Waits until the caller may start its request. */
  async take(): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await this.sleep(slot - now);
  }
}
