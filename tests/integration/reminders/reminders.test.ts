import { Command } from 'commander';
import { register as registerRemind } from '../../../src/cli/commands/remind';
import { createChatPreview } from '../../../src/emulator/chat-preview';
import { createWebhookSink, type WebhookSink } from '../../../src/emulator/webhook-sink';
import { runReminders, type ReminderDeps } from '../../../src/reminders/run-reminders';
import { SharePointReminderLog, toEntry } from '../../../src/sharepoint/reminder-log-repository';
import { LIST } from '../../../src/sharepoint/list-names';
import { cardProblems } from '../../unit/reminders/parse-card';
import { manyNewPlanItems } from '../../support/new-items';
import { sinkReminderDeps } from '../../support/reminder-deps';
import { startTestSite, type TestSite } from '../../support/test-site';

const NOW = new Date('2026-11-24T08:00:00Z');
const GROUPS = ['Equality Board', 'Finance Committee', 'Unlisted Panel'];

/** Actions for three groups in every state: overdue, escalated, due soon, stale, fine. */
async function seed(site: TestSite) {
  const jane = await site.site.ensureUser('jane.smith@council.example');
  const steering = site.site.sp.web.lists.getByTitle(LIST.steeringGroups).items;
  await steering.add({ Title: 'Equality Board', Schedule: '0 8 * * 2', TimeZone: 'Europe/London', DueSoonDays: 14, UpdateCadenceDays: 30, EscalationDays: 30 });
  await steering.add({ Title: 'Finance Committee', Schedule: '0 9 * * 1', TimeZone: 'Europe/London', DueSoonDays: 21, UpdateCadenceDays: 60, EscalationDays: 60 });
  const dues = ['2026-08-01', '2026-11-10', '2026-11-30', '2027-05-01'];
  const adds = manyNewPlanItems(24, (i) => ({
    steeringGroup: GROUPS[i % 3],
    dueDate: dues[i % 4],
    status: i % 2 === 0 ? 'In progress' : 'Not started',
    ownerId: i % 2 === 0 ? jane.id : null,
    title: i === 0 ? 'Check [x](https://evil.example) and <at>Jane Smith</at>' : `Action ${i + 1}`,
  }));
  const { addedIds } = await site.site.plans.saveMany(adds, []);
  return { jane, addedIds };
}

/** Every Reminder Log row (the test logs are small). */
async function logRows(site: TestSite) {
  const rows = (await site.site.sp.web.lists.getByTitle(LIST.reminderLog).items.select('ID', 'ClaimKey', 'GroupName', 'Kind', 'DateKey', 'ItemIds', 'Outcome', 'Attempts', 'SentAt', 'Detail', 'Modified').top(5000)()) as Record<string, unknown>[];
  return rows.map(toEntry);
}

function depsFor(site: TestSite): Promise<ReminderDeps> {
  return sinkReminderDeps(site, { maxAttempts: 12, appId: 'test-app-id' });
}

type CardJson = { body: { type: string; items?: { text?: string; selectAction?: { url: string } }[] }[] };

/** Section heading → the action ids its entries link to (Teams deep links carry them in subEntityId). */
function sectionIds(card: CardJson): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const node of card.body) {
    if (node.type !== 'Container' || !node.items) continue;
    const heading = String(node.items[0].text).replace(/ \(\d+\)$/, '');
    out[heading] = node.items.filter((n) => n.selectAction).map((n) => Number(JSON.parse(new URL(n.selectAction!.url).searchParams.get('context')!).subEntityId));
  }
  return out;
}

