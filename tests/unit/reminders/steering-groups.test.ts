import { DEFAULT_STEERING_GROUP, type SteeringGroup } from '../../../src/domain/plan-item';
import { groupLogQuery, readLastDigestSentAt } from '../../../src/reminders/group-log';
import { defaultGroup, resolveGroups, type GroupSource } from '../../../src/reminders/resolve-groups';
import { toSteeringGroup } from '../../../src/sharepoint/steering-group-repository';
import { InMemoryReminderLog } from './fakes';

describe('toSteeringGroup', () => {
  it('reads a Steering Groups row', () => {
    expect(toSteeringGroup({ ID: 3, Title: ' Equality Board ', Schedule: '0 9 * * 2', TimeZone: 'Europe/Dublin', DueSoonDays: 21, UpdateCadenceDays: 45, EscalationDays: 10 })).toEqual({
      id: 3, name: 'Equality Board', schedule: '0 9 * * 2', timeZone: 'Europe/Dublin', dueSoonDays: 21, updateCadenceDays: 45, escalationDays: 10,
    });
  });

  it('fills what the row leaves empty with the defaults', () => {
    expect(toSteeringGroup({ ID: 4, Title: 'Finance', Schedule: '', TimeZone: null, DueSoonDays: null })).toEqual({ ...defaultGroup('Finance'), id: 4 });
    expect(defaultGroup('Finance')).toEqual({ id: null, name: 'Finance', ...DEFAULT_STEERING_GROUP });
  });
});

describe('group keys', () => {
  const listed = (id: number, name: string, key?: string): SteeringGroup => ({ ...defaultGroup(name), id, ...(key ? { key } : {}) });

  it('reads GroupKey as the setting spells it', () => {
    expect(toSteeringGroup({ ID: 3, Title: 'Equality Board', GroupKey: ' equality-board ' }).key).toBe('EQUALITY_BOARD');
    expect(toSteeringGroup({ ID: 3, Title: 'Equality Board', GroupKey: '' }).key).toBeUndefined();
  });

  it('gives a listed group without a key one, stored once, and tries the next when another group took it meanwhile', async () => {
    const stored: [number, string][] = [];
    const source: GroupSource = {
      list: async () => [listed(1, 'Equality Board', 'EQUALITY_BOARD'), listed(2, 'Equality-Board'), listed(3, 'Finance')],
      namesOnActions: async () => ['Finance', 'Unlisted Panel'],
      overdueViewUrl: async () => '',
      // Another job gave EQUALITY_BOARD_2 to a group a moment ago: the unique index refuses it here.
      saveKey: async (id, key) => {
        if (key === 'EQUALITY_BOARD_2') return null;
        stored.push([id, key]);
        return key;
      },
    };
    const info: string[] = [];
    const groups = await resolveGroups(source, undefined, { warn: () => undefined, info: (m) => info.push(m) });
    expect(groups.map((g) => [g.name, g.key])).toEqual([
      ['Equality Board', 'EQUALITY_BOARD'],
      ['Equality-Board', 'EQUALITY_BOARD_3'],
      ['Finance', 'FINANCE'],
      ['Unlisted Panel', 'UNLISTED_PANEL'],
    ]);
    expect(stored).toEqual([[2, 'EQUALITY_BOARD_3'], [3, 'FINANCE']]);
    expect(info[0]).toMatch(/"Equality-Board" had no key: it is now EQUALITY_BOARD_3 \(its webhook setting is PLAN_TRACKER_WEBHOOK_EQUALITY_BOARD_3\)/);
    // A group may be chosen by its key as well as its name.
    expect((await resolveGroups({ ...source, list: async () => groups.slice(0, 3) }, 'finance', { warn: () => undefined })).map((g) => g.key)).toEqual(['FINANCE']);
  });
});

describe('the log a run reads', () => {
  it('asks for today\'s key and this and last month\'s keys of the group, scheduled and "Send now"', () => {
    expect(groupLogQuery({ name: 'Equality Board', key: 'EQUALITY_BOARD' }, '2026-01-05')).toEqual({
      keys: ['Equality Board|digest|2026-01-05'],
      prefixes: ['EQUALITY_BOARD|digest|2026-01', 'Equality Board|request|2026-01', 'EQUALITY_BOARD|digest|2025-12', 'Equality Board|request|2025-12'],
    });
  });

  it('finds the last digest sent, scheduled or on request, in one read', async () => {
    const log = new InMemoryReminderLog();
    const sent = async (claimKey: string, kind: string, sentAt: string) => {
      const row = (await log.claim({ claimKey, groupName: 'Equality Board', kind, dateKey: sentAt.slice(0, 10), itemIds: [] }))!;
      await log.finish(row, 'Sent', sentAt, '');
    };
    await sent('EQUALITY_BOARD|digest|2026-11-20', 'digest', '2026-11-20T08:00:00Z');
    await sent('Equality Board|request|2026-11-21T15:00:00.000Z', 'digest-now', '2026-11-21T15:00:05Z');
    await sent('OTHER|digest|2026-11-23', 'digest', '2026-11-23T08:00:00Z');
    expect(await readLastDigestSentAt(log, { name: 'Equality Board', key: 'EQUALITY_BOARD' }, '2026-11-24')).toBe('2026-11-21T15:00:05Z');
    expect(await readLastDigestSentAt(log, { name: 'Nobody' }, '2026-11-24')).toBeNull();
  });
});
