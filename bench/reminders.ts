/**
 * Reminders benchmark: selection and rendering of every group's digest for a 10,000
 * action plan across 10 steering groups, on the embedded server through PnPjs.
 * Reports HTTP requests per group (all of them, shared ones included, counted at
 * fetch) and the wall time of a dry run. Targets: ≤ 5 requests per group, ≤ 2 s.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { loadListsManifest } from '../src/cli/load-manifest';
import { startEmulatorServer } from '../src/emulator/node-server';
import { reminderDepsForSite } from '../src/reminders/reminder-job';
import { runReminders } from '../src/reminders/run-reminders';
import { webhooksToSink } from '../src/reminders/webhook-config';
import { connect } from '../src/sharepoint/connect';
import { LIST } from '../src/sharepoint/list-names';
import { provision } from '../src/sharepoint/provision';
import { countFetches } from './fetch-counter';

const ACTIONS = 10_000;
const GROUPS = 10;
const NOW = new Date('2026-11-24T08:00:00Z');
const STATUSES = ['Not started', 'In progress', 'In progress', 'On hold', 'Completed'];
const RAGS = ['Red', 'Amber', 'Green', 'Amber', 'Blue'];

const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/** Adds rows in `$batch` requests of 100. */
async function addAll(sp: SPFI, list: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 100) {
    const [batched, execute] = sp.batched();
    const adds = rows.slice(start, start + 100).map((row) => batched.web.lists.getByTitle(list).items.add(row));
    await execute();
    await Promise.all(adds);
  }
}

/** A plan spread over a year either side of today, a quarter of it updated recently, some of it changed since the last digest. */
async function seed(sp: SPFI): Promise<void> {
  const groups = Array.from({ length: GROUPS }, (_, g) => `Group ${g + 1}`);
  // Nine groups are listed; the tenth is only named on actions (it gets the defaults).
  await addAll(sp, LIST.steeringGroups, groups.slice(0, 9).map((Title) => ({ Title, Schedule: '0 8 * * 1', TimeZone: 'Europe/London', DueSoonDays: 14, UpdateCadenceDays: 30, EscalationDays: 30 })));
  await addAll(sp, LIST.planItems, Array.from({ length: ACTIONS }, (_, i) => ({
    Title: `Action ${i + 1}: review and report progress on the equality objective for service area ${i % 97}`,
    Plan: 'Benchmark Plan',
    Section: `Theme ${i % 12}`,
    ActionRef: `B-${i + 1}`,
    OwnerText: `Officer ${i % 150}`,
    DueDate: `${day((i % 730) - 365)}T00:00:00Z`,
    Status: STATUSES[i % 5],
    RAG: RAGS[i % 5],
    LastUpdated: i % 4 === 0 ? null : new Date(NOW.getTime() - (i % 90) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    SteeringGroup: groups[i % GROUPS],
  })));
  await addAll(sp, LIST.progressUpdates, Array.from({ length: 500 }, (_, k) => ({
    Title: `update ${k}`,
    PlanItemId: k * 20 + 1,
    Status: 'In progress',
    RAG: 'Red',
    PreviousStatus: 'In progress',
    PreviousRAG: 'Amber',
    PercentComplete: 50,
    UpdatedAt: new Date(NOW.getTime() - (k % 6) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  })));
}

/** Runs the benchmark and returns its figures. */
export async function benchReminders(): Promise<Record<string, number>> {
  const server = await startEmulatorServer({ port: 0, memory: true });
  try {
    const sp = connect(server.siteUrl, { kind: 'embedded' });
    await provision(sp, loadListsManifest());
    await seed(sp);
    const deps = await reminderDepsForSite({
      siteUrl: server.siteUrl,
      auth: { kind: 'embedded' },
      webhooks: webhooksToSink(server.url),
      logger: { info: () => undefined, warn: () => undefined },
    });
    // Only this process talks to the embedded server, and only through fetch: every request is counted.
    const counter = countFetches();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let results;
    try {
      results = await runReminders(deps, { now: NOW, dryRun: true });
    } finally {
      counter.restore();
    }
    const totalMs = performance.now() - started;
    // CPU time of this process — client and embedded server together — is steadier than wall time on a busy machine.
    const cpu = process.cpuUsage(cpuBefore);
    const listed = results.reduce((n, r) => n + r.itemIds.length, 0);
    return {
      groups: results.length,
      actions: ACTIONS,
      'actions-in-digests': listed,
      requests: counter.count(),
      'requests-per-group': counter.count() / results.length,
      'total-ms': totalMs,
      'cpu-ms': (cpu.user + cpu.system) / 1000,
      'max-card-bytes': Math.max(...results.map((r) => Buffer.byteLength(JSON.stringify(r.message?.payload ?? '')))),
    };
  } finally {
    await server.close();
  }
}

if (require.main === module) {
  benchReminders().then((figures) => console.log(figures), (error) => { console.error(error); process.exit(1); });
}
