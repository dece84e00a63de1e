import '@pnp/sp/forms';
import { failure, openSpTarget, uniqueTitle, type SpTarget } from './sp-target';

type Change = { ChangeType: number; ItemId?: number; ChangeToken: { StringValue: string } };

/** Change logs (`getChanges`), RenderListDataAsStream, forms and validateUpdateListItem. */
describe('embedded SharePoint: change log, list rendering and forms', () => {
  let target: SpTarget;
  beforeAll(async () => {
    target = await openSpTarget();
  });
  afterAll(() => target.close());

  it('logs item adds, updates and deletes per list and per web, from a change token on', async () => {
    const title = uniqueTitle('Changes');
    await target.sp.web.lists.add(title);
    const list = target.sp.web.lists.getByTitle(title);
    const a = await list.items.add({ Title: 'a' });
    const b = await list.items.add({ Title: 'b' });
    await list.items.getById(a.Id).update({ Title: 'a2' });
    await list.items.getById(b.Id).delete();
    const all = (await list.getChanges({ Item: true, Add: true, Update: true, DeleteObject: true })) as Change[];
    expect(all.map((c) => [c.ChangeType, c.ItemId])).toEqual([
      [1, a.Id],
      [1, b.Id],
      [2, a.Id],
      [3, b.Id],
    ]);
    const since = (await list.getChanges({ Item: true, Add: true, Update: true, DeleteObject: true, ChangeTokenStart: all[1].ChangeToken })) as Change[];
    expect(since.map((c) => c.ChangeType)).toEqual([2, 3]);
    expect((await list.getChanges({ Add: true })) as Change[]).toEqual([]);
    const web = (await target.sp.web.getChanges({ Item: true, Add: true })) as Change[];
    expect(web.filter((c) => c.ItemId === b.Id)).toHaveLength(1);
    const listAdds = (await target.sp.web.getChanges({ List: true, Add: true })) as (Change & { ListId: string })[];
    const listId = (await list.select('Id')()).Id;
    expect(listAdds.filter((c) => c.ListId === listId).map((c) => c.ChangeType)).toEqual([1]);
    expect((await failure(list.getChanges({ Item: true, Add: true, ChangeTokenStart: { StringValue: 'nonsense' } }))).status).toBe(400);
  });

  it('renders a view of rows with paging and column filters (RenderListDataAsStream)', async () => {
    const title = uniqueTitle('Rendered');
    await target.sp.web.lists.add(title);
    const list = target.sp.web.lists.getByTitle(title);
    for (const t of ['Item 1', 'Item 2', 'Item 3']) await list.items.add({ Title: t });
    const page = await list.renderListDataAsStream({ ViewXml: '<View><RowLimit>2</RowLimit></View>' });
    expect(page.Row.map((r: { Title: string }) => r.Title)).toEqual(['Item 1', 'Item 2']);
    expect(page.NextHref).toMatch(/Paged=TRUE&p_ID=\d+/);
    const filtered = await list.renderListDataAsStream({ ViewXml: '<View><RowLimit>5</RowLimit></View>' }, {}, new Map([['FilterField1', 'Title'], ['FilterValue1', 'Item 3']]));
    expect(filtered.Row).toHaveLength(1);
    const refused = await failure(list.renderListDataAsStream({ ViewXml: '<View/>', FolderServerRelativeUrl: '/x' }));
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/not supported/);
  });

  it("lists a list's display, edit and new forms and finds one by id", async () => {
    const title = uniqueTitle('Forms');
    await target.sp.web.lists.add(title);
    const forms = (await target.sp.web.lists.getByTitle(title).forms()) as { Id: string; FormType: number }[];
    expect(forms.map((f) => f.FormType).sort()).toEqual([4, 6, 8]);
    const one = await target.sp.web.lists.getByTitle(title).forms.getById(forms[1].Id)();
    expect(one.Id).toBe(forms[1].Id);
  });

  it('validateUpdateListItem sets fields from form text and reports a bad value without saving', async () => {
    const title = uniqueTitle('Form values');
    await target.sp.web.lists.add(title);
    const list = target.sp.web.lists.getByTitle(title);
    await list.fields.addNumber('Score');
    await list.fields.addDateTime('Due');
    const item = await list.items.add({ Title: 'before' });
    const ok = await list.items.getById(item.Id).validateUpdateListItem([
      { FieldName: 'Title', FieldValue: 'after' },
      { FieldName: 'Due', FieldValue: '31/05/2026' },
    ]);
    expect(ok.every((r) => !r.HasException)).toBe(true);
    expect(await list.items.getById(item.Id).select('Title', 'Due')()).toMatchObject({ Title: 'after', Due: '2026-05-31T00:00:00Z' });
    const bad = await list.items.getById(item.Id).validateUpdateListItem([
      { FieldName: 'Title', FieldValue: 'never' },
      { FieldName: 'Score', FieldValue: 'lots' },
    ]);
    expect(bad.find((r) => r.FieldName === 'Score')?.HasException).toBe(true);
    expect((await list.items.getById(item.Id).select('Title')()).Title).toBe('after');
  });
});
