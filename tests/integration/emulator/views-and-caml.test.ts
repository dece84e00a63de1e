import { failure, openSpTarget, uniqueTitle, type SpTarget } from './sp-target';

type Row = { ID: number; Title: string };

const OVERDUE_QUERY =
  '<Where><And><Lt><FieldRef Name="DueDate"/><Value Type="DateTime"><Today/></Value></Lt>' +
  '<Neq><FieldRef Name="Status"/><Value Type="Choice">Completed</Value></Neq></And></Where>' +
  '<OrderBy><FieldRef Name="DueDate" Ascending="TRUE"/></OrderBy>';

describe('embedded SharePoint: views and CAML', () => {
  let target: SpTarget;
  const title = uniqueTitle('Plan Items');
  const list = () => target.sp.web.lists.getByTitle(title);
  let meId: number;

  beforeAll(async () => {
    target = await openSpTarget({ users: [{ name: 'Plan Admin', email: 'admin@contoso.example' }] });
    await target.sp.web.lists.add(title);
    await list().fields.addChoice('Status', { Choices: ['Not started', 'Completed'] });
    await list().fields.addDateTime('DueDate', { DisplayFormat: 0 });
    await list().fields.addUser('Owner');
    meId = (await target.sp.web.currentUser()).Id;
    const other = (await target.sp.web.ensureUser('kim.lee@contoso.example')).Id;
    await list().items.add({ Title: '<b>Late</b> & open', Status: 'Not started', DueDate: '2001-01-31', OwnerId: meId });
    await list().items.add({ Title: 'Late but done', Status: 'Completed', DueDate: '2001-02-28', OwnerId: other });
    await list().items.add({ Title: 'Future', Status: 'Not started', DueDate: '2999-12-31', OwnerId: other });
    await list().items.add({ Title: 'Earlier late', Status: 'Not started', DueDate: '2000-06-30', OwnerId: other });
  });
  afterAll(() => target.close());

  it('adds a view with a CAML query and a page URL under the list folder', async () => {
    const view = await list().views.add('Overdue', false, { ViewQuery: OVERDUE_QUERY, RowLimit: 50 });
    expect(view).toMatchObject({ Title: 'Overdue', RowLimit: 50, PersonalView: false, ViewQuery: OVERDUE_QUERY });
    const listInfo = await list().select('RootFolder/ServerRelativeUrl').expand('RootFolder')();
    expect(view.ServerRelativeUrl).toBe(`${listInfo.RootFolder.ServerRelativeUrl}/Overdue.aspx`);
    const fetched = await list().views.getByTitle('Overdue')();
    expect(fetched.Id).toBe(view.Id);
    const titles = ((await list().views()) as { Title: string }[]).map((v) => v.Title);
    expect(titles).toEqual(['All Items', 'Overdue']);
  });

  it('answers a view\'s fields', async () => {
    const fields = await list().views.getByTitle('All Items').fields();
    expect(fields.Items).toEqual(['LinkTitle']);
    expect(fields.SchemaXml).toContain('<FieldRef Name="LinkTitle" />');
  });

  it('answers 404 for a view that does not exist', async () => {
    expect((await failure(list().views.getByTitle('Nope')())).status).toBe(404);
  });

  it('refuses a ViewQuery that is not CAML', async () => {
    const { status, message } = await failure(list().views.add('Broken', false, { ViewQuery: '<Where><Eq><FieldRef Name="Status"/>' }));
    expect(status).toBe(400);
    expect(message).toContain('ViewQuery is not valid CAML');
  });

  it('applies the stored view query through getitems: <Today/>, Neq and OrderBy', async () => {
    const view = await list().views.getByTitle('Overdue')();
    const rows = (await list().getItemsByCAMLQuery({ ViewXml: `<View><Query>${view.ViewQuery}</Query></View>` })) as Row[];
    expect(rows.map((r) => r.Title)).toEqual(['Earlier late', '<b>Late</b> & open']);
  });

  it('getitems understands <UserID/>, In, BeginsWith, IsNull, Or and RowLimit', async () => {
    const mine = (await list().getItemsByCAMLQuery({
      ViewXml: '<View><Query><Where><Eq><FieldRef Name="Owner" LookupId="TRUE"/><Value Type="Integer"><UserID/></Value></Eq></Where></Query></View>',
    })) as Row[];
    expect(mine.map((r) => r.Title)).toEqual(['<b>Late</b> & open']);
    const some = (await list().getItemsByCAMLQuery({
      ViewXml:
        '<View><Query><Where><Or><BeginsWith><FieldRef Name="Title"/><Value Type="Text">Fut</Value></BeginsWith>' +
        '<In><FieldRef Name="Status"/><Values><Value Type="Choice">Completed</Value></Values></In></Or></Where>' +
        '<OrderBy><FieldRef Name="ID" Ascending="FALSE"/></OrderBy></Query><RowLimit>1</RowLimit></View>',
    })) as Row[];
    expect(some.map((r) => r.Title)).toEqual(['Future']);
    const none = (await list().getItemsByCAMLQuery({ ViewXml: '<View><Query><Where><IsNull><FieldRef Name="DueDate"/></IsNull></Where></Query></View>' })) as Row[];
    expect(none).toEqual([]);
  });

  it('getitems with $expand returns the person projected', async () => {
    const rows = (await list().getItemsByCAMLQuery({ ViewXml: '<View><Query><Where><Eq><FieldRef Name="ID"/><Value Type="Counter">1</Value></Eq></Where></Query></View>' }, 'Owner')) as (Row & { Owner: { Title: string } })[];
    expect(rows[0].Owner.Title).toBe('Plan Admin');
  });

  it('answers 400 for malformed CAML, saying where', async () => {
    const { status, message } = await failure(list().getItemsByCAMLQuery({ ViewXml: '<View><Query><Where><Eq></Where></Query></View>' }));
    expect(status).toBe(400);
    expect(message).toMatch(/position \d+/);
  });

  it('serves the view page at its ServerRelativeUrl as accessible HTML listing its rows, values escaped', async () => {
    const view = await list().views.getByTitle('Overdue')();
    const response = await fetch(new URL(encodeURI(view.ServerRelativeUrl), target.siteUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<th scope="col">Title</th>');
    expect(html).toContain('&lt;b&gt;Late&lt;/b&gt; &amp; open');
    expect(html).not.toContain('<b>Late</b>');
    expect(html).toContain('Earlier late');
    expect(html).not.toContain('Future');
    expect(html.indexOf('Earlier late')).toBeLessThan(html.indexOf('&lt;b&gt;Late'));
  });

  it('serves an item page at DispForm.aspx?ID=n, also under the folder name without spaces', async () => {
    const listInfo = await list().select('RootFolder/ServerRelativeUrl').expand('RootFolder')();
    const root: string = listInfo.RootFolder.ServerRelativeUrl;
    const page = await fetch(new URL(`${encodeURI(root)}/DispForm.aspx?ID=1`, target.siteUrl));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>&lt;b&gt;Late&lt;/b&gt; &amp; open</h1>');
    const squashed = await fetch(new URL(`${encodeURI(root.replace(/ /g, ''))}/Overdue.aspx`, target.siteUrl));
    expect(squashed.status).toBe(200);
    expect((await fetch(new URL(`${encodeURI(root)}/DispForm.aspx?ID=999`, target.siteUrl))).status).toBe(404);
  });
});
