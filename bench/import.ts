/**
 * Import benchmark: each sample plan parsed and written into a fresh embedded site through
 * PnPjs, as `plan-tracker import` does. Reports wall time (parse + write) and HTTP requests
 * per 100 actions (counted at fetch). Targets: ≤ 1 s and ≤ 8 requests per 100 actions.
 * Then a 5,000-action .xlsx (issue 12): ≤ 10 s, ≤ 8 requests per 100 actions and the
 * process's peak memory ≤ 500 MB. Run alone with `npx tsx bench/import.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
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
    Object.assign(figures, await benchLargeWorkbook(site));
  } finally {
    await server.close();
  }
  return figures;
}

const LARGE_ACTIONS = 5000;

/** A workbook laid out as councils lay theirs out: themes as merged rows, then the actions. */
async function largeWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action plan');
  sheet.addRow(['Ref', 'Action', 'Lead officer', 'Target date', 'Resource', 'RAG']);
  for (let i = 0; i < LARGE_ACTIONS; i++) {
    if (i % 50 === 0) {
      const row = sheet.addRow([`Theme ${i / 50 + 1}: Service area ${i / 50 + 1}`]);
      sheet.mergeCells(row.number, 1, row.number, 6);
    }
    sheet.addRow([`${Math.floor(i / 50) + 1}.${(i % 50) + 1}`, `Review service ${i} with residents and publish what changes as a result`, `Head of Service ${i % 37}`, `${(i % 28) + 1}/${(i % 12) + 1}/2026`, 'Existing resources', ['Green', 'Amber', 'Red'][i % 3]]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Parses and writes a 5,000-action .xlsx, sampling the process's memory while it runs. */
async function benchLargeWorkbook(site: Awaited<ReturnType<typeof openSite>>): Promise<Record<string, number>> {
  const bytes = await largeWorkbook();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const counter = countFetches();
  const started = performance.now();
  try {
    const parsed = await parsePlanFile(bytes, 'large-plan.xlsx');
    const parsedAt = performance.now();
    const summary = await applyImport(parsed, { repository: site.plans, plan: parsed.plan, ownerIds: new Map() });
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      'xlsx-5000-actions': summary.added,
      'xlsx-5000-parse-seconds': (parsedAt - started) / 1000,
      'xlsx-5000-seconds': (performance.now() - started) / 1000,
      'xlsx-5000-requests-per-100': (counter.count() / summary.added) * 100,
      'xlsx-5000-peak-rss-mb': peak / 1024 / 1024,
    };
  } finally {
    clearInterval(sampler);
    counter.restore();
  }
}

if (require.main === module) {
  void benchImport().then((figures) => console.log(JSON.stringify(figures, null, 2)));
}
