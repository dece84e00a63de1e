/**
 * Baseline figures for the embedded server and the repository: query latency for an
 * indexed filter and for a paged read of everything, on lists of 1,000 / 10,000 /
 * 50,000 items; HTTP requests and time to add 1,000 items through the repository.
 */
import { performance } from 'node:perf_hooks';
import { startTestSite } from '../tests/support/test-site';
import { manyNewPlanItems } from '../tests/support/new-items';
import { countFetches, percentile } from './fetch-counter';

const SIZES = [1_000, 10_000, 50_000];
const RUNS = 40;
/** The first user is the site admin (permission checks pass at once); a Member's reads go through every check. */
const BENCH_USERS = [{ name: 'Plan Admin', email: 'admin@contoso.example' }, { name: 'Mia Member', email: 'mia.member@contoso.example' }];

async function indexedFilterTimings(url: string, actAs?: string): Promise<number[]> {
  const timings: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const t0 = performance.now();
    const response = await fetch(url, { headers: { Accept: 'application/json;odata=nometadata', ...(actAs ? { 'X-PlanTracker-As': actAs } : {}) } });
    const body = (await response.json()) as { value: unknown[] };
    timings.push(performance.now() - t0);
    if (body.value.length !== 100) throw new Error(`indexed filter returned ${body.value.length} rows, expected 100`);
  }
  return timings;
}

/** Runs the emulator benchmarks and returns their figures. */
export async function benchEmulator(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const fetches = countFetches();
  try {
    for (const size of SIZES) {
      const site = await startTestSite({ threshold: 5000, users: BENCH_USERS });
      try {
        // Sections of 100 items each: an indexed filter on Section returns exactly 100 rows.
        const items = manyNewPlanItems(size, (i) => ({ section: `S${Math.floor(i / 100)}`, plan: 'Bench' }));
        fetches.reset();
        const started = performance.now();
        for (let i = 0; i < items.length; i += 1000) await site.site.plans.saveMany(items.slice(i, i + 1000), []);
        if (size === 1_000) {
          figures['add-1000-ms'] = performance.now() - started;
          figures['add-1000-requests'] = fetches.count();
        }
        const section = `S${Math.floor(size / 200)}`;
        const url = `${site.siteUrl}/_api/web/lists/getByTitle('Plan%20Items')/items?$select=ID,Title,DueDate,Status&$filter=${encodeURIComponent(`Section eq '${section}'`)}&$top=100`;
        const timings = await indexedFilterTimings(url);
        figures[`indexed-filter-${size}-p50-ms`] = percentile(timings, 50);
        figures[`indexed-filter-${size}-p95-ms`] = percentile(timings, 95);
        const memberTimings = await indexedFilterTimings(url, BENCH_USERS[1].email);
        figures[`indexed-filter-${size}-member-p50-ms`] = percentile(memberTimings, 50);

        const pagedTimings: number[] = [];
        for (let run = 0; run < 3; run += 1) {
          fetches.reset();
          const t0 = performance.now();
          const all = await site.site.plans.query({}, { today: '2026-11-24', orderBy: [{ field: 'ID', ascending: true }] });
          pagedTimings.push(performance.now() - t0);
          if (all.length !== size) throw new Error(`paged read returned ${all.length} of ${size}`);
        }
        figures[`paged-read-all-${size}-p50-ms`] = percentile(pagedTimings, 50);
        figures[`paged-read-all-${size}-requests`] = fetches.count();
      } finally {
        await site.close();
      }
    }
  } finally {
    fetches.restore();
  }
  return figures;
}
