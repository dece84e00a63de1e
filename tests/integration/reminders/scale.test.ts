import { createWebhookSink, type WebhookSink } from '../../../src/emulator/webhook-sink';
import { previewDigest } from '../../../src/reminders/digest-preview';
import { localDigestLinks } from '../../../src/reminders/digest-links';
import { readLastDigestSentAt } from '../../../src/reminders/group-log';
import { defaultGroup } from '../../../src/reminders/resolve-groups';
import { runReminders } from '../../../src/reminders/run-reminders';
import { SharePointReminderLog } from '../../../src/sharepoint/reminder-log-repository';
import { LIST } from '../../../src/sharepoint/list-names';
import { sinkReminderDeps } from '../../support/reminder-deps';
import { startTestSite, type TestSite } from '../../support/test-site';
import { seedRows } from './seed-rows';

const NOW = new Date('2026-11-24T08:00:00Z');
const THRESHOLD = 5000;

const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

describe('reminders past the list view threshold', () => {
  let site: TestSite;
  let sink: WebhookSink;

  beforeEach(async () => {
    sink = createWebhookSink();
    site = await startTestSite({ plugins: [sink], threshold: THRESHOLD });
  });
  afterEach(async () => {
    await site.close();
  });

  it('sends the digest of a group with 6,000 open actions, and the tab previews the same card', async () => {
    seedRows(site, LIST.planItems, Array.from({ length: 6000 }, (_, i) => ({
      Title: `Action ${i + 1}`,
      Plan: 'Big Plan',
      ActionRef: `B-${i + 1}`,
      SteeringGroup: i < 5990 ? 'Big Board' : 'Small Board',
      Status: i % 2 ? 'In progress' : 'Not started',
      DueDate: `${day((i % 400) - 200)}T00:00:00Z`,
      LastUpdated: null,
    })));
    const deps = await sinkReminderDeps(site, { maxAttempts: 3 });
    // The plain stale query narrows through indexes but still matches more than 5,000 rows: SharePoint refuses it.
    await expect(site.site.plans.query({ steeringGroup: 'Big Board', statuses: ['Not started', 'In progress'], lastUpdatedBefore: '2026-11-24T00:00:00Z' }, { today: '2026-11-24' }))
      .rejects.toThrow(/threshold/i);

    const results = await runReminders(deps, { now: NOW });
    expect(results.map((r) => [r.group, r.outcome])).toEqual([['Big Board', 'sent'], ['Small Board', 'sent']]);
    // Every open action of the group is stale (never updated), so the digest lists all 5,990.
    expect(results[0].itemIds).toHaveLength(5990);
    expect(sink.messages('Big Board')).toHaveLength(1);

    // Big Board is named only on actions: the tab previews it with the defaults, as the job sends it.
    const group = defaultGroup('Big Board');
    const links = localDigestLinks({ origin: site.url, overdueViewUrl: `${site.siteUrl}/Lists/PlanItems/Overdue.aspx` });
    const lastSentAt = await readLastDigestSentAt(new SharePointReminderLog(site.site.sp), group, '2026-11-24');
    const preview = await previewDigest(site.site.plans, group, { now: NOW, lastSentAt, links });
    expect([...preview.itemIds].sort((a, b) => a - b)).toEqual([...results[0].itemIds].sort((a, b) => a - b));
  }, 180_000);
});
