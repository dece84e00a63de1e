import { changesSince, digestItemIds, selectDigest } from '../../../src/domain/digest';
import { digestWindow } from '../../../src/domain/digest-window';
import { DEFAULT_STEERING_GROUP, type PlanItem, type SteeringGroup } from '../../../src/domain/plan-item';
import { aPlanItem, aProgressUpdate } from '../../support/builders';

const TODAY = '2026-11-24';
const board: SteeringGroup = { id: 1, name: 'Equality Board', ...DEFAULT_STEERING_GROUP };

/** A plan with an action in every state the digest distinguishes, on 24 Nov 2026. */
function planInEveryState(): PlanItem[] {
  const item = (id: number, overrides: Partial<PlanItem>) =>
    aPlanItem({ id, title: `Action ${id}`, steeringGroup: 'Equality Board', status: 'In progress', rag: 'Amber', lastUpdated: '2026-11-20T10:00:00Z', dueDate: '2027-06-30', ...overrides });
  return [
    item(1, { dueDate: '2026-09-01' }), // 84 days overdue: escalated
    item(2, { dueDate: '2026-11-10', status: 'Not started' }), // 14 days overdue
    item(3, { dueDate: '2026-10-25' }), // exactly 30 days overdue: not yet escalated
    item(4, { dueDate: '2026-10-24' }), // 31 days overdue: escalated
    item(5, { dueDate: '2026-11-24' }), // due today: due soon, not overdue
    item(6, { dueDate: '2026-12-08' }), // due in exactly 14 days: due soon
    item(7, { dueDate: '2026-12-09' }), // 15 days: outside the window
    item(8, { dueDate: '2026-09-01', status: 'Completed', rag: 'Blue' }), // done: never overdue
    item(9, { dueDate: '2026-09-01', status: 'Cancelled' }), // cancelled: never overdue
    item(10, { lastUpdated: '2026-10-24T09:00:00Z' }), // 31 days without an update: stale
    item(11, { lastUpdated: '2026-10-25T09:00:00Z' }), // exactly 30 days: still in time
    item(12, { lastUpdated: null }), // never updated: stale
    item(13, { dueDate: '2026-09-01', steeringGroup: 'Finance Committee' }), // another group's
    item(14, { dueDate: '2026-11-20', status: 'On hold', lastUpdated: '2026-09-01T09:00:00Z' }), // overdue and stale
    item(15, { dueDate: null, ongoing: true }), // ongoing, recently updated: nothing to say
  ];
}

const ids = (entries: { item: PlanItem }[] | PlanItem[]) => entries.map((e) => ('item' in e ? e.item.id : e.id));

describe('selectDigest', () => {
  const digest = selectDigest(planInEveryState(), [], board, TODAY);

  it('escalates actions overdue longer than the threshold, worst first', () => {
    expect(ids(digest.escalated)).toEqual([1, 4]);
    expect(digest.escalated.map((e) => e.daysOverdue)).toEqual([84, 31]);
  });

  it('lists the other overdue actions, most overdue first, and counts escalated ones in the total', () => {
    expect(ids(digest.overdue)).toEqual([3, 2, 14]);
    expect(digest.overdue.map((e) => e.daysOverdue)).toEqual([30, 14, 4]);
    expect(digest.counts.overdue).toBe(5);
    expect(digest.counts.escalated).toBe(2);
  });

  it('lists actions due from today to the end of the window, soonest first', () => {
    expect(ids(digest.dueSoon)).toEqual([5, 6]);
  });

  it('lists open actions with no update within the cadence, never-updated first', () => {
    expect(ids(digest.stale)).toEqual([12, 14, 10]);
  });

  it('leaves out completed, cancelled and other groups\' actions', () => {
    const listed = digestItemIds(digest);
    for (const id of [7, 8, 9, 11, 13, 15]) expect(listed).not.toContain(id);
  });

  it('uses the group\'s own window, cadence and threshold', () => {
    const strict = selectDigest(planInEveryState(), [], { ...board, dueSoonDays: 0, updateCadenceDays: 60, escalationDays: 10 }, TODAY);
    expect(ids(strict.escalated)).toEqual([1, 4, 3, 2]);
    expect(ids(strict.dueSoon)).toEqual([5]);
    expect(ids(strict.stale)).toEqual([12, 14]);
  });
});

describe('changesSince', () => {
  const items = planInEveryState();
  const update = (planItemId: number, created: string, fields: Parameters<typeof aProgressUpdate>[0]) =>
    aProgressUpdate({ planItemId, created, ...fields });

  it('reports completions, status and RAG transitions, newest first', () => {
    const changes = changesSince(items, [
      update(8, '2026-11-18T10:00:00Z', { status: 'Completed', previousStatus: 'In progress', rag: 'Blue', previousRag: 'Amber' }),
      update(2, '2026-11-19T10:00:00Z', { status: 'Not started', previousStatus: 'Not started', rag: 'Red', previousRag: 'Green' }),
      update(6, '2026-11-20T10:00:00Z', { status: 'On hold', previousStatus: 'In progress', rag: 'Amber', previousRag: 'Amber' }),
    ]);
    expect(changes.map((c) => [c.item.id, c.completed, c.statusChanged, c.ragChanged])).toEqual([
      [6, false, true, false],
      [2, false, false, true],
      [8, true, true, true],
    ]);
    expect(changes[1].from.rag).toBe('Green');
    expect(changes[1].to.rag).toBe('Red');
  });

  it('nets out an action that went there and back, and ignores comment-only updates', () => {
    const changes = changesSince(items, [
      update(5, '2026-11-18T10:00:00Z', { status: 'In progress', previousStatus: 'In progress', rag: 'Red', previousRag: 'Amber' }),
      update(5, '2026-11-19T10:00:00Z', { status: 'In progress', previousStatus: 'In progress', rag: 'Amber', previousRag: 'Red' }),
      update(10, '2026-11-19T10:00:00Z', { status: 'In progress', previousStatus: 'In progress', rag: 'Amber', previousRag: 'Amber' }),
    ]);
    expect(changes).toEqual([]);
  });

  it('ignores updates to other groups\' actions when selecting a digest', () => {
    const digest = selectDigest(items, [update(13, '2026-11-19T10:00:00Z', { status: 'Completed', previousStatus: 'In progress', rag: 'Blue', previousRag: 'Red' })], board, TODAY);
    expect(digest.changed).toEqual([]);
  });
});

describe('digestWindow', () => {
  it('takes today in the group\'s time zone and reaches back to the last digest', () => {
    // 00:30 on 1 July in London is still 30 June in UTC.
    const window = digestWindow(board, new Date('2026-06-30T23:30:00Z'), '2026-06-23T07:00:00Z');
    expect(window.today).toBe('2026-07-01');
    expect(window.dueTo).toBe('2026-07-15');
    expect(window.since).toBe('2026-06-23T07:00:00Z');
  });

  it('asks the server for a superset of the stale rule', () => {
    const window = digestWindow(board, new Date(`${TODAY}T09:00:00Z`), null);
    const staleByRule = selectDigest(planInEveryState(), [], board, TODAY).stale;
    for (const item of staleByRule) expect(item.lastUpdated === null || item.lastUpdated < window.staleBefore).toBe(true);
    expect(window.since).toBe('2026-11-17T09:00:00.000Z');
  });
});
