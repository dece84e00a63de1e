import type { Rag, Status } from '../../../src/domain/plan-item';
import { applyUpdate, describeChanges, validateUpdate } from '../../../src/domain/update-rules';
import { aPlanItem, aStatusUpdate } from '../../support/builders';

const now = '2026-11-24T10:15:00Z';

describe('update-rules', () => {
  describe('validateUpdate', () => {
    it('accepts an ordinary update', () => {
      expect(validateUpdate(aPlanItem(), aStatusUpdate())).toEqual([]);
    });

    it('asks for a note when RAG turns Red', () => {
      const problems = validateUpdate(aPlanItem({ rag: 'Amber' }), aStatusUpdate({ rag: 'Red', comment: '   ' }));
      expect(problems).toEqual([{ field: 'comment', message: 'Add a progress note explaining why this action is Red.' }]);
    });

    it('accepts Red with a note, and an action that stays Red without one', () => {
      expect(validateUpdate(aPlanItem({ rag: 'Amber' }), aStatusUpdate({ rag: 'Red', comment: 'Supplier went bust.' }))).toEqual([]);
      expect(validateUpdate(aPlanItem({ rag: 'Red' }), aStatusUpdate({ rag: 'Red', comment: '' }))).toEqual([]);
    });

    it('asks for a note when an unrated action turns Red', () => {
      expect(validateUpdate(aPlanItem({ rag: null }), aStatusUpdate({ rag: 'Red', comment: '' }))).toHaveLength(1);
    });

    it.each([-1, 101, 50.5, Number.NaN])('refuses percent complete %p', (percentComplete) => {
      expect(validateUpdate(aPlanItem(), aStatusUpdate({ percentComplete }))).toEqual([
        { field: 'percentComplete', message: 'Enter percent complete as a whole number from 0 to 100.' },
      ]);
    });

    it.each([0, 100])('accepts percent complete %p', (percentComplete) => {
      expect(validateUpdate(aPlanItem(), aStatusUpdate({ percentComplete }))).toEqual([]);
    });

    it('asks for a reason when the due date is revised', () => {
      const problems = validateUpdate(aPlanItem({ dueDate: '2026-12-31' }), aStatusUpdate({ dueDate: '2027-03-31', comment: '' }));
      expect(problems).toEqual([{ field: 'comment', message: 'Add a progress note giving the reason for the new due date.' }]);
    });

    it('asks for a reason when the due date is removed', () => {
      const problems = validateUpdate(aPlanItem({ dueDate: '2026-12-31' }), aStatusUpdate({ dueDate: null, comment: '' }));
      expect(problems).toEqual([{ field: 'comment', message: 'Add a progress note giving the reason for removing the due date.' }]);
    });

    it('needs no reason when the due date is sent unchanged', () => {
      expect(validateUpdate(aPlanItem({ dueDate: '2026-12-31' }), aStatusUpdate({ dueDate: '2026-12-31', comment: '' }))).toEqual([]);
    });

    it('refuses a revised due date that is not a real date', () => {
      const problems = validateUpdate(aPlanItem({ dueDate: '2026-12-31' }), aStatusUpdate({ dueDate: '2027-02-30', comment: 'Delayed by the election.' }));
      expect(problems).toEqual([{ field: 'dueDate', message: 'Enter the revised due date as a real date, for example 2026-12-31.' }]);
    });

    it('refuses a status or RAG outside the lists', () => {
      const problems = validateUpdate(aPlanItem(), aStatusUpdate({ status: 'Done' as Status, rag: 'Purple' as Rag }));
      expect(problems.map((p) => p.field)).toEqual(['status', 'rag']);
      expect(problems[0].message).toBe('Choose a status: Not started, In progress, On hold, Completed, Cancelled.');
    });

    it('reports every problem at once', () => {
      const problems = validateUpdate(aPlanItem({ rag: 'Green', dueDate: null }), aStatusUpdate({ rag: 'Red', percentComplete: 120, comment: '', dueDate: '2027-01-31' }));
      expect(problems.map((p) => p.field)).toEqual(['percentComplete', 'comment', 'comment']);
    });
  });

  describe('applyUpdate', () => {
    it('writes status, RAG, percent, the note and LastUpdated', () => {
      const changes = applyUpdate(aPlanItem({ rag: 'Green' }), aStatusUpdate({ rag: 'Amber', percentComplete: 40, comment: '  Waiting on legal.  ' }), now);
      expect(changes).toEqual({ status: 'In progress', rag: 'Amber', percentComplete: 40, latestUpdate: 'Waiting on legal.', lastUpdated: now });
    });

    it('keeps the previous note when the update has none', () => {
      expect(applyUpdate(aPlanItem(), aStatusUpdate({ comment: '' }), now)).not.toHaveProperty('latestUpdate');
    });

    it('completing sets 100%, the completed date and Blue when RAG was left unchanged', () => {
      const changes = applyUpdate(aPlanItem({ rag: 'Green', percentComplete: 80 }), aStatusUpdate({ status: 'Completed', rag: 'Green', percentComplete: 80 }), now);
      expect(changes).toMatchObject({ status: 'Completed', percentComplete: 100, completedDate: '2026-11-24', rag: 'Blue' });
    });

    it('keeps the RAG the owner chose when completing', () => {
      const changes = applyUpdate(aPlanItem({ rag: 'Amber' }), aStatusUpdate({ status: 'Completed', rag: 'Green' }), now);
      expect(changes.rag).toBe('Green');
    });

    it('dates completion by the London calendar (late evening in summer is the next day)', () => {
      const changes = applyUpdate(aPlanItem(), aStatusUpdate({ status: 'Completed' }), '2026-06-30T23:30:00Z');
      expect(changes.completedDate).toBe('2026-07-01');
    });

    it('keeps the original completed date when a completed action is updated again', () => {
      const done = aPlanItem({ status: 'Completed', rag: 'Blue', percentComplete: 100, completedDate: '2026-10-01' });
      expect(applyUpdate(done, aStatusUpdate({ status: 'Completed', rag: 'Blue', percentComplete: 100 }), now).completedDate).toBe('2026-10-01');
    });

    it('leaving Completed clears the completed date, and a Blue left unchanged', () => {
      const done = aPlanItem({ status: 'Completed', rag: 'Blue', percentComplete: 100, completedDate: '2026-10-01' });
      const changes = applyUpdate(done, aStatusUpdate({ status: 'In progress', rag: 'Blue', percentComplete: 90 }), now);
      expect(changes).toMatchObject({ status: 'In progress', completedDate: null, rag: null, percentComplete: 90 });
      expect(applyUpdate(done, aStatusUpdate({ status: 'In progress', rag: 'Amber' }), now).rag).toBe('Amber');
    });

    it('does not touch the completed date of an action that stays open', () => {
      expect(applyUpdate(aPlanItem(), aStatusUpdate(), now)).not.toHaveProperty('completedDate');
    });

    it('writes a revised due date, and only a revised one', () => {
      const item = aPlanItem({ dueDate: '2026-12-31' });
      expect(applyUpdate(item, aStatusUpdate({ dueDate: '2027-03-31' }), now).dueDate).toBe('2027-03-31');
      expect(applyUpdate(item, aStatusUpdate({ dueDate: null }), now)).toHaveProperty('dueDate', null);
      expect(applyUpdate(item, aStatusUpdate({ dueDate: '2026-12-31' }), now)).not.toHaveProperty('dueDate');
      expect(applyUpdate(item, aStatusUpdate(), now)).not.toHaveProperty('dueDate');
    });
  });

  describe('describeChanges', () => {
    it('lists what someone else changed, as a person reads it', () => {
      const before = aPlanItem({ status: 'In progress', rag: 'Amber', percentComplete: 60, dueDate: '2026-12-31', latestUpdate: '', ownerText: 'Head of Housing' });
      const after = { ...before, status: 'Completed' as const, rag: 'Blue' as const, percentComplete: 100, dueDate: '2027-01-15', latestUpdate: 'Signed off by cabinet.', ownerText: "Director of Place (O'Brien)", title: 'New title' };
      expect(describeChanges(before, after)).toEqual([
        { field: 'title', label: 'Title', from: before.title, to: 'New title' },
        { field: 'status', label: 'Status', from: 'In progress', to: 'Completed' },
        { field: 'rag', label: 'RAG', from: 'Amber', to: 'Blue' },
        { field: 'percentComplete', label: 'Percent complete', from: '60%', to: '100%' },
        { field: 'dueDate', label: 'Due date', from: '31 Dec 2026', to: '15 Jan 2027' },
        { field: 'ownerText', label: 'Owner', from: 'Head of Housing', to: "Director of Place (O'Brien)" },
        { field: 'latestUpdate', label: 'Latest update', from: 'None', to: 'Signed off by cabinet.' },
      ]);
    });

    it('shows missing values as None', () => {
      const before = aPlanItem({ rag: null, dueDate: '2026-12-31' });
      expect(describeChanges(before, { ...before, rag: 'Red', dueDate: null })).toEqual([
        { field: 'rag', label: 'RAG', from: 'None', to: 'Red' },
        { field: 'dueDate', label: 'Due date', from: '31 Dec 2026', to: 'None' },
      ]);
    });

    it('is empty when nothing a person edits changed', () => {
      const before = aPlanItem();
      expect(describeChanges(before, { ...before, etag: '"2"', lastUpdated: now })).toEqual([]);
    });
  });
});
