/**
 * Reminders benchmark: selection and rendering of every group's digest for a 10,000
 * action plan across 20 steering groups after three years of daily digests (21,900
 * Reminder Log rows, far past the list view threshold), on the embedded server through
 * PnPjs. Reports HTTP requests per group (all of them, shared ones included, counted at
 * fetch) and the wall time of a dry run, then the requests per group of a real send
 * (claim, POST, record included). Targets: ≤ 5 requests per group, ≤ 2 s.
 * `npx tsx bench/reminders.ts` runs it alone.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { loadListsManifest } from '../src/cli/load-manifest';
import { startEmulatorServer } from '../src/emulator/node-server';
import type { Emulator } from '../src/emulator/emulator';
import { createWebhookSink } from '../src/emulator/webhook-sink';
import { reminderDepsForSite } from '../src/reminders/reminder-job';
import { runReminders } from '../src/reminders/run-reminders';
import { webhooksToSink } from '../src/reminders/webhook-config';
import { connect } from '../src/sharepoint/connect';
import { LIST } from '../src/sharepoint/list-names';
import { provision } from '../src/sharepoint/provision';
import { countFetches } from './fetch-counter';

const ACTIONS = 10_000;
const GROUPS = 20;
const LOG_DAYS = 3 * 365;
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

const keyOf = (group: string) => group.toUpperCase().replace(/ /g, '_');

/** Three years of daily digests for every group, written straight into the server's store (REST would take minutes). */
function seedLog(emulator: Emulator, groups: string[]): void {
  const list = emulator.store.catalog.byTitle(LIST.reminderLog)!;
  emulator.db.transaction(() => {
    for (let d = 1; d <= LOG_DAYS; d++) {
      for (const group of groups) {
        const claimKey = `${keyOf(group)}|digest|${day(-d)}`;
        emulator.store.items.add(list, { Title: claimKey, ClaimKey: claimKey, GroupName: group, Kind: 'digest', DateKey: day(-d), Outcome: 'Sent', Attempts: 1, SentAt: `${day(-d)}T08:00:00Z`, ItemIds: '1,2,3' }, 1);
      }
    }
  })();
}

/** A plan spread over a year either side of today, a quarter of it updated recently, some of it changed since the last digest. */
async function seed(sp: SPFI): Promise<void> {
  const groups = Array.from({ length: GROUPS }, (_, g) => `Group ${g + 1}`);
  // All but one group are listed, with the keys a year of use has given them; the last is only named on actions (it gets the defaults).
  await addAll(sp, LIST.steeringGroups, groups.slice(0, GROUPS - 1).map((Title) => ({ Title, GroupKey: keyOf(Title), Schedule: '0 8 * * 1', TimeZone: 'Europe/London', DueSoonDays: 14, UpdateCadenceDays: 30, EscalationDays: 30 })));
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
  const server = await startEmulatorServer({ port: 0, memory: true, plugins: [createWebhookSink()] });
  try {
    const sp = connect(server.siteUrl, { kind: 'embedded' });
    await provision(sp, loadListsManifest());
    await seed(sp);
    seedLog(server.emulator, Array.from({ length: GROUPS }, (_, g) => `Group ${g + 1}`));
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
    const dryRunRequests = counter.count();

    // The real send: claim, POST (to the sink, counted too), record.
    const sending = countFetches();
    let sent;
    try {
      sent = await runReminders(deps, { now: NOW });
    } finally {
      sending.restore();
    }
    if (sent.some((r) => r.outcome !== 'sent')) throw new Error(`Not every group was sent its digest: ${sent.map((r) => `${r.group}: ${r.outcome}`).join(', ')}`);
    return {
      groups: results.length,
      'log-rows': LOG_DAYS * GROUPS,
      actions: ACTIONS,
      'actions-in-digests': listed,
      requests: dryRunRequests,
      'requests-per-group': dryRunRequests / results.length,
      'send-requests-per-group': sending.count() / sent.length,
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
