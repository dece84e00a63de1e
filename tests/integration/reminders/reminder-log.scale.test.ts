import { createWebhookSink, type WebhookSink } from '../../../src/emulator/webhook-sink';
import { runReminders } from '../../../src/reminders/run-reminders';
import { LIST } from '../../../src/sharepoint/list-names';
import { countFetches } from '../../../bench/fetch-counter';
import { sinkReminderDeps } from '../../support/reminder-deps';
import { startTestSite, type TestSite } from '../../support/test-site';
import { seedRows } from './seed-rows';

// In `npm run test:scale`: seeding 60,000 rows takes about a minute on a busy 2-core machine.
const NOW = new Date('2026-11-24T08:00:00Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

describe('reminders after years of use', () => {
  let site: TestSite;
  let sink: WebhookSink;

  beforeEach(async () => {
    sink = createWebhookSink();
    site = await startTestSite({ plugins: [sink], threshold: 5000 });
  });
  afterEach(async () => {
    await site.close();
  });

  it('sends with 60,000 Reminder Log rows, reading only what the run needs', async () => {
    const groups = Array.from({ length: 20 }, (_, g) => `Group ${g + 1}`);
    // Eight years of daily digests for 20 groups, plus "Send now" requests: far past the threshold.
    const rows: Record<string, unknown>[] = [];
    for (let d = 1; rows.length < 60_000; d++) {
      for (const name of groups) {
        const key = name.toUpperCase().replace(/ /g, '_');
        rows.push({ Title: `${key}|digest|${day(-d)}`, ClaimKey: `${key}|digest|${day(-d)}`, GroupName: name, Kind: 'digest', DateKey: day(-d), Outcome: 'Sent', Attempts: 1, SentAt: `${day(-d)}T08:00:00Z`, ItemIds: '1' });
      }
    }
    seedRows(site, LIST.reminderLog, rows);
    seedRows(site, LIST.planItems, groups.map((name, i) => ({ Title: `Action ${i}`, Plan: 'Plan', ActionRef: `A-${i}`, SteeringGroup: name, Status: 'In progress', DueDate: `${day(-3)}T00:00:00Z`, LastUpdated: `${day(-1)}T09:00:00Z` })));
    seedRows(site, LIST.steeringGroups, groups.map((Title) => ({ Title, GroupKey: Title.toUpperCase().replace(/ /g, '_'), Schedule: '0 8 * * *', TimeZone: 'Europe/London', DueSoonDays: 14, UpdateCadenceDays: 30, EscalationDays: 30 })));
    expect(site.emulator.store.items.count(site.emulator.store.catalog.byTitle(LIST.reminderLog)!)).toBeGreaterThanOrEqual(60_000);

    const deps = await sinkReminderDeps(site, { maxAttempts: 3 });
    const counter = countFetches();
    let results;
    try {
      results = await runReminders(deps, { now: NOW });
    } finally {
      counter.restore();
    }
    // Per group: one log read, the digest queries, the claim, the POST, the record — never a read that grows with the log.
    expect(counter.count() / groups.length).toBeLessThanOrEqual(10);
    expect(results.map((r) => r.outcome)).toEqual(groups.map(() => 'sent'));
    for (const name of groups) expect(sink.messages(name)).toHaveLength(1);
    // "Changed since the last digest" counts from yesterday's digest, found through the claim-key index.
    const card = JSON.stringify(sink.messages('Group 1')[0].message);
    expect(card).toContain('changes since 23 Nov 2026');
    // A second run the same day sends nothing more.
    const again = await runReminders(deps, { now: NOW });
    expect(again.map((r) => r.outcome)).toEqual(groups.map(() => 'already-sent'));
    // `remind --status` reads the few rows in flight through the indexed Outcome.
    expect((await deps.log.inFlight()).value).toEqual([]);
  }, 180_000);
});
