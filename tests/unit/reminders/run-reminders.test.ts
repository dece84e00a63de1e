import { DEFAULT_STEERING_GROUP, type SteeringGroup } from '../../../src/domain/plan-item';
import type { PlanRepository } from '../../../src/domain/ports';
import { localDigestLinks } from '../../../src/reminders/digest-links';
import type { WebhookMessage } from '../../../src/reminders/digest-message';
import { runReminders, type ReminderDeps } from '../../../src/reminders/run-reminders';
import { WebhookDeliveryError, type Notifier } from '../../../src/reminders/webhook-notifier';
import { aPlanItem } from '../../support/builders';
import { groupsOf, InMemoryPlans, InMemoryReminderLog } from './fakes';

const NOW = new Date('2026-11-24T08:00:00Z');
const board: SteeringGroup = { id: 1, name: 'Equality Board', ...DEFAULT_STEERING_GROUP, dueSoonDays: 21 };

/** A notifier that records deliveries per URL and fails the first `failures` sends. */
class RecordingNotifier implements Notifier {
  delivered: { url: string; message: WebhookMessage }[] = [];
  constructor(private failures = 0) {}
  async send(url: string, message: WebhookMessage) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failures > 0) {
      this.failures--;
      throw new WebhookDeliveryError(`The webhook at https://hooks.example/… answered HTTP 500 6 times; the message was not delivered. (${url})`, 500, 6);
    }
    this.delivered.push({ url, message });
    return { status: 202, attempts: 1 };
  }
}

function setup(notifier = new RecordingNotifier()) {
  const plans = new InMemoryPlans([
    aPlanItem({ id: 1, steeringGroup: 'Equality Board', dueDate: '2026-10-01', lastUpdated: '2026-11-20T09:00:00Z' }),
    aPlanItem({ id: 2, steeringGroup: 'Equality Board', dueDate: '2026-12-01', lastUpdated: '2026-11-20T09:00:00Z' }),
    aPlanItem({ id: 3, steeringGroup: 'Climate Board', dueDate: '2026-11-01', lastUpdated: null }),
  ]);
  const log = new InMemoryReminderLog();
  const warnings: string[] = [];
  const deps: ReminderDeps = {
    plans: plans as unknown as PlanRepository,
    log,
    groups: groupsOf([board], plans),
    notifier,
    webhooks: (group) => `https://hooks.example/${encodeURIComponent(group)}?sig=secret`,
    links: (overdueView) => localDigestLinks({ origin: 'http://127.0.0.1:4321', overdueViewUrl: overdueView }),
    logger: { info: () => undefined, warn: (m) => warnings.push(m) },
  };
  return { plans, log, deps, notifier, warnings };
}

