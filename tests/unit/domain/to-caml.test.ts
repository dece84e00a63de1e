import { XMLValidator } from 'fast-xml-parser';
import type { PlanFilter } from '../../../src/domain/filter-model';
import { toCamlWhere, toViewXml } from '../../../src/domain/to-caml';

const field = (name: string, type: string, value: string) => `<FieldRef Name="${name}"/><Value Type="${type}">${value}</Value>`;
const NOT_COMPLETED = `<Neq>${field('Status', 'Choice', 'Completed')}</Neq>`;
const NOT_CANCELLED = `<Neq>${field('Status', 'Choice', 'Cancelled')}</Neq>`;
const contains = (name: string, type: string, text: string) => `<Contains>${field(name, type, text)}</Contains>`;

// Typed by every key of PlanFilter, so adding a filter field without its CAML form fails to compile.
const EVERY_FIELD: Record<keyof Required<PlanFilter>, [PlanFilter, string]> = {
  plan: [{ plan: 'Climate Plan' }, `<Eq>${field('Plan', 'Text', 'Climate Plan')}</Eq>`],
  ownerId: [{ ownerId: 7 }, '<Eq><FieldRef Name="Owner" LookupId="TRUE"/><Value Type="Integer">7</Value></Eq>'],
  ownerIsMe: [{ ownerIsMe: true }, '<Eq><FieldRef Name="Owner" LookupId="TRUE"/><Value Type="Integer"><UserID Type="Integer"/></Value></Eq>'],
  ownerText: [{ ownerText: 'Head of Housing' }, `<Eq>${field('OwnerText', 'Text', 'Head of Housing')}</Eq>`],
  statuses: [
    { statuses: ['Not started', 'On hold', 'In progress'] },
    `<Or><Eq>${field('Status', 'Choice', 'Not started')}</Eq><Or><Eq>${field('Status', 'Choice', 'On hold')}</Eq><Eq>${field('Status', 'Choice', 'In progress')}</Eq></Or></Or>`,
  ],
  rags: [{ rags: ['Red'] }, `<Eq>${field('RAG', 'Choice', 'Red')}</Eq>`],
  section: [{ section: '2. Transport' }, `<Eq>${field('Section', 'Text', '2. Transport')}</Eq>`],
  steeringGroup: [{ steeringGroup: 'Climate Board' }, `<Eq>${field('SteeringGroup', 'Text', 'Climate Board')}</Eq>`],
  dueFrom: [{ dueFrom: '2026-01-01' }, `<Geq>${field('DueDate', 'DateTime', '2026-01-01T00:00:00Z')}</Geq>`],
  dueTo: [{ dueTo: '2024-05-31' }, `<Leq>${field('DueDate', 'DateTime', '2024-05-31T00:00:00Z')}</Leq>`],
  dueWithinDays: [
    { dueWithinDays: 30 },
    `<And><Geq>${field('DueDate', 'DateTime', '<Today/>')}</Geq><And><Leq>${field('DueDate', 'DateTime', '<Today OffsetDays="30"/>')}</Leq>` +
      `<And>${NOT_COMPLETED}${NOT_CANCELLED}</And></And></And>`,
  ],
  overdue: [{ overdue: true }, `<And><Lt>${field('DueDate', 'DateTime', '<Today/>')}</Lt><And>${NOT_COMPLETED}${NOT_CANCELLED}</And></And>`],
  completed: [{ completed: true }, `<Eq>${field('Status', 'Choice', 'Completed')}</Eq>`],
  lastUpdatedBefore: [
    { lastUpdatedBefore: '2026-10-25T00:00:00.000Z' },
    '<Or><Lt><FieldRef Name="LastUpdated"/><Value Type="DateTime" IncludeTimeValue="TRUE">2026-10-25T00:00:00Z</Value></Lt><IsNull><FieldRef Name="LastUpdated"/></IsNull></Or>',
  ],
  lastUpdatedFrom: [
    { lastUpdatedFrom: '2026-11-17T10:00:00+01:00' },
    '<Geq><FieldRef Name="LastUpdated"/><Value Type="DateTime" IncludeTimeValue="TRUE">2026-11-17T09:00:00Z</Value></Geq>',
  ],
  text: [
    { text: 'cycle' },
    `<Or>${contains('Title', 'Text', 'cycle')}<Or>${contains('ActionDetails', 'Note', 'cycle')}<Or>${contains('ActionRef', 'Text', 'cycle')}${contains('OwnerText', 'Text', 'cycle')}</Or></Or></Or>`,
  ],
};

