import { matchesFilter } from '../../../src/domain/match-filter';
import { aPlanItem, aPerson } from '../../support/builders';

const today = '2026-11-24';

describe('matchesFilter', () => {
  it('treats overdue as due before today and still open', () => {
    expect(matchesFilter(aPlanItem({ dueDate: '2026-11-23' }), { overdue: true }, { today })).toBe(true);
    expect(matchesFilter(aPlanItem({ dueDate: '2026-11-24' }), { overdue: true }, { today })).toBe(false);
    expect(matchesFilter(aPlanItem({ dueDate: '2026-11-23', status: 'Completed' }), { overdue: true }, { today })).toBe(false);
    expect(matchesFilter(aPlanItem({ dueDate: null }), { overdue: true }, { today })).toBe(false);
  });

  it('matches free text case-insensitively over title, details, ref and owner text', () => {
    const item = aPlanItem({ title: 'Review recruitment', actionDetails: 'Anonymised shortlisting', actionRef: 'R2.B-1', ownerText: "Head of HR (O'Neill)" });
    for (const text of ['RECRUIT', 'shortlisting', 'r2.b', "o'neill"]) expect(matchesFilter(item, { text }, { today })).toBe(true);
    expect(matchesFilter(item, { text: 'procurement' }, { today })).toBe(false);
  });

  it('needs the current user for "my actions"', () => {
    const item = aPlanItem({ owner: aPerson({ id: 7 }) });
    expect(matchesFilter(item, { ownerIsMe: true }, { today, currentUserId: 7 })).toBe(true);
    expect(matchesFilter(item, { ownerIsMe: true }, { today, currentUserId: 8 })).toBe(false);
    expect(matchesFilter(item, { ownerIsMe: true }, { today })).toBe(false);
  });

  it('keeps due-within windows inclusive at both ends', () => {
    expect(matchesFilter(aPlanItem({ dueDate: '2026-11-24' }), { dueWithinDays: 30 }, { today })).toBe(true);
    expect(matchesFilter(aPlanItem({ dueDate: '2026-12-24' }), { dueWithinDays: 30 }, { today })).toBe(true);
    expect(matchesFilter(aPlanItem({ dueDate: '2026-12-25' }), { dueWithinDays: 30 }, { today })).toBe(false);
  });

  it('counts never-updated actions as stale candidates', () => {
    expect(matchesFilter(aPlanItem({ lastUpdated: null }), { lastUpdatedBefore: '2026-10-25T00:00:00Z' }, { today })).toBe(true);
    expect(matchesFilter(aPlanItem({ lastUpdated: '2026-11-01T09:00:00Z' }), { lastUpdatedBefore: '2026-10-25T00:00:00Z' }, { today })).toBe(false);
  });
});
