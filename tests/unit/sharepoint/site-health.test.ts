import { parseListsManifest, type ListsManifest } from '../../../src/sharepoint/schema';
import { viewTargetOf } from '../../../src/sharepoint/provision';
import { checkSiteAgainstManifest, type ListState, type SiteState } from '../../../src/sharepoint/site-health';
import type { SavedViewDefinition } from '../../../src/domain/saved-views';

const manifest: ListsManifest = parseListsManifest({
  lists: [{
    title: 'Plan Items',
    fields: [
      { name: 'Title', type: 'text', builtIn: true },
      { name: 'RAG', type: 'choice', indexed: true, choices: ['Red', 'Amber'] },
      { name: 'Key', type: 'text', indexed: true, unique: true },
    ],
    views: [{ title: 'By RAG', filter: {}, groupBy: 'RAG', orderBy: [{ field: 'ID', ascending: true }], fields: ['LinkTitle', 'RAG'] }],
  }],
});

/** The site exactly as the manifest wants it; each test breaks one thing. */
function healthySite(): SiteState & { planItems: ListState } {
  const target = viewTargetOf(manifest.lists[0].views[0] as SavedViewDefinition);
  const planItems: ListState = {
    fields: new Map([
      ['Title', { typeKind: 2, indexed: false, unique: false }],
      ['RAG', { typeKind: 6, indexed: true, unique: false }],
      ['Key', { typeKind: 2, indexed: true, unique: true }],
    ]),
    views: new Map([['By RAG', { query: target.query.replace(/"/g, "'").replace(/\/>/g, ' />'), columns: ['LinkTitle', 'RAG'] }]]),
  };
  return { lists: new Map([['Plan Items', planItems]]), planItems };
}

describe('checkSiteAgainstManifest', () => {
  it('finds nothing wrong with a site that matches (CAML compared regardless of quotes and blanks)', () => {
    expect(checkSiteAgainstManifest(manifest, healthySite())).toEqual([]);
  });

  it('reports a missing list with the provision command', () => {
    expect(checkSiteAgainstManifest(manifest, { lists: new Map() })).toEqual([{ what: "list 'Plan Items' is missing", fix: expect.stringContaining('npx plan-tracker provision') }]);
  });

  it('reports a lost unique constraint, a view lacking a column and a view whose grouping changed', () => {
    const site = healthySite();
    site.planItems.fields.set('Key', { typeKind: 2, indexed: true, unique: false });
    site.planItems.views.set('By RAG', { query: '<OrderBy><FieldRef Name="ID"/></OrderBy>', columns: ['LinkTitle'] });
    expect(checkSiteAgainstManifest(manifest, site).map((p) => p.what)).toEqual([
      "field 'Plan Items/Key' does not enforce unique values",
      "view 'Plan Items/By RAG' lacks the column RAG",
      "view 'Plan Items/By RAG' filters, sorts or groups differently from the manifest",
    ]);
  });
});

describe('manifest view columns', () => {
  it('must be columns the list has, naming the view and the column', () => {
    const bad = { lists: [{ title: 'Plan Items', fields: [{ name: 'RAG', type: 'text' }], views: [{ title: 'Mine', filter: {}, fields: ['LinkTitle', 'Owner'] }] }] };
    expect(() => parseListsManifest(bad)).toThrow("manifest/lists.json: view 'Mine' of 'Plan Items' shows the column 'Owner', which the list does not declare.");
  });
});