const wellFormed = (xml: string) => XMLValidator.validate(`<Where>${xml}</Where>`) === true;

describe('toCamlWhere', () => {
  it('is empty for an empty filter', () => {
    expect(toCamlWhere({})).toBe('');
    expect(toCamlWhere({ overdue: false, statuses: [] })).toBe('');
  });

  it.each(Object.entries(EVERY_FIELD))('writes %s', (_key, [filter, expected]) => {
    expect(toCamlWhere(filter)).toBe(expected);
    expect(wellFormed(expected)).toBe(true);
  });

  it('XML-escapes every value', () => {
    expect(toCamlWhere({ ownerText: "O'Brien" })).toBe(`<Eq>${field('OwnerText', 'Text', 'O&apos;Brien')}</Eq>`);
    const where = toCamlWhere({ section: 'Roads & <Paths>', text: '"quoted" <b>' });
    expect(where).toContain('Roads &amp; &lt;Paths&gt;');
    expect(where).toContain('&quot;quoted&quot; &lt;b&gt;');
    expect(where).not.toMatch(/<b>|<Paths>/);
    expect(wellFormed(where)).toBe(true);
  });

  it('nests And pairwise for many conditions, most selective first, text last', () => {
    const where = toCamlWhere({ plan: 'P', ownerIsMe: true, rags: ['Red'], text: 'x' });
    expect(where.startsWith('<And><Eq><FieldRef Name="Owner" LookupId="TRUE"/>')).toBe(true);
    expect(where.indexOf('Name="RAG"')).toBeLessThan(where.indexOf('Name="Plan"'));
    expect(where.indexOf('Name="Plan"')).toBeLessThan(where.indexOf('<Contains>'));
    // Three nested Ands join four conditions.
    expect(where.match(/<And>/g)).toHaveLength(3);
    expect(wellFormed(where)).toBe(true);
  });

  it('uses every field of a filter that sets them all', () => {
    const everything = Object.values(EVERY_FIELD).reduce<PlanFilter>((all, [filter]) => ({ ...all, ...filter }), {});
    const where = toCamlWhere(everything);
    for (const [, expected] of Object.values(EVERY_FIELD)) {
      // Shared open-status conditions are said once, so look for each field's own first condition.
      expect(where).toContain(expected.replace(/^<And>/, '').slice(0, 60));
    }
    expect(wellFormed(where)).toBe(true);
  });
});

describe('toViewXml', () => {
  it('wraps Where, OrderBy and a paged row limit in a View', () => {
    const xml = toViewXml({ completed: true }, [{ field: 'DueDate', ascending: true }, { field: 'ID', ascending: false }], 100);
    expect(xml).toBe(
      `<View><Query><Where><Eq>${field('Status', 'Choice', 'Completed')}</Eq></Where>` +
        '<OrderBy><FieldRef Name="DueDate" Ascending="TRUE"/><FieldRef Name="ID" Ascending="FALSE"/></OrderBy></Query>' +
        '<RowLimit Paged="TRUE">100</RowLimit></View>',
    );
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('leaves out what is not asked for', () => {
    expect(toViewXml({}, [])).toBe('<View><Query></Query></View>');
  });

  it('refuses a sort field that is not an internal name, and a bad row limit', () => {
    expect(() => toViewXml({}, [{ field: 'Due"Date', ascending: true }])).toThrow("Cannot sort on 'Due\"Date'");
    expect(() => toViewXml({}, [], 0)).toThrow("row limit must be a whole number above 0");
  });
});
