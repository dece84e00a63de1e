import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planItemViews, savedViewToQuery, savedViewToViewXml, type SavedViewDefinition } from '../../../src/domain/saved-views';
import { toCamlWhere } from '../../../src/domain/to-caml';
import { toODataFilter } from '../../../src/domain/to-odata';

const manifest: unknown = JSON.parse(readFileSync(join(__dirname, '../../../manifest/lists.json'), 'utf8'));
const withViews = (views: unknown[]) => ({ lists: [{ title: 'Plan Items', views }] });
const viewNamed = (title: string): SavedViewDefinition => {
  const view = planItemViews(manifest).find((v) => v.title === title);
  if (!view) throw new Error(`no view '${title}' in manifest/lists.json`);
  return view;
};

describe('saved-views', () => {
  it('reads the Plan Items views of manifest/lists.json', () => {
    expect(planItemViews(manifest).map((v) => v.title)).toEqual(['All actions', 'My actions', 'Overdue', 'Due in 30 days', 'By owner', 'By RAG', 'Completed']);
    expect(viewNamed('All actions').default).toBe(true);
    expect(viewNamed('By owner').groupBy).toBe('OwnerText');
  });

  it('provisions "My actions" as Owner = [Me] and "Due in 30 days" relative to today', () => {
    expect(savedViewToViewXml(viewNamed('My actions'))).toBe(
      '<View><Query><Where><Eq><FieldRef Name="Owner" LookupId="TRUE"/><Value Type="Integer"><UserID Type="Integer"/></Value></Eq></Where>' +
        '<OrderBy><FieldRef Name="DueDate" Ascending="TRUE"/></OrderBy></Query></View>',
    );
    expect(savedViewToViewXml(viewNamed('Due in 30 days'))).toContain('<Today OffsetDays="30"/>');
    expect(savedViewToViewXml(viewNamed('All actions'))).toBe(
      '<View><Query><OrderBy><FieldRef Name="Section" Ascending="TRUE"/><FieldRef Name="DueDate" Ascending="TRUE"/></OrderBy></Query></View>',
    );
  });

  it('gives the tab the same filter and order the view was provisioned with', () => {
    for (const def of planItemViews(manifest)) {
      const query = savedViewToQuery(def);
      expect(query.orderBy).toEqual(def.orderBy);
      expect(savedViewToViewXml(def)).toContain(toCamlWhere(query.filter));
    }
    const overdue = savedViewToQuery(viewNamed('Overdue'));
    expect(toODataFilter(overdue.filter, { today: '2026-11-24' })).toBe(
      "DueDate lt datetime'2026-11-24T00:00:00Z' and Status ne 'Completed' and Status ne 'Cancelled'",
    );
    expect(savedViewToQuery(viewNamed('By RAG')).groupBy).toBe('RAG');
  });

  it('hands out copies, so the tab cannot change a definition', () => {
    const def = viewNamed('Overdue');
    const query = savedViewToQuery(def);
    query.filter.overdue = false;
    query.orderBy[0].ascending = false;
    expect(def.filter.overdue).toBe(true);
    expect(def.orderBy[0].ascending).toBe(true);
  });

  it('names the view and the field when a view is wrong', () => {
    expect(() => planItemViews(withViews([{ title: 'Late', filter: { overdue: 'yes' }, orderBy: [] }]))).toThrow(
      /^View 'Late' of 'Plan Items' in manifest\/lists.json is not valid: filter\.overdue: /,
    );
    expect(() => planItemViews(withViews([{ title: 'Typo', filter: { overDue: true } }]))).toThrow(/View 'Typo'.*overDue/);
    expect(() => planItemViews(withViews([{ title: 'Bad sort', filter: {}, orderBy: [{ field: 'Owner', ascending: true }] }]))).toThrow(
      /View 'Bad sort'.*orderBy\.0\.field/,
    );
    expect(() => planItemViews(withViews([{ title: 'Bad date', filter: { dueTo: '31/05/2024' } }]))).toThrow(/View 'Bad date'.*filter\.dueTo: a date such as 2024-05-31/);
    expect(() => planItemViews(withViews([{ filter: {} }]))).toThrow(/View number 1 of 'Plan Items'/);
  });

  it('says so when the manifest has no Plan Items list or is not a manifest', () => {
    expect(() => planItemViews({ lists: [] })).toThrow("manifest/lists.json has no 'Plan Items' list");
    expect(() => planItemViews('nonsense')).toThrow('manifest/lists.json is not a lists manifest');
  });

  it('defaults a missing orderBy to none', () => {
    expect(planItemViews(withViews([{ title: 'Plain', filter: {} }]))[0].orderBy).toEqual([]);
  });
});
