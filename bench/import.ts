/**
 * Import benchmark: each sample plan parsed and written into a fresh embedded site through
 * PnPjs, as `plan-tracker import` does. Reports wall time (parse + write) and HTTP requests
 * per 100 actions (counted at fetch). Targets: ≤ 1 s and ≤ 8 requests per 100 actions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadListsManifest } from '../src/cli/load-manifest';
import { startEmulatorServer } from '../src/emulator/node-server';
import { applyImport } from '../src/importer/apply-import';
import { parsePlanFile } from '../src/importer/parse-plan-file';
import { connect } from '../src/sharepoint/connect';
import { openSite } from '../src/sharepoint/open-site';
import { provision } from '../src/sharepoint/provision';
import { countFetches } from './fetch-counter';

const PLANS = path.resolve(__dirname, '../tests/fixtures/plans');
const SAMPLES = ['bame-inequalities-commission', 'equality-improvement-plan', 'scrutiny-review-staff-representation'];

/** Time and requests to import each sample plan into the embedded server. */
export async function benchImport(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const server = await startEmulatorServer({ port: 0, memory: true });
  try {
    await provision(connect(server.siteUrl, { kind: 'embedded' }), loadListsManifest());
    const site = await openSite(server.siteUrl, { kind: 'embedded' });
    for (const name of SAMPLES) {
      const bytes = new Uint8Array(readFileSync(path.join(PLANS, `${name}.txt`)));
      const counter = countFetches();
      const started = performance.now();
      try {
        const parsed = await parsePlanFile(bytes, `${name}.txt`);
        const summary = await applyImport(parsed, { repository: site.plans, plan: parsed.plan, ownerIds: new Map() });
        figures[`${name}-ms`] = performance.now() - started;
        figures[`${name}-actions`] = summary.added;
        figures[`${name}-requests`] = counter.count();
        figures[`${name}-requests-per-100`] = (counter.count() / summary.added) * 100;
      } finally {
        counter.restore();
      }
    }
  } finally {
    await server.close();
  }
  return figures;
}
