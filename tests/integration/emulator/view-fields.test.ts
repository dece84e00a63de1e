import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/views';
import { statusOf } from '../../../src/sharepoint/batch';
import { viewFieldNames } from '../../../src/sharepoint/provision';
import { startTestSite, type TestSite } from '../../support/test-site';

describe('embedded server: view columns, SetViewXml, renderAsHtml, getView (through PnPjs)', () => {
  let t: TestSite;
  beforeAll(async () => { t = await startTestSite(); });
  afterAll(() => t.close());

  const list = () => t.site.sp.web.lists.getByTitle('Plan Items');
  const freshView = async (title: string) => {
    const added = await list().views.add(title, false, { ViewQuery: '<OrderBy><FieldRef Name="ID"/></OrderBy>' });
    return list().views.getById(added.Id);
  };
  const columns = async (view: Awaited<ReturnType<typeof freshView>>) => viewFieldNames((await view.fields.select('Items')<{ Items: unknown }>()).Items);

  it('adds, moves and removes columns, by internal name or title, and says which column does not exist', async () => {
    const view = await freshView('Columns test');
    expect(await columns(view)).toEqual(['LinkTitle']);
    await view.fields.add('RAG');
    await view.fields.add('DueDate');
    await view.fields.add('Created By');
    await view.fields.add('RAG');
    expect(await columns(view)).toEqual(['LinkTitle', 'RAG', 'DueDate', 'Author']);
    await view.fields.move('DueDate', 0);
    expect(await columns(view)).toEqual(['DueDate', 'LinkTitle', 'RAG', 'Author']);
    await view.fields.remove('Author');
    expect(await columns(view)).toEqual(['DueDate', 'LinkTitle', 'RAG']);
    expect(await view.fields.getSchemaXml()).toBe('<FieldRefs><FieldRef Name="DueDate" /><FieldRef Name="LinkTitle" /><FieldRef Name="RAG" /></FieldRefs>');
    await view.fields.removeAll();
    expect(await columns(view)).toEqual([]);

    const unknown = await view.fields.add('NoSuchColumn').then(() => null, (e: unknown) => e);
    expect(statusOf(unknown)).toBe(404);
    expect(String((unknown as Error).message)).toContain("Column 'NoSuchColumn' does not exist");
    const outOfRange = await view.fields.move('LinkTitle', 0).then(() => null, (e: unknown) => e);
    expect(statusOf(outOfRange)).toBe(400);
  });

  it('SetViewXml replaces the query, the columns and the row limit that the XML holds', async () => {
    const view = await freshView('Xml test');
    await view.setViewXml('<View><Query><GroupBy Collapse="FALSE"><FieldRef Name="RAG"/></GroupBy><Where><Eq><FieldRef Name="Status"/><Value Type="Choice">In progress</Value></Eq></Where></Query><ViewFields><FieldRef Name="ActionRef"/><FieldRef Name="LinkTitle"/><FieldRef Name="Status"/></ViewFields><RowLimit Paged="TRUE">50</RowLimit></View>');
    const after = await view.select('ViewQuery', 'RowLimit', 'ListViewXml')<{ ViewQuery: string; RowLimit: number; ListViewXml: string }>();
    expect(after.ViewQuery).toBe('<GroupBy Collapse="FALSE"><FieldRef Name="RAG"/></GroupBy><Where><Eq><FieldRef Name="Status"/><Value Type="Choice">In progress</Value></Eq></Where>');
    expect(after.RowLimit).toBe(50);
    expect(await columns(view)).toEqual(['ActionRef', 'LinkTitle', 'Status']);
    // A part the XML leaves out stays.
    await view.setViewXml('<View><RowLimit Paged="TRUE">20</RowLimit></View>');
    expect(await columns(view)).toEqual(['ActionRef', 'LinkTitle', 'Status']);
    const bad = await view.setViewXml('<View><Query><Where><Bogus/></Where></Query></View>').then(() => null, (e: unknown) => e);
    expect(statusOf(bad)).toBe(400);
  });

  it('renderAsHtml draws the view\'s rows in its columns, as text; getView finds a view by id', async () => {
    await list().items.add({ Title: 'Fix <b>this</b>', ActionRef: 'V-1', Status: 'In progress', RAG: 'Red' });
    const view = await freshView('Html test');
    await view.fields.add('ActionRef');
    await view.fields.add('RAG');
    const html = await view.renderAsHtml();
    expect(html).toContain('<th scope="col">Title</th><th scope="col">ActionRef</th><th scope="col">RAG</th>');
    expect(html).toContain('Fix &lt;b&gt;this&lt;/b&gt;');
    const { Id } = await view.select('Id')<{ Id: string }>();
    expect((await list().getView(Id)()).Title).toBe('Html test');
  });
});