describe('runReminders', () => {
  it('sends each group its digest and records it Sent', async () => {
    const { deps, log, notifier } = setup();
    const results = await runReminders(deps, { now: NOW });
    expect(results.map((r) => [r.group, r.outcome, r.itemIds.sort()])).toEqual([
      ['Climate Board', 'sent', [3]],
      ['Equality Board', 'sent', [1, 2]],
    ]);
    expect(notifier.delivered.map((d) => d.url)).toEqual(['https://hooks.example/Climate%20Board?sig=secret', 'https://hooks.example/Equality%20Board?sig=secret']);
    expect(log.rows.map((r) => [r.claimKey, r.outcome, r.sentAt])).toEqual([
      ['Climate Board|digest|2026-11-24', 'Sent', NOW.toISOString()],
      ['Equality Board|digest|2026-11-24', 'Sent', NOW.toISOString()],
    ]);
  });

  it('gives a group named only on actions the defaults, with a warning', async () => {
    const { deps, warnings } = setup();
    await runReminders(deps, { now: NOW });
    expect(warnings).toEqual([expect.stringMatching(/"Climate Board" is named on actions but missing from the Steering Groups list; using the defaults/)]);
  });

  it('sends nothing new when run again the same day, and spends no queries on it', async () => {
    const { deps, notifier, plans } = setup();
    await runReminders(deps, { now: NOW });
    const queries = plans.queries;
    const again = await runReminders(deps, { now: new Date('2026-11-24T17:00:00Z') });
    expect(again.map((r) => r.outcome)).toEqual(['already-sent', 'already-sent']);
    expect(notifier.delivered).toHaveLength(2);
    expect(plans.queries).toBe(queries);
  });

  it('lets only one of two concurrent jobs send', async () => {
    const { deps, notifier } = setup();
    const [a, b] = await Promise.all([runReminders(deps, { now: NOW }), runReminders(deps, { now: NOW })]);
    expect(notifier.delivered).toHaveLength(2);
    const outcomes = [...a, ...b].map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['claimed-elsewhere', 'claimed-elsewhere', 'sent', 'sent']);
  });

  it('retries a failed send on the next run, and keeps secrets out of the log', async () => {
    const { deps, notifier, log } = setup(new RecordingNotifier(1));
    const first = await runReminders(deps, { now: NOW, group: 'Climate Board' });
    expect(first[0].outcome).toBe('failed');
    expect(log.rows[0].outcome).toBe('Failed');
    expect(log.rows[0].detail).not.toContain('sig=secret');
    const second = await runReminders(deps, { now: NOW, group: 'climate board' });
    expect(second[0].outcome).toBe('sent');
    expect(log.rows[0]).toMatchObject({ outcome: 'Sent', attempts: 2 });
    expect(notifier.delivered).toHaveLength(1);
  });

  it('takes over a claim abandoned by a job that died, but not a fresh one', async () => {
    const { deps, notifier, log } = setup();
    await log.claim({ claimKey: 'Equality Board|digest|2026-11-24', groupName: 'Equality Board', kind: 'digest', dateKey: '2026-11-24', itemIds: [] });
    const fresh = await runReminders(deps, { now: NOW, group: 'Equality Board' });
    expect(fresh[0].outcome).toBe('claimed-elsewhere');
    log.rows[0].modified = new Date(Date.now() - 16 * 60_000).toISOString();
    const later = await runReminders(deps, { now: NOW, group: 'Equality Board' });
    expect(later[0].outcome).toBe('sent');
    expect(notifier.delivered).toHaveLength(1);
  });

  it('counts changes from the last digest sent', async () => {
    const { deps, plans } = setup();
    await runReminders(deps, { now: new Date('2026-11-17T08:00:00Z'), group: 'Equality Board' });
    const seen: string[] = [];
    const original = plans.updatesSince.bind(plans);
    plans.updatesSince = async (since, ids) => { seen.push(since); return original(since, ids); };
    plans.items[0].lastUpdated = '2026-11-20T09:00:00Z';
    await runReminders(deps, { now: NOW, group: 'Equality Board' });
    expect(seen).toEqual(['2026-11-17T08:00:00.000Z']);
  });

  it('builds but neither claims nor sends on a dry run', async () => {
    const { deps, notifier, log } = setup();
    const results = await runReminders(deps, { now: NOW, dryRun: true });
    expect(results.map((r) => r.outcome)).toEqual(['dry-run', 'dry-run']);
    expect(results[0].message?.payload.type).toBe('message');
    expect(notifier.delivered).toEqual([]);
    expect(log.rows).toEqual([]);
  });

  it('reports a group with no webhook without claiming it', async () => {
    const { deps, log, warnings } = setup();
    const results = await runReminders({ ...deps, webhooks: () => null }, { now: NOW, group: 'Equality Board' });
    expect(results[0].outcome).toBe('no-webhook');
    expect(results[0].detail).toMatch(/PLAN_TRACKER_WEBHOOK_EQUALITY_BOARD/);
    expect(log.rows).toEqual([]);
    expect(warnings.some((w) => w.includes('PLAN_TRACKER_WEBHOOK_EQUALITY_BOARD'))).toBe(true);
  });

  it('still sends the other groups when one group\'s queries fail', async () => {
    const { deps, plans, notifier } = setup();
    const original = plans.query.bind(plans);
    plans.query = async (filter, options) => {
      if (filter.steeringGroup === 'Climate Board') throw new Error('The query was refused.');
      return original(filter, options);
    };
    const results = await runReminders(deps, { now: NOW });
    expect(results.map((r) => [r.group, r.outcome])).toEqual([['Climate Board', 'failed'], ['Equality Board', 'sent']]);
    expect(results[0].detail).toMatch(/The query was refused\. Nothing was sent to "Climate Board"; run again to retry\./);
    expect(notifier.delivered).toHaveLength(1);
  });

  it('names the known groups when asked for an unknown one', async () => {
    const { deps } = setup();
    await expect(runReminders(deps, { now: NOW, group: 'Nope' })).rejects.toThrow(/No steering group is called "Nope" \(known groups: "Climate Board", "Equality Board"\)/);
  });
});