describe('reminders against the embedded server', () => {
  let site: TestSite;
  let sink: WebhookSink;

  beforeEach(async () => {
    sink = createWebhookSink();
    site = await startTestSite({ plugins: [sink, createChatPreview()], users: [{ name: 'Jane Smith', email: 'jane.smith@council.example' }] });
  });
  afterEach(async () => {
    await site.close();
  });

  it('delivers each digest exactly once with 30% 429s and 30% 500s, run three times and twice at once', async () => {
    await seed(site);
    // Seeded so the dice are repeatable: seed 7's first two rolls are faults, so the retry path always runs.
    sink.setFaults({ '429': 0.3, '500': 0.3, retryAfterSeconds: 0, seed: 7 });
    const deps = await depsFor(site);
    const runs = [...(await Promise.all([runReminders(deps, { now: NOW }), runReminders(deps, { now: NOW })]))];
    runs.push(await runReminders(deps, { now: NOW }));
    runs.push(await runReminders(deps, { now: NOW }));
    const sends = runs.flat().filter((r) => r.outcome === 'sent').map((r) => r.group).sort();
    expect(sends).toEqual(GROUPS);

    const stats = sink.stats();
    expect((stats['429'] ?? 0) + (stats['500'] ?? 0)).toBeGreaterThan(0);
    for (const group of GROUPS) expect(sink.messages(group)).toHaveLength(1);
    const log = await logRows(site);
    expect(log.map((e) => [e.groupName, e.outcome]).sort()).toEqual(GROUPS.map((g) => [g, 'Sent']));
    expect(log.map((e) => e.claimKey).sort()).toEqual(['EQUALITY_BOARD|digest|2026-11-24', 'FINANCE_COMMITTEE|digest|2026-11-24', 'UNLISTED_PANEL|digest|2026-11-24']);
    for (const entry of sink.messages()) {
      const message = entry.message as { attachments: { content: unknown }[] };
      expect(cardProblems(message.attachments[0].content)).toEqual([]);
      expect(JSON.stringify(message)).toContain('subEntityId');
    }
  });

  it('lists each group\'s actions by section, mentions known owners and keeps plan text literal', async () => {
    const { addedIds } = await seed(site);
    const deps = await depsFor(site);
    const results = await runReminders(deps, { now: NOW, group: 'Equality Board' });
    expect(results[0].outcome).toBe('sent');
    // Equality Board holds every third action; which due date each got cycles through `dues`.
    const id = (i: number) => addedIds[i];
    const card = (sink.messages('Equality Board')[0].message as { attachments: { content: CardJson }[] }).attachments[0].content;
    expect(sectionIds(card)).toEqual({
      'Escalated: overdue more than 30 days': [id(0), id(12)],
      Overdue: [id(9), id(21)],
      'Due in the next 14 days': [id(6), id(18)],
      // Nobody has updated anything yet: every open action is waiting for an update.
      'No update for 30 days': [0, 3, 6, 9, 12, 15, 18, 21].map(id),
    });
    const json = JSON.stringify(card);
    expect(json).toContain('"mentioned":{"id":"jane.smith@council.example","name":"Jane Smith"}');
    expect(json).toContain('[x](https://evil.example)');
    expect(json).toMatch(/Overdue\.aspx/);
  });

  it('reports changes since the last digest sent, on the next digest', async () => {
    const { addedIds } = await seed(site);
    const deps = await depsFor(site);
    await runReminders(deps, { now: NOW, group: 'Equality Board' });
    const item = await site.site.plans.getById(addedIds[3]);
    await site.site.plans.updateStatus(item, { status: 'Completed', rag: 'Blue', percentComplete: 100, comment: 'Done.' }, '2026-11-26T10:00:00Z');
    const next = await runReminders(deps, { now: new Date('2026-12-01T08:00:00Z'), group: 'Equality Board' });
    expect(next[0].outcome).toBe('sent');
    const messages = sink.messages('Equality Board');
    expect(messages).toHaveLength(2);
    const card = (messages[1].message as { attachments: { content: { body: { type: string; items?: { text?: string }[] }[] } }[] }).attachments[0].content;
    const changed = card.body.find((n) => n.type === 'Container' && n.items?.[0].text?.startsWith('Changed since the last digest'));
    expect(JSON.stringify(changed)).toContain(encodeURIComponent(JSON.stringify({ subEntityId: String(addedIds[3]) })));
    expect(JSON.stringify(changed)).toContain('Completed');
  });

  it('lets only one of two claims of the same key win, and guards a retry with the ETag', async () => {
    const log = new SharePointReminderLog(site.site.sp);
    const claim = { claimKey: 'Board|digest|2026-11-24', groupName: 'Board', kind: 'digest', dateKey: '2026-11-24', itemIds: [1, 2] };
    const [a, b] = await Promise.all([log.claim(claim), log.claim(claim)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const winner = (a ?? b)!;
    expect(winner.itemIds).toEqual([1, 2]);
    await log.finish(winner, 'Failed', NOW.toISOString(), 'answered HTTP 500');
    const failed = (await log.get(claim.claimKey)).value!;
    const [first, second] = await Promise.all([log.takeOver(failed, [3]), log.takeOver(failed, [3])]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const mine = (first ?? second)!;
    expect(mine).toMatchObject({ attempts: 2, outcome: 'Claimed', itemIds: [3] });
    // The answer to the guarded write is the row as it now stands: renewing with it works, with the old ETag it is refused.
    const renewed = (await log.renew(mine))!;
    expect(renewed.etag).not.toBe(mine.etag);
    expect(await log.renew(mine)).toBeNull();
    expect((await log.get(claim.claimKey)).value!.etag).toBe(renewed.etag);
  });

  it('runs leases on SharePoint\'s clock: Modified and the Date header agree within a second', async () => {
    const log = new SharePointReminderLog(site.site.sp);
    const entry = (await log.claim({ claimKey: 'Board|digest|2026-11-24', groupName: 'Board', kind: 'digest', dateKey: '2026-11-24', itemIds: [] }))!;
    const { value, serverNow } = await log.get(entry.claimKey);
    expect(Math.abs(serverNow.getTime() - Date.parse(value!.modified))).toBeLessThan(1500);
    const inFlight = await log.inFlight();
    expect(inFlight.value.map((e) => e.claimKey)).toEqual(['Board|digest|2026-11-24']);
  });

  it('gives each listed group a key of its own, stored in the list, and finds webhooks by it', async () => {
    await seed(site);
    const steering = site.site.sp.web.lists.getByTitle(LIST.steeringGroups).items;
    await steering.add({ Title: 'Equality-Board', Schedule: '0 8 * * 2', TimeZone: 'Europe/London', DueSoonDays: 14, UpdateCadenceDays: 30, EscalationDays: 30 });
    await steering.add({ Title: 'لجنة المساواة', Schedule: '0 8 * * 2', TimeZone: 'Europe/London', DueSoonDays: 14, UpdateCadenceDays: 30, EscalationDays: 30 });
    const deps = await depsFor(site);
    const asked: string[] = [];
    await runReminders({ ...deps, webhooks: (group) => { asked.push(group.key); return null; } }, { now: NOW });
    const stored = ((await steering.select('Title', 'GroupKey')()) as { Title: string; GroupKey: string }[]).map((r) => [r.Title, r.GroupKey]).sort();
    expect(stored).toEqual([
      ['Equality Board', 'EQUALITY_BOARD'],
      ['Equality-Board', 'EQUALITY_BOARD_2'],
      ['Finance Committee', 'FINANCE_COMMITTEE'],
      ['لجنة المساواة', expect.stringMatching(/^G_[0-9A-Z]{6}$/)],
    ]);
    expect(asked.sort()).toEqual([...stored.map(([, key]) => key), 'UNLISTED_PANEL'].sort());
    // Keys once given never move: a second run stores nothing new.
    await runReminders({ ...deps, webhooks: () => null }, { now: NOW });
    expect(((await steering.select('Title', 'GroupKey')()) as { Title: string; GroupKey: string }[]).map((r) => [r.Title, r.GroupKey]).sort()).toEqual(stored);
  });

  it('`remind --status` lists a send whose job stopped after claiming it, and exits 1', async () => {
    const log = new SharePointReminderLog(site.site.sp);
    await log.claim({ claimKey: 'EQUALITY_BOARD|digest|2026-11-24', groupName: 'Equality Board', kind: 'digest', dateKey: '2026-11-24', itemIds: [] });
    // Past a one-second lease on SharePoint's clock.
    await new Promise((resolve) => setTimeout(resolve, 2200));
    const out: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => { out.push(line); });
    const exitCode = process.exitCode;
    try {
      const program = new Command().exitOverride();
      registerRemind(program);
      await program.parseAsync(['remind', '--site', site.siteUrl, '--status', '--json', '--lease', '1', '--timeout', '0.5'], { from: 'user' });
      expect(process.exitCode).toBe(1);
    } finally {
      spy.mockRestore();
      process.exitCode = exitCode;
    }
    const report = JSON.parse(out[0]);
    expect(report.unknown.map((s: { claimKey: string }) => s.claimKey)).toEqual(['EQUALITY_BOARD|digest|2026-11-24']);
    expect(report.inFlight).toEqual([]);
  });

  it('`remind --dry-run --json` prints one JSON document and sends nothing', async () => {
    await seed(site);
    const out: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => { out.push(line); });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const program = new Command().exitOverride();
      registerRemind(program);
      await program.parseAsync(['remind', '--site', site.siteUrl, '--now', NOW.toISOString(), '--dry-run', '--json'], { from: 'user' });
    } finally {
      spy.mockRestore();
      errors.mockRestore();
    }
    expect(out).toHaveLength(1);
    const doc = JSON.parse(out[0]);
    expect(Object.keys(doc)).toEqual(['messages']);
    expect(doc.messages.map((m: { group: string }) => m.group).sort()).toEqual(GROUPS);
    for (const m of doc.messages) {
      expect(Object.keys(m)).toEqual(['group', 'kind', 'itemIds', 'payload']);
      expect(m.payload.type).toBe('message');
    }
    expect(sink.messages()).toEqual([]);
    expect(await logRows(site)).toEqual([]);
  });
});
