import { DEFAULT_STEERING_GROUP, type SteeringGroup } from '../../../src/domain/plan-item';
import type { PlanRepository } from '../../../src/domain/ports';
import { localDigestLinks } from '../../../src/reminders/digest-links';
import type { WebhookMessage } from '../../../src/reminders/digest-message';
import { runReminders, type ReminderDeps } from '../../../src/reminders/run-reminders';
import { WebhookDeliveryError, type Notifier } from '../../../src/reminders/webhook-notifier';
import { aPlanItem } from '../../support/builders';
import { groupsOf, InMemoryPlans, InMemoryReminderLog } from './fakes';

const NOW = new Date('2026-11-24T08:00:00Z');
const board: SteeringGroup = { id: 1, name: 'Equality Board', key: 'EQUALITY_BOARD', ...DEFAULT_STEERING_GROUP, dueSoonDays: 21 };

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
    webhooks: (group) => `https://hooks.example/${encodeURIComponent(group.name)}?sig=secret`,
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
      ['CLIMATE_BOARD|digest|2026-11-24', 'Sent', NOW.toISOString()],
      ['EQUALITY_BOARD|digest|2026-11-24', 'Sent', NOW.toISOString()],
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

  it('lets only one of two concurrent jobs send: the other waits for the live claim and finds it sent', async () => {
    const { deps, notifier } = setup();
    const [a, b] = await Promise.all([runReminders(deps, { now: NOW, pollMs: 10 }), runReminders(deps, { now: NOW, pollMs: 10 })]);
    expect(notifier.delivered).toHaveLength(2);
    const outcomes = [...a, ...b].map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['already-sent', 'already-sent', 'sent', 'sent']);
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

  it('takes over at once, and says so, a claim whose lease ran out on the server\'s clock, but not a live one', async () => {
    const { deps, notifier, log, warnings } = setup();
    let server = Date.parse('2026-11-24T07:59:00Z');
    log.serverClock = () => new Date(server);
    await log.claim({ claimKey: 'EQUALITY_BOARD|digest|2026-11-24', groupName: 'Equality Board', kind: 'digest', dateKey: '2026-11-24', itemIds: [] });
    const live = await runReminders(deps, { now: NOW, group: 'Equality Board', leaseMs: 120_000, maxWaitMs: 30 });
    expect(live[0]).toMatchObject({ outcome: 'claimed-elsewhere', detail: expect.stringMatching(/another job is sending today's digest now/) });
    server += 121_000;
    const later = await runReminders(deps, { now: NOW, group: 'Equality Board', leaseMs: 120_000 });
    expect(later[0]).toMatchObject({ outcome: 'sent', tookOver: true, detail: expect.stringMatching(/^Took over the claim of a job that stopped \(last heard from at 2026-11-24T07:59:00.000Z/) });
    expect(warnings.some((w) => w.startsWith('Equality Board: Took over the claim'))).toBe(true);
    expect(notifier.delivered).toHaveLength(1);
  });

  it('never takes over a live claim however far ahead the job host\'s clock runs', async () => {
    const { deps, notifier, log } = setup();
    log.serverClock = () => new Date('2026-11-24T08:00:00Z');
    await log.claim({ claimKey: 'EQUALITY_BOARD|digest|2026-11-24', groupName: 'Equality Board', kind: 'digest', dateKey: '2026-11-24', itemIds: [] });
    const ahead = await runReminders(deps, { now: new Date('2026-11-24T08:20:00Z'), group: 'Equality Board', maxWaitMs: 30 });
    expect(ahead[0].outcome).toBe('claimed-elsewhere');
    expect(notifier.delivered).toHaveLength(0);
  });

  it('renews its claim before a retry, and posts nothing once another job has taken the claim over', async () => {
    const { deps, log } = setup();
    let attempts = 0;
    const notifier: Notifier = {
      async send(_url, _message, options) {
        for (let attempt = 1; attempt <= 3; attempt++) {
          await options?.beforeAttempt?.(attempt);
          attempts++;
          // The first attempt fails; meanwhile another job takes the claim over.
          if (attempt === 1) Object.assign(log.rows[0], { etag: '"99"' });
        }
        return { status: 202, attempts: 3 };
      },
    };
    const results = await runReminders({ ...deps, notifier }, { now: NOW, group: 'Equality Board' });
    expect(results[0]).toMatchObject({ outcome: 'claimed-elsewhere', detail: expect.stringMatching(/Another job took over 'EQUALITY_BOARD\|digest\|2026-11-24'/) });
    expect(attempts).toBe(1);
  });

  it('sends the other groups while one group\'s webhook hangs', async () => {
    const { deps } = setup();
    let release: () => void = () => undefined;
    const delivered: string[] = [];
    const notifier: Notifier = {
      async send(url) {
        if (url.includes('Climate')) await new Promise<void>((resolve) => { release = resolve; });
        delivered.push(url);
        return { status: 202, attempts: 1 };
      },
    };
    const run = runReminders({ ...deps, notifier }, { now: NOW });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(delivered).toEqual(['https://hooks.example/Equality%20Board?sig=secret']);
    release();
    expect((await run).map((r) => r.outcome)).toEqual(['sent', 'sent']);
  });

  it('sends nothing to two groups that share a key, and reports the setting as ambiguous', async () => {
    const { deps, notifier } = setup();
    const twin: SteeringGroup = { ...board, id: 2, name: 'Equality-Board', key: 'equality board' };
    const problems: string[] = [];
    const results = await runReminders({ ...deps, groups: { ...deps.groups, list: async () => [board, twin] } }, { now: NOW, onProblems: (p) => problems.push(...p.map((x) => x.kind)) });
    expect(results.filter((r) => r.group.startsWith('Equality')).map((r) => r.outcome)).toEqual(['failed', 'failed']);
    expect(problems).toEqual(['ambiguous']);
    expect(notifier.delivered.map((d) => d.url)).toEqual(['https://hooks.example/Climate%20Board?sig=secret']);
  });

  it('puts the claim key in the message and the card, for a flow to drop repeats', async () => {
    const { deps, notifier } = setup();
    await runReminders(deps, { now: NOW, group: 'Equality Board' });
    const message = notifier.delivered[0].message;
    expect(message.claimKey).toBe('EQUALITY_BOARD|digest|2026-11-24');
    expect(message.attachments[0].content.metadata).toEqual({ claimKey: 'EQUALITY_BOARD|digest|2026-11-24' });
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
    const results = await runReminders({ ...deps, webhooks: () => null }, { now: NOW, group: 'EQUALITY_BOARD' });
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
    await expect(runReminders(deps, { now: NOW, group: 'Nope' })).rejects.toThrow(/No steering group is called "Nope" \(known groups: "Climate Board" \(CLIMATE_BOARD\), "Equality Board" \(EQUALITY_BOARD\)\)/);
  });
});
