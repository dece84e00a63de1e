import { capabilitiesOf, mayUpdateAction, roleOf, type AccessFacts } from '../../../src/domain/roles';
import { aPerson } from '../../support/builders';

const contributor: AccessFacts = { isSiteAdmin: false, canManageWeb: false, canEditItems: true, canAddItems: true, canDeleteItems: true, groups: ['Plans Members'] };
const reader: AccessFacts = { ...contributor, canEditItems: false, canAddItems: false, canDeleteItems: false, groups: ['Plans Visitors'] };

describe('roles', () => {
  it('makes the Plan Managers group, site owners and site admins managers', () => {
    expect(roleOf({ ...contributor, groups: ['plan managers'] })).toBe('manager');
    expect(roleOf({ ...contributor, canManageWeb: true })).toBe('manager');
    expect(roleOf({ ...contributor, isSiteAdmin: true })).toBe('manager');
  });

  it('makes other editors action owners and everyone else readers', () => {
    expect(roleOf(contributor)).toBe('owner');
    expect(roleOf(reader)).toBe('reader');
    // In the group but refused edit on the list by SharePoint: the list decides.
    expect(roleOf({ ...reader, groups: ['Plan Managers'] })).toBe('reader');
  });

  it('gives managers editing, import and send; owners and readers none of it', () => {
    const manager = capabilitiesOf({ ...contributor, groups: ['Plan Managers'] });
    expect(manager).toMatchObject({ editActions: true, addActions: true, deleteActions: true, bulkEdit: true, importPlans: true, sendDigests: true });
    expect(capabilitiesOf({ ...contributor, groups: ['Plan Managers'], canDeleteItems: false }).deleteActions).toBe(false);
    for (const facts of [contributor, reader]) {
      expect(capabilitiesOf(facts)).toMatchObject({ editActions: false, addActions: false, deleteActions: false, bulkEdit: false, importPlans: false, sendDigests: false });
    }
  });

  it('lets owners update only their own actions, managers any, readers none', () => {
    const me = aPerson({ id: 5 });
    const mine = { owner: me };
    const theirs = { owner: aPerson({ id: 6 }) };
    expect(mayUpdateAction(capabilitiesOf(contributor), mine, 5)).toBe(true);
    expect(mayUpdateAction(capabilitiesOf(contributor), theirs, 5)).toBe(false);
    expect(mayUpdateAction(capabilitiesOf({ ...contributor, canManageWeb: true }), theirs, 5)).toBe(true);
    expect(mayUpdateAction(capabilitiesOf(reader), mine, 5)).toBe(false);
  });
});
