/**
 * `npm run bench`: runs every benchmark, prints one table and writes bench/results.json.
 * A benchmark measures; the targets are printed beside the figures, not asserted.
 * `npm run bench -- emulator import` runs only the named ones.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Figures = Record<string, number>;
type Bench = { name: string; run: () => Promise<Figures>; targets: Record<string, string> };

const benches: Bench[] = [
  { name: 'emulator', run: async () => (await import('./emulator')).benchEmulator(), targets: { 'indexed-filter-50000-p50-ms': '≤ 20', 'indexed-filter-50000-member-p50-ms': '≤ 20', 'add-1000-requests': '≤ 15' } },
  { name: 'import', run: async () => (await import('./import')).benchImport(), targets: { '*-ms': '≤ 1000', '*-requests-per-100': '≤ 8', 'xlsx-5000-seconds': '≤ 10', 'xlsx-5000-peak-rss-mb': '≤ 500' } },
  { name: 'import-scale', run: async () => (await import('./import-scale')).benchImportScale(), targets: { '*-seconds': '≤ 60', 'peak-rss-mb': '≤ 500' } },
  { name: 'reminders', run: async () => (await import('./reminders')).benchReminders(), targets: { 'requests-per-group': '≤ 5', 'total-ms': '≤ 2000', 'max-card-bytes': '≤ 28672' } },
  { name: 'tab-bundle', run: async () => (await import('./tab-bundle')).benchTabBundle(), targets: { 'initial-js-gzip-kb': '≤ 200' } },
  { name: 'plan-view', run: async () => (await import('./plan-view')).benchPlanView(), targets: { 'first-rows-visible-ms': '≤ 1500', 'filter-change-repaint-ms': '≤ 300', 'initial-js-gzip-kb': '≤ 200' } },
  { name: 'tab-load', run: async () => (await import('./tab-load')).benchTabLoad(), targets: { 'my-actions-visible-ms': '≤ 1000', 'my-actions-visible-cold-ms': '≤ 1000', 'my-actions-api-requests': '≤ 3', 'save-requests': '≤ 3' } },
];

function targetFor(bench: Bench, key: string): string {
  for (const [pattern, target] of Object.entries(bench.targets)) {
    if (pattern === key || (pattern.startsWith('*') && key.endsWith(pattern.slice(1)))) return target;
  }
  return '';
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const results: Record<string, Figures | { error: string }> = {};
  const rows: string[][] = [];
  for (const bench of benches) {
    if (only.length && !only.includes(bench.name)) continue;
    process.stderr.write(`running ${bench.name}…\n`);
    try {
      const figures = await bench.run();
      results[bench.name] = figures;
      for (const [key, value] of Object.entries(figures)) rows.push([bench.name, key, String(Math.round(value * 100) / 100), targetFor(bench, key)]);
    } catch (error) {
      results[bench.name] = { error: (error as Error).message };
      rows.push([bench.name, 'ERROR', (error as Error).message.slice(0, 80), '']);
    }
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[['bench', 'figure', 'value', 'target'], ...rows].map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(['bench', 'figure', 'value', 'target']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  // Running a subset keeps the other benchmarks' last figures.
  const out = path.resolve(__dirname, 'results.json');
  const previous = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { results?: Record<string, unknown> }).results ?? {} : {};
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, results: { ...previous, ...results } }, null, 2));
  console.log(`\nwritten ${path.relative(process.cwd(), out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
