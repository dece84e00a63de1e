import { DEFAULT_STEERING_GROUP, type SteeringGroup } from '../../../src/domain/plan-item';
import type { PlanRepository } from '../../../src/domain/ports';
import { localDigestLinks } from '../../../src/reminders/digest-links';
import type { ReminderDeps } from '../../../src/reminders/run-reminders';
import { startScheduler } from '../../../src/reminders/scheduler';
import { aPlanItem } from '../../support/builders';
import { groupsOf, InMemoryPlans, InMemoryReminderLog } from './fakes';

function depsWith(groups: SteeringGroup[]): { deps: ReminderDeps; warnings: string[] } {
  const plans = new InMemoryPlans([aPlanItem({ steeringGroup: 'Unlisted Group' })]);
  const warnings: string[] = [];
  const logger = { info: () => undefined, warn: (m: string) => warnings.push(m) };
  return {
    warnings,
    deps: {
      plans: plans as unknown as PlanRepository,
      log: new InMemoryReminderLog(),
      groups: groupsOf(groups, plans),
      notifier: { send: async () => ({ status: 202, attempts: 1 }) },
      webhooks: () => 'http://127.0.0.1:1/_sink/webhooks/x',
      links: (overdueView) => localDigestLinks({ origin: 'http://127.0.0.1:1', overdueViewUrl: overdueView }),
      logger,
    },
  };
}

describe('startScheduler', () => {
  it('schedules each group on its cron in its time zone, unlisted groups on the default', async () => {
    const weekly: SteeringGroup = { id: 1, name: 'Board', ...DEFAULT_STEERING_GROUP, schedule: '30 9 * * 3', timeZone: 'Europe/London' };
    const { deps, warnings } = depsWith([weekly]);
    const scheduler = await startScheduler({ deps, logger: deps.logger! });
    try {
      const next = scheduler.nextRuns();
      expect(Object.keys(next).sort()).toEqual(['Board', 'Unlisted Group']);
      // Wednesdays 09:30 London time; Mondays 08:00 for the default.
      const board = next.Board!;
      expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(board)).toBe('Wed 09:30');
      const unlisted = next['Unlisted Group']!;
      expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(unlisted)).toBe('Mon 08:00');
      expect(warnings.some((w) => w.includes('"Unlisted Group" is named on actions'))).toBe(true);
    } finally {
      scheduler.stop();
    }
  });

  it('warns about a schedule that is not a cron expression and schedules the rest', async () => {
    const broken: SteeringGroup = { id: 2, name: 'Broken', ...DEFAULT_STEERING_GROUP, schedule: 'every monday' };
    const { deps, warnings } = depsWith([broken]);
    const scheduler = await startScheduler({ deps, logger: deps.logger! });
    try {
      expect(Object.keys(scheduler.nextRuns())).toEqual(['Unlisted Group']);
      expect(warnings).toContainEqual(expect.stringMatching(/Broken: the schedule "every monday" is not a valid cron expression/));
    } finally {
      scheduler.stop();
    }
  });

  it('polls for "Send now" requests when given where they live', async () => {
    const { deps } = depsWith([]);
    let polls = 0;
    const requests = {
      pending: async () => { polls++; return { value: [], serverNow: new Date() }; },
      request: async () => { throw new Error('not used'); },
      get: async () => { throw new Error('not used'); },
      claim: async () => null,
      renew: async () => null,
      finish: async () => undefined,
    };
    const scheduler = await startScheduler({ deps: { ...deps, requests }, logger: deps.logger!, requestPollMs: 10 });
    try {
      // Polled every 10 ms: on a busy machine allow up to 2 s for the second poll.
      for (let waited = 0; polls < 2 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(polls).toBeGreaterThanOrEqual(2);
    } finally {
      scheduler.stop();
    }
    const after = polls;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(polls).toBe(after);
  });
});
