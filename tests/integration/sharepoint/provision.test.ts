import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import { loadListsManifest } from '../../../src/cli/load-manifest';
import { provision } from '../../../src/sharepoint/provision';
import { startTestSite, type TestSite } from '../../support/test-site';

describe('provision', () => {
  let t: TestSite;
  beforeAll(async () => { t = await startTestSite({ provision: false }); });
  afterAll(() => t.close());

  const snapshot = async () => {
    const lists = await t.site.sp.web.lists.select('Title')();
    const out: Record<string, { fields: string[]; indexed: string[]; views: string[] }> = {};
    for (const { Title } of lists as { Title: string }[]) {
      const list = t.site.sp.web.lists.getByTitle(Title);
      const fields = (await list.fields.select('InternalName', 'Indexed')()) as { InternalName: string; Indexed: boolean }[];
      const views = (await list.views.select('Title')()) as { Title: string }[];
      out[Title] = { fields: fields.map((f) => f.InternalName).sort(), indexed: fields.filter((f) => f.Indexed).map((f) => f.InternalName).sort(), views: views.map((v) => v.Title).sort() };
    }
    return out;
  };

  it('creates the lists, fields, indexes and views, and a second run changes nothing', async () => {
    const manifest = loadListsManifest();
    const first = await provision(t.site.sp, manifest);
    expect(first.problems).toEqual([]);
    expect(first.created).toContain("list 'Plan Items'");
    const after1 = await snapshot();
    expect(Object.keys(after1)).toEqual(expect.arrayContaining(['Plan Items', 'Progress Updates', 'Steering Groups', 'Reminder Log']));
    expect(after1['Plan Items'].indexed).toEqual(expect.arrayContaining(['ActionRef', 'DueDate', 'Plan', 'RAG', 'Status', 'SteeringGroup']));
    // SharePoint creates "All Items" with every new list; the manifest's seven views come beside it.
    expect(after1['Plan Items'].views).toEqual(['All Items', 'All actions', 'By RAG', 'By owner', 'Completed', 'Due in 30 days', 'My actions', 'Overdue'].sort());

    const second = await provision(t.site.sp, manifest);
    expect(second.created).toEqual([]);
    expect(second.problems).toEqual([]);
    expect(await snapshot()).toEqual(after1);
  });

  it('reports a field of the wrong type instead of replacing it', async () => {
    const manifest = loadListsManifest();
    const custom = { ...manifest, lists: [{ ...manifest.lists[0], title: 'Wrong Types', fields: [{ name: 'Title', type: 'text' as const, builtIn: true }, { name: 'DueDate', type: 'text' as const }], views: [] }] };
    await provision(t.site.sp, custom);
    const changed = { ...custom, lists: [{ ...custom.lists[0], fields: [{ name: 'DueDate', type: 'date' as const }] }] };
    const report = await provision(t.site.sp, changed);
    expect(report.problems).toEqual([expect.stringMatching(/field 'Wrong Types\/DueDate' exists with FieldTypeKind 2 but the manifest says date/)]);
    const field = await t.site.sp.web.lists.getByTitle('Wrong Types').fields.getByInternalNameOrTitle('DueDate').select('FieldTypeKind')();
    expect(field.FieldTypeKind).toBe(2);
  });
});
