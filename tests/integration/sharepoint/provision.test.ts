import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import { loadListsManifest } from '../../../src/cli/load-manifest';
import { provision, viewFieldNames } from '../../../src/sharepoint/provision';
import { planItemViews } from '../../../src/domain/saved-views';
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

  const PLAN_VIEWS = ['All actions', 'My actions', 'Overdue', 'Due in 30 days', 'By owner', 'By RAG', 'Completed'];
  const columnsOf = async (site: TestSite, title: string) =>
    viewFieldNames((await site.site.sp.web.lists.getByTitle('Plan Items').views.getByTitle(title).fields.select('Items')<{ Items: unknown }>()).Items);

  it('gives each of the seven Plan Items views the columns the tab shows, read back through PnPjs', async () => {
    const fresh = await startTestSite();
    try {
      for (const title of PLAN_VIEWS) {
        const columns = await columnsOf(fresh, title);
        expect({ title, columns }).toEqual({ title, columns: expect.arrayContaining(['ActionRef', 'LinkTitle', 'Owner', 'DueDate', 'Status', 'RAG', 'PercentComplete']) });
      }
      const byOwner = await fresh.site.sp.web.lists.getByTitle('Plan Items').views.getByTitle('By owner').select('ViewQuery')();
      expect(byOwner.ViewQuery).toMatch(/^<GroupBy Collapse="FALSE"><FieldRef Name="OwnerText"\/><\/GroupBy>.*<OrderBy><FieldRef Name="DueDate"/);
    } finally {
      await fresh.close();
    }
  });

  it('brings a site provisioned before views had columns up to the manifest, and then leaves it alone', async () => {
    const old = await startTestSite({ provision: false });
    try {
      const manifest = loadListsManifest();
      // What the old provisioner made: the same views with SharePoint's default column only.
      const withoutColumns = { ...manifest, lists: manifest.lists.map((l) => ({ ...l, views: l.views.map((v) => ({ ...v, fields: undefined })) })) };
      await provision(old.site.sp, withoutColumns);
      expect(await columnsOf(old, 'Overdue')).toEqual(['LinkTitle']);
      // …and a manager changed a view's query by hand.
      await old.site.sp.web.lists.getByTitle('Plan Items').views.getByTitle('By RAG').update({ ViewQuery: '<OrderBy><FieldRef Name="Title"/></OrderBy>' });

      const report = await provision(old.site.sp, manifest);
      expect(report.problems).toEqual([]);
      expect(report.created).toEqual([]);
      expect(report.updated).toEqual(expect.arrayContaining(PLAN_VIEWS.map((v) => `columns of view 'Plan Items/${v}'`)));
      expect(report.updated).toContain("query of view 'Plan Items/By RAG'");
      const expected = planItemViews(manifest);
      for (const title of PLAN_VIEWS) expect(await columnsOf(old, title)).toEqual(expected.find((v) => v.title === title)!.fields);
      const byRag = await old.site.sp.web.lists.getByTitle('Plan Items').views.getByTitle('By RAG').select('ViewQuery')();
      expect(byRag.ViewQuery).toContain('<GroupBy Collapse="FALSE"><FieldRef Name="RAG"/></GroupBy>');

      const again = await provision(old.site.sp, manifest);
      expect(again.updated).toEqual([]);
      expect(again.created).toEqual([]);
    } finally {
      await old.close();
    }
  });
});
