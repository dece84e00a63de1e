/** Counts the HTTP requests this process makes through fetch (PnPjs uses global fetch). */
export function countFetches(): { count(): number; reset(): void; restore(): void } {
  const original = globalThis.fetch;
  let n = 0;
  globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
    n += 1;
    return original(...args);
  }) as typeof fetch;
  return { count: () => n, reset: () => { n = 0; }, restore: () => { globalThis.fetch = original; } };
}

/** The p-th percentile (0–100) of some timings. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
