/**
 * Import at scale (issue 10): a plan of 100,000 actions written into a fresh embedded
 * site through PnPjs, then imported again with 1% of its actions changed. The writing
 * side only — the plan is built in memory, parsing has its own figures in bench/import.ts.
 * Targets: each run ≤ 60 s, writes in `$batch`es of 100, the re-import finding existing
 * actions through indexed lookups in batched GETs (no request per row).
 * `PLAN_TRACKER_SCALE_ROWS=10000 npx tsx bench/import-scale.ts` runs a smaller plan.
 */
import { loadListsManifest } from '../src/cli/load-manifest';
import { startEmulatorServer } from '../src/emulator/node-server';
import { applyImport } from '../src/importer/apply-import';
import type { ParsedItem, ParsedPlan } from '../src/importer/table';
import { connect } from '../src/sharepoint/connect';
import { openSite } from '../src/sharepoint/open-site';
import { provision } from '../src/sharepoint/provision';
import { countFetches } from './fetch-counter';

/** A parsed plan of `size` actions in sections of 50, as the parser would hand it over. */
export function generatedPlan(size: number, revision = 0): ParsedPlan {
  const items: ParsedItem[] = Array.from({ length: size }, (_, i) => {
    const section = `Theme ${Math.floor(i / 50) + 1}`;
    // A revision changes 1% of the actions' text.
    const changed = revision > 0 && i % 100 === 0;
    const action = `Action ${i + 1}: review the equality data for ${section}${changed ? ` (revision ${revision})` : ''}.`;
    return {
      section, actionRef: `S${Math.floor(i / 50) + 1}-${(i % 50) + 1}`, refKind: 'plan', title: action.slice(0, 80), action, context: '',
      owner: `Owner ${i % 40}`, dueText: 'Mar-27', dueDate: '2027-03-31', ongoing: false, startDate: null, resource: '', rag: null, status: null, measure: '', where: `row ${i + 2}`,
    };
  });
  return { plan: 'Scale plan', items, progressNotes: [], warnings: [], mappings: [], rows: [] };
}

/** Seconds, requests and peak memory to import, then re-import, a plan of PLAN_TRACKER_SCALE_ROWS (100,000) actions. */
export async function benchImportScale(): Promise<Record<string, number>> {
  const size = Number(process.env.PLAN_TRACKER_SCALE_ROWS ?? 100_000);
  const figures: Record<string, number> = {};
  const server = await startEmulatorServer({ port: 0, memory: true });
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 200);
  try {
    await provision(connect(server.siteUrl, { kind: 'embedded' }), loadListsManifest());
    const site = await openSite(server.siteUrl, { kind: 'embedded' });
    for (const [run, revision] of [['import', 0], ['reimport', 1]] as const) {
      const counter = countFetches();
      const started = performance.now();
      try {
        const summary = await applyImport(generatedPlan(size, revision), { repository: site.plans, plan: 'Scale plan', ownerIds: new Map() });
        figures[`${run}-${size}-seconds`] = (performance.now() - started) / 1000;
        figures[`${run}-${size}-requests`] = counter.count();
        figures[`${run}-${size}-added`] = summary.added;
        figures[`${run}-${size}-updated`] = summary.updated;
      } finally {
        counter.restore();
      }
    }
  } finally {
    clearInterval(sampler);
    await server.close();
  }
  figures['peak-rss-mb'] = peak / 1024 / 1024;
  return figures;
}

if (require.main === module) {
  benchImportScale().then((figures) => console.log(figures), (error: unknown) => { console.error(error); process.exit(1); });
}
