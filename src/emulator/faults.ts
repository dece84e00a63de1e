/**
 * Fault injection for tests and benchmarks: answer a share of `/_api` requests with 429
 * (throttled) or 503 (busy), both with `Retry-After`, as SharePoint Online does under
 * load. The random numbers come from a seeded generator so a test run is repeatable.
 */

/** Share of requests (0–1) answered with each status, e.g. `{ 429: 0.1, 503: 0.05 }`. */
export type FaultRates = Partial<Record<429 | 503, number>>;

/** `429:0.1,503:0.05` → `{ 429: 0.1, 503: 0.05 }`; throws with the expected form on anything else. */
export function parseFaults(text: string): FaultRates {
  const rates: FaultRates = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(429|503):(\d*\.?\d+)$/.exec(part);
    const rate = match ? Number(match[2]) : NaN;
    if (!match || rate > 1) throw new Error(`Cannot read the fault '${part}': write status:share, e.g. --faults 429:0.1,503:0.05 (shares between 0 and 1).`);
    rates[Number(match[1]) as 429 | 503] = rate;
  }
  return rates;
}

/** Checks rates from the JS API or `POST /_emulator/faults`. */
export function validateFaults(rates: unknown): FaultRates {
  if (!rates || typeof rates !== 'object') throw new Error('Faults must be an object such as { "429": 0.1, "503": 0.05 }.');
  const out: FaultRates = {};
  for (const [key, value] of Object.entries(rates)) {
    if (key === 'seed') continue;
    if ((key !== '429' && key !== '503') || typeof value !== 'number' || value < 0 || value > 1) {
      throw new Error(`Cannot use the fault ${key}: ${JSON.stringify(value)}; use "429" or "503" with a share between 0 and 1.`);
    }
    out[Number(key) as 429 | 503] = value;
  }
  return out;
}

/** A small, fast, seedable PRNG (mulberry32): deterministic fault sequences per seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides, per request, whether to inject a fault. */
export class FaultInjector {
  private random: () => number;

  constructor(
    private rates: FaultRates = {},
    seed = 1,
  ) {
    this.random = seededRandom(seed);
  }

  set(rates: FaultRates, seed?: number): void {
    this.rates = rates;
    if (seed !== undefined) this.random = seededRandom(seed);
  }

  get current(): FaultRates {
    return { ...this.rates };
  }

  /** 429, 503 or null for this request. */
  pick(): 429 | 503 | null {
    const r429 = this.rates[429] ?? 0;
    const r503 = this.rates[503] ?? 0;
    if (r429 === 0 && r503 === 0) return null;
    const roll = this.random();
    if (roll < r429) return 429;
    if (roll < r429 + r503) return 503;
    return null;
  }
}
