import '@pnp/sp/site-users/web';
import '@pnp/sp/folders';
import { failure, openSpTarget, uniqueTitle, type SpTarget } from './sp-target';

/**
 * Answers where the embedded server used to differ from SharePoint Online (issue 11):
 * each test states SharePoint's answer and fails on the old behaviour.
 */
describe('embedded SharePoint answers as SharePoint Online does', () => {
  let target: SpTarget;
  beforeAll(async () => {
    target = await openSpTarget();
  });
  afterAll(() => target.close());

  it('resolves parameter aliases: siteUsers.getByLoginName sends siteusers(@v)?@v=…', async () => {
    const me = await target.sp.web.currentUser();
    const found = await target.sp.web.siteUsers.getByLoginName(me.LoginName)();
    expect(found.Id).toBe(me.Id);
  });

  it('answers 404 Cannot find resource for a sub-path a list does not have, not the list itself', async () => {
    const title = uniqueTitle('Unknown path');
    await target.sp.web.lists.add(title);
    const list = target.sp.web.lists.getByTitle(title);
    const refused = await failure(list.rootFolder.concat('/noSuchThing')());
    expect(refused.status).toBe(404);
    expect(refused.code).toMatch(/ResourceNotFoundException/);
    expect(refused.message).toBe('Cannot find resource for the request noSuchThing.');
    expect((await failure(list.concat('/noSuchThing')())).status).toBe(404);
    const field = await failure(list.fields.getByTitle('Title').concat('/noSuchThing')());
    expect(field.status).toBe(404);
  });

  it('reads nested $select/$expand paths: an item with ParentList/RootFolder and ParentList/ParentWeb (getParentInfos)', async () => {
    const title = uniqueTitle('Parent infos');
    const added = await target.sp.web.lists.add(title);
    const list = target.sp.web.lists.getByTitle(title);
    const item = await list.items.add({ Title: 'One' });
    const infos = await list.items.getById(item.Id).getParentInfos();
    expect(infos.ParentList.Id).toBe(added.Id);
    expect(infos.ParentList.RootFolderServerRelativeUrl).toBe(`${new URL(target.siteUrl).pathname}/Lists/${title.replace(/'/g, '')}`);
    expect(infos.ParentWeb.Url).toBe(target.siteUrl);
    const listInfos = await list.getParentInfos();
    expect(listInfos.ParentWeb.ServerRelativeUrl).toBe(new URL(target.siteUrl).pathname);
  });

  it('pages items the way PnPjs reads all of them (async iteration over odata.nextLink)', async () => {
    const title = uniqueTitle('Paged');
    await target.sp.web.lists.add(title);
    const list = target.sp.web.lists.getByTitle(title);
    for (let i = 1; i <= 5; i += 1) await list.items.add({ Title: `Row ${i}` });
    const seen: string[] = [];
    for await (const page of list.items.select('Title').top(2)) seen.push(...(page as { Title: string }[]).map((r) => r.Title));
    expect(seen).toEqual(['Row 1', 'Row 2', 'Row 3', 'Row 4', 'Row 5']);
  });

  it('refuses a MERGE with a property the list type does not have (400), changing nothing', async () => {
    const title = uniqueTitle('Strict merge');
    await target.sp.web.lists.add(title);
    const list = target.sp.web.lists.getByTitle(title);
    const refused = await failure(list.update({ Title: 'Renamed', RandomPropertyThatDoesntExistOnObject: 'x' } as never));
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/RandomPropertyThatDoesntExistOnObject.*does not exist on type 'SP\.List'/);
    expect((await list.select('Title')()).Title).toBe(title);
  });

  it('refuses an item MERGE with an unknown property with the item type named', async () => {
    const title = uniqueTitle('Strict item');
    await target.sp.web.lists.add(title);
    const list = target.sp.web.lists.getByTitle(title);
    const item = await list.items.add({ Title: 'One' });
    const refused = await failure(list.items.getById(item.Id).update({ NoSuchField: 1 }));
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/The property 'NoSuchField' does not exist on type 'SP\.Data\..*ListItem'/);
  });

  it('refuses a list title of more than 255 characters and takes one of 255', async () => {
    const refused = await failure(target.sp.web.lists.add('x'.repeat(512)));
    expect(refused.status).toBe(400);
    const lists = (await target.sp.web.lists.select('Title')()) as { Title: string }[];
    expect(lists.some((l) => l.Title.length > 255)).toBe(false);
    const ok = await target.sp.web.lists.add(`${process.pid}`.padEnd(255, 'y'));
    expect(ok.Title).toHaveLength(255);
  });

  it("gives built-in fields SharePoint's fixed ids, in every list and among the site columns", async () => {
    const title = uniqueTitle('Fixed ids');
    await target.sp.web.lists.add(title);
    const fields = target.sp.web.lists.getByTitle(title).fields;
    const fixed: Record<string, string> = {
      Title: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
      ID: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1',
      Created: '8c06beca-0777-48f7-91c7-6da68bc07b69',
      Modified: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
      Author: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
      Editor: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
      ContentType: 'c042a256-787d-4a6f-8a8a-cf6ab767f12d',
      Attachments: '67df98f4-9dec-48ff-a553-29bece9c5bf4',
      _UIVersionString: 'dce8262a-3ae9-45aa-aab4-83bd75fb738a',
      GUID: 'ae069f25-3ac2-4256-b9c3-15dbc15da0e0',
    };
    for (const [name, id] of Object.entries(fixed)) {
      const field = await fields.getByInternalNameOrTitle(name).select('Id', 'InternalName')();
      expect({ name, id: field.Id }).toEqual({ name, id });
      expect((await fields.getById(id).select('InternalName')()).InternalName).toBe(name);
    }
    const siteTitle = await target.sp.web.fields.getById(fixed.Title).select('InternalName')();
    expect(siteTitle.InternalName).toBe('Title');
  });
});
