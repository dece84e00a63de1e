import { changedFields, checkEdit, describeEdit } from '../../../src/domain/action-edit';
import { aPerson, aPlanItem } from '../../support/builders';

describe('action-edit', () => {
  const item = aPlanItem({ title: 'Survey homes', dueDate: '2027-03-31', ownerText: 'Housing Board', owner: null });

  it('keeps only what really changes', () => {
    expect(changedFields(item, { title: ' Survey homes ', section: item.section, dueDate: '2027-03-31' })).toEqual({});
    expect(changedFields(item, { owner: aPerson({ id: 9, title: 'Sam Jones' }) })).toEqual({ owner: aPerson({ id: 9, title: 'Sam Jones' }) });
  });

  it('asks for a reason when the due date moves, a title, and some change', () => {
    expect(checkEdit(item, { dueDate: '2027-06-30' }).dueReason).toMatch(/Say why the due date changes/);
    expect(checkEdit(item, { dueDate: '2027-06-30', dueReason: 'Consultation extended' })).toEqual({});
    expect(checkEdit(item, { title: '  ' }).title).toBe('Enter a title for the action.');
    expect(checkEdit(item, { title: 'x'.repeat(256) }).title).toMatch(/255 characters/);
    expect(checkEdit(item, {}).form).toMatch(/Nothing has changed/);
  });

  it('describes the edit with UK dates and the reason', () => {
    expect(describeEdit(item, { owner: aPerson({ id: 9, title: 'Sam Jones' }), dueDate: '2027-06-30', dueReason: 'Consultation extended' }))
      .toBe('Edited: Owner: none → Sam Jones; Due date: 31/03/2027 → 30/06/2027 (reason: Consultation extended)');
  });
});
