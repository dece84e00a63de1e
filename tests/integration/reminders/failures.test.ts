import { createWebhookSink, type WebhookSink } from '../../../src/emulator/webhook-sink';
import { runReminders } from '../../../src/reminders/run-reminders';
import { WorkflowWebhookNotifier } from '../../../src/reminders/webhook-notifier';
import { SharePointReminderLog } from '../../../src/sharepoint/reminder-log-repository';
import { LIST } from '../../../src/sharepoint/list-names';
import { manyNewPlanItems } from '../../support/new-items';
import { sinkReminderDeps } from '../../support/reminder-deps';
import { startTestSite, type TestSite } from '../../support/test-site';
import { runRemindChild } from './remind-child';

const NOW = new Date('2026-11-24T08:00:00Z');
const GROUPS = ['Alpha Board', 'Beta Board', 'Gamma Board'];

async function seed(site: TestSite): Promise<void> {
  const steering = site.site.sp.web.lists.getByTitle(LIST.steeringGroups).items;
  for (const Title of GROUPS) await steering.add({ Title, Schedule: '0 8 * * *', TimeZone: 'Europe/London', DueSoonDays: 14, UpdateCadenceDays: 30, EscalationDays: 30 });
  await site.site.plans.saveMany(manyNewPlanItems(3, (i) => ({ steeringGroup: GROUPS[i], dueDate: '2026-10-01', status: 'In progress' })), []);
}

describe('reminders when webhooks hang and clocks disagree', () => {
  let site: TestSite;
  let sink: WebhookSink;

  beforeEach(async () => {
    sink = createWebhookSink();
    site = await startTestSite({ plugins: [sink] });
    await seed(site);
  });
  afterEach(async () => {
    sink.releaseHung();
    await site.close();
  });

  it('ends a run whose webhook never answers within the timeout, and the other groups get their card', async () => {
    sink.setFaults({ hangGroups: ['Beta Board'] });
    const deps = await sinkReminderDeps(site, { maxAttempts: 3 });
    deps.notifier = new WorkflowWebhookNotifier({ timeoutMs: 1000, baseDelayMs: 2, maxDelayMs: 20, maxAttempts: 3, requestsPerSecond: 200 });
    const started = Date.now();
    const results = await runReminders(deps, { now: NOW });
    // One call's timeout, plus the run's own SharePoint requests on a busy machine.
    expect(Date.now() - started).toBeLessThan(1000 + 15_000);
    expect(results.map((r) => [r.group, r.outcome])).toEqual([['Alpha Board', 'sent'], ['Beta Board', 'failed'], ['Gamma Board', 'sent']]);
    expect(results[1].detail).toMatch(/did not answer within 1 s; the card may or may not have arrived/);
    expect(sink.messages('Alpha Board')).toHaveLength(1);
    expect(sink.messages('Gamma Board')).toHaveLength(1);
    // Not retried within the run; the next run retries it once the chat answers again.
    expect(sink.stats().hang).toBe(1);
    sink.setFaults({});
    const next = await runReminders(deps, { now: NOW });
    expect(next.map((r) => r.outcome)).toEqual(['already-sent', 'sent', 'already-sent']);
  });

  it('sends each card once when a job host\'s clock runs 20 minutes ahead of SharePoint\'s', async () => {
    // The first job's posts get no answer until the test lets them, so it holds its claims while the second looks.
    sink.setFaults({ hangGroups: GROUPS });
    const args = ['--site', site.siteUrl, '--now', NOW.toISOString(), '--timeout', '100', '--lease', '240'];
    const log = new SharePointReminderLog(site.site.sp);
    const onTime = runRemindChild(args);
    const until = async (done: () => boolean | Promise<boolean>) => {
      for (let i = 0; i < 1200 && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    };
    await until(async () => (await log.inFlight()).value.length === GROUPS.length);
    // The job with the fast clock: SharePoint's clock says the claims are seconds old, its own that they are 20 minutes old.
    let aheadSoFar = '';
    const ahead = runRemindChild(args, {}, { clockAheadMs: 20 * 60_000, onStderr: (text) => { aheadSoFar = text; } });
    await until(() => (aheadSoFar.match(/another job holds today's digest/g)?.length ?? 0) === GROUPS.length);
    sink.setFaults({});
    sink.releaseHung();
    const [first, second] = await Promise.all([onTime, ahead]);
    expect([first.code, second.code]).toEqual([0, 0]);
    for (const group of GROUPS) expect(sink.messages(group)).toHaveLength(1);
    // It waited for the live claims and found them sent; nobody took one over.
    expect(second.stderr.match(/another job holds today's digest/g)).toHaveLength(3);
    expect(second.stdout.match(/already sent today/g)).toHaveLength(3);
    expect(`${first.stderr}${second.stderr}`).not.toMatch(/Took over/);
  }, 240_000);
});
