import { badgeFor, compareForMyActions, daysOverdue, isDueSoon, isOpen, isOverdue, isStale } from '../../../src/domain/rules';
import { aPlanItem } from '../../support/builders';

const today = '2026-11-24';

describe('rules', () => {
  describe('isOpen', () => {
    it.each([
      ['Not started', true],
      ['In progress', true],
      ['On hold', true],
      ['Completed', false],
      ['Cancelled', false],
    ] as const)('is %s open: %s', (status, open) => {
      expect(isOpen(aPlanItem({ status }))).toBe(open);
    });
  });

  describe('isOverdue', () => {
    it('is not overdue on the due date itself', () => {
      expect(isOverdue(aPlanItem({ dueDate: today }), today)).toBe(false);
    });

    it('is overdue the day after the due date', () => {
      expect(isOverdue(aPlanItem({ dueDate: '2026-11-23' }), today)).toBe(true);
    });

    it('is never overdue when Completed or Cancelled, or when undated', () => {
      expect(isOverdue(aPlanItem({ dueDate: '2020-01-01', status: 'Completed' }), today)).toBe(false);
      expect(isOverdue(aPlanItem({ dueDate: '2020-01-01', status: 'Cancelled' }), today)).toBe(false);
      expect(isOverdue(aPlanItem({ dueDate: null }), today)).toBe(false);
    });

    it('counts On hold and Not started actions as overdue', () => {
      expect(isOverdue(aPlanItem({ dueDate: '2026-11-01', status: 'On hold' }), today)).toBe(true);
      expect(isOverdue(aPlanItem({ dueDate: '2026-11-01', status: 'Not started' }), today)).toBe(true);
    });
  });

  describe('isDueSoon', () => {
    it('includes today and the last day of the window, not the day after', () => {
      expect(isDueSoon(aPlanItem({ dueDate: today }), today)).toBe(true);
      expect(isDueSoon(aPlanItem({ dueDate: '2026-12-08' }), today)).toBe(true);
      expect(isDueSoon(aPlanItem({ dueDate: '2026-12-09' }), today)).toBe(false);
    });

    it('leaves out overdue, closed and undated actions', () => {
      expect(isDueSoon(aPlanItem({ dueDate: '2026-11-23' }), today)).toBe(false);
      expect(isDueSoon(aPlanItem({ dueDate: '2026-11-30', status: 'Completed' }), today)).toBe(false);
      expect(isDueSoon(aPlanItem({ dueDate: null }), today)).toBe(false);
    });

    it('uses the window it is given', () => {
      expect(isDueSoon(aPlanItem({ dueDate: '2026-12-24' }), today, 30)).toBe(true);
      expect(isDueSoon(aPlanItem({ dueDate: '2026-12-25' }), today, 30)).toBe(false);
      expect(isDueSoon(aPlanItem({ dueDate: '2026-11-25' }), today, 0)).toBe(false);
    });
  });

  describe('isStale', () => {
    it('is stale when the action was never updated', () => {
      expect(isStale(aPlanItem({ lastUpdated: null }), today)).toBe(true);
    });

    it('is still in time exactly on the cadence, stale one day later', () => {
      expect(isStale(aPlanItem({ lastUpdated: '2026-10-25T16:00:00Z' }), today)).toBe(false);
      expect(isStale(aPlanItem({ lastUpdated: '2026-10-24T09:00:00Z' }), today)).toBe(true);
      expect(isStale(aPlanItem({ lastUpdated: '2026-11-17T09:00:00Z' }), today, 7)).toBe(false);
      expect(isStale(aPlanItem({ lastUpdated: '2026-11-16T09:00:00Z' }), today, 7)).toBe(true);
    });

    it('takes the London date of the update (23:30 UTC in summer is the next day)', () => {
      // 2026-06-30T23:30Z is 1 July in London: 7 days before 8 July, in time for a 7-day cadence.
      expect(isStale(aPlanItem({ lastUpdated: '2026-06-30T23:30:00Z' }), '2026-07-08', 7)).toBe(false);
    });

    it('is never stale when Completed or Cancelled', () => {
      expect(isStale(aPlanItem({ status: 'Completed', lastUpdated: null }), today)).toBe(false);
      expect(isStale(aPlanItem({ status: 'Cancelled', lastUpdated: '2020-01-01T00:00:00Z' }), today)).toBe(false);
    });
  });

  describe('daysOverdue', () => {
    it('counts days past the due date, 0 when not overdue', () => {
      expect(daysOverdue(aPlanItem({ dueDate: '2026-11-23' }), today)).toBe(1);
      expect(daysOverdue(aPlanItem({ dueDate: '2026-10-24' }), today)).toBe(31);
      expect(daysOverdue(aPlanItem({ dueDate: today }), today)).toBe(0);
      expect(daysOverdue(aPlanItem({ dueDate: '2026-10-24', status: 'Completed' }), today)).toBe(0);
      expect(daysOverdue(aPlanItem({ dueDate: null }), today)).toBe(0);
    });
  });

  describe('badgeFor', () => {
    const fresh = '2026-11-20T09:00:00Z';

    it('prefers overdue over no-update', () => {
      expect(badgeFor(aPlanItem({ dueDate: '2026-11-01', lastUpdated: null }), today)).toBe('overdue');
    });

    it('prefers due-soon over no-update', () => {
      expect(badgeFor(aPlanItem({ dueDate: '2026-11-30', lastUpdated: null }), today)).toBe('due-soon');
    });

    it('shows no-update for a stale action not due soon', () => {
      expect(badgeFor(aPlanItem({ dueDate: '2027-06-30', lastUpdated: null }), today)).toBe('no-update');
    });

    it('shows nothing for an up-to-date action or a closed one', () => {
      expect(badgeFor(aPlanItem({ dueDate: '2027-06-30', lastUpdated: fresh }), today)).toBeNull();
      expect(badgeFor(aPlanItem({ dueDate: '2026-01-01', status: 'Completed', lastUpdated: null }), today)).toBeNull();
    });

    it('uses the windows it is given', () => {
      const item = aPlanItem({ dueDate: '2026-12-20', lastUpdated: '2026-11-10T09:00:00Z' });
      expect(badgeFor(item, today)).toBeNull();
      expect(badgeFor(item, today, { dueSoonDays: 30 })).toBe('due-soon');
      expect(badgeFor(item, today, { cadenceDays: 7 })).toBe('no-update');
    });
  });

  describe('compareForMyActions', () => {
    it('puts overdue first, then by due date, undated last, then by title', () => {
      const items = [
        aPlanItem({ title: 'Undated B', dueDate: null }),
        aPlanItem({ title: 'Later', dueDate: '2027-03-31' }),
        aPlanItem({ title: 'Undated a', dueDate: null }),
        aPlanItem({ title: 'Overdue recent', dueDate: '2026-11-20' }),
        aPlanItem({ title: 'Due today', dueDate: today }),
        aPlanItem({ title: 'Overdue oldest', dueDate: '2026-01-31' }),
        aPlanItem({ title: 'Same day b', dueDate: '2026-12-01' }),
        aPlanItem({ title: 'Same day A', dueDate: '2026-12-01' }),
      ];
      const sorted = [...items].sort((a, b) => compareForMyActions(a, b, today)).map((i) => i.title);
      expect(sorted).toEqual(['Overdue oldest', 'Overdue recent', 'Due today', 'Same day A', 'Same day b', 'Later', 'Undated a', 'Undated B']);
    });

    it('does not put a completed action with a past date among the overdue', () => {
      const done = aPlanItem({ title: 'Done', dueDate: '2026-01-01', status: 'Completed' });
      const late = aPlanItem({ title: 'Late', dueDate: '2026-06-01' });
      expect([done, late].sort((a, b) => compareForMyActions(a, b, today)).map((i) => i.title)).toEqual(['Late', 'Done']);
    });

    it('is stable for identical items (falls back to id)', () => {
      const a = aPlanItem({ id: 1, title: 'Same' });
      const b = aPlanItem({ id: 2, title: 'Same' });
      expect(compareForMyActions(a, b, today)).toBeLessThan(0);
      expect(compareForMyActions(b, a, today)).toBeGreaterThan(0);
      expect(compareForMyActions(a, a, today)).toBe(0);
    });
  });
});
