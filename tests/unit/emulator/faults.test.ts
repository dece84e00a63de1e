import { FaultInjector, parseFaults, validateFaults } from '../../../src/emulator/faults';

describe('fault injection', () => {
  it('parses --faults 429:0.1,503:0.05', () => {
    expect(parseFaults('429:0.1,503:0.05')).toEqual({ 429: 0.1, 503: 0.05 });
  });

  it('refuses other statuses and shares over 1, showing the expected form', () => {
    expect(() => parseFaults('500:0.1')).toThrow('e.g. --faults 429:0.1,503:0.05');
    expect(() => parseFaults('429:1.5')).toThrow('between 0 and 1');
    expect(() => validateFaults({ 429: -1 })).toThrow('between 0 and 1');
  });

  it('injects about the configured share, the same sequence for the same seed', () => {
    const picks = (seed: number) => {
      const injector = new FaultInjector({ 429: 0.2, 503: 0.1 }, seed);
      return Array.from({ length: 2000 }, () => injector.pick());
    };
    const run = picks(11);
    expect(picks(11)).toEqual(run);
    expect(picks(12)).not.toEqual(run);
    const share429 = run.filter((s) => s === 429).length / run.length;
    const share503 = run.filter((s) => s === 503).length / run.length;
    expect(share429).toBeGreaterThan(0.15);
    expect(share429).toBeLessThan(0.25);
    expect(share503).toBeGreaterThan(0.06);
    expect(share503).toBeLessThan(0.14);
  });

  it('injects nothing without rates', () => {
    const injector = new FaultInjector();
    expect(Array.from({ length: 100 }, () => injector.pick()).every((s) => s === null)).toBe(true);
  });
});
