import { ownerKey, proposeOwner, type OwnerAlias, type SiteUser } from '../../../src/domain/owner-matching';

const aUser = (id: number, title: string, jobTitle?: string): SiteUser => ({ id, title, email: `${title.split(' ')[0].toLowerCase()}@contoso.example`, jobTitle });
const USERS = [
  aUser(1, 'Sharon Godman'),
  aUser(2, 'Andreas Christophorou'),
  aUser(3, 'Somen Banerjee', 'Director of Public Health'),
  aUser(4, 'Vicky Clark'),
  aUser(5, 'Vicky Brown'),
];
const noAliases = new Map<string, OwnerAlias>();

describe('proposeOwner', () => {
  it('matches a full name written before a job title, confidently', () => {
    const p = proposeOwner('Sharon Godman Director Strategy, Improvement and Transformation', USERS, noAliases);
    expect(p).toMatchObject({ kind: 'people', confident: true });
    expect(p.people.map((u) => [u.id, u.how])).toEqual([[1, 'name']]);
  });

  it('finds several people in one cell, in the order written, and asks to confirm a first name alone', () => {
    const p = proposeOwner('Andreas Christophorou Director, Communications and Marketing/ Sharon', USERS, noAliases);
    expect(p.people.map((u) => [u.id, u.how])).toEqual([[2, 'name'], [1, 'partial-name']]);
    expect(p.confident).toBe(false);
  });

  it('proposes a near spelling for confirmation, never applies it alone', () => {
    const p = proposeOwner('Sharon Godmann, Director', USERS, noAliases);
    expect(p.people.map((u) => [u.id, u.how])).toEqual([[1, 'fuzzy']]);
    expect(p.confident).toBe(false);
  });

  it('proposes the holder of a job title the text names', () => {
    const p = proposeOwner('Director of Public Health', USERS, noAliases);
    expect(p.people.map((u) => [u.id, u.how])).toEqual([[3, 'job-title']]);
    expect(p.confident).toBe(false);
  });

  it('does not guess between two people who share a first name', () => {
    expect(proposeOwner('Vicky', USERS, noAliases).people).toEqual([]);
  });

  it('keeps boards and teams as text', () => {
    expect(proposeOwner('Health & Wellbeing Board', USERS, noAliases)).toMatchObject({ kind: 'team', people: [], confident: true });
    expect(proposeOwner('Someone Unknown', USERS, noAliases)).toMatchObject({ kind: 'unknown', people: [], confident: false });
  });

  it('uses a remembered alias whatever the case and spacing, including "keep as text"', () => {
    const aliases = new Map<string, OwnerAlias>([
      [ownerKey('Director, HR & Workforce'), { text: 'Director, HR & Workforce', personId: 4, keepAsText: false }],
      [ownerKey('Sharon Godman'), { text: 'Sharon Godman', personId: null, keepAsText: true }],
    ]);
    expect(proposeOwner('director,  HR & Workforce ', USERS, aliases).people.map((u) => [u.id, u.how])).toEqual([[4, 'alias']]);
    expect(proposeOwner('Sharon Godman', USERS, aliases)).toMatchObject({ kind: 'alias', people: [], confident: true });
  });
});
