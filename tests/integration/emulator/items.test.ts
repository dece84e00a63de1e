import type { SPFI } from '@pnp/sp';
import { failure, openSpTarget, uniqueTitle, type SpTarget } from './sp-target';

type Row = Record<string, unknown> & { Id: number; ID: number };

/** Creates a small plan list: text, choice, number, boolean, date-only, person fields. */
async function makePlanList(sp: SPFI, title: string): Promise<void> {
  await sp.web.lists.add(title);
  const fields = sp.web.lists.getByTitle(title).fields;
  await fields.addText('Section');
  await fields.addChoice('Status', { Choices: ['Not started', 'In progress', 'Completed'] });
  await fields.addNumber('PercentComplete');
  await fields.addBoolean('Ongoing');
  await fields.addDateTime('DueDate', { DisplayFormat: 0 });
  await fields.addUser('Owner', { SelectionMode: 0 });
  await fields.getByInternalNameOrTitle('Status').update({ Indexed: true }, 'SP.Field');
}

describe('embedded SharePoint: list items', () => {
  let target: SpTarget;
  const title = uniqueTitle('Plan Items');
  const items = () => target.sp.web.lists.getByTitle(title).items;
  let ownerId: number;
  let otherId: number;

  beforeAll(async () => {
    target = await openSpTarget();
    await makePlanList(target.sp, title);
    ownerId = (await target.sp.web.ensureUser('sam.o-brien@contoso.example')).Id;
    otherId = (await target.sp.web.ensureUser('kim.lee@contoso.example')).Id;
    const rows = [
      { Title: "O'Brien's action", Section: 'Housing', Status: 'In progress', PercentComplete: 40, Ongoing: false, DueDate: '2024-05-31', OwnerId: ownerId },
      { Title: 'Publish objectives', Section: 'Equality', Status: 'Not started', PercentComplete: 0, Ongoing: true, DueDate: '2024-03-31', OwnerId: otherId },
      { Title: 'Train staff', Section: 'Equality', Status: 'Completed', PercentComplete: 100, Ongoing: false, DueDate: '2023-12-31', OwnerId: ownerId },
      { Title: 'Review housing stock', Section: 'Housing', Status: 'Not started', PercentComplete: 10, Ongoing: false, DueDate: null, OwnerId: null },
    ];
    for (const row of rows) await items().add(row);
  });
  afterAll(() => target.close());

  it('add returns the created item with ID, ETag, author and GUID; dates come back as …T00:00:00Z', async () => {
    const created = (await items().add({ Title: 'Fresh', DueDate: '2025-01-15', Section: 'Misc' })) as Row;
    expect(created.Id).toBeGreaterThan(4);
    expect(created.ID).toBe(created.Id);
    expect(created['odata.etag']).toBe('"1"');
    expect(created.DueDate).toBe('2025-01-15T00:00:00Z');
    expect(created.GUID).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.AuthorId).toBe(created.EditorId);
    expect(created.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.Status).toBeNull();
    await items().getById(created.Id).delete();
  });

  it('add accepts a body with __metadata naming the list item type, and refuses a wrong type', async () => {
    const list = await target.sp.web.lists.getByTitle(title).select('ListItemEntityTypeFullName')();
    const ok = (await items().add({ __metadata: { type: list.ListItemEntityTypeFullName }, Title: 'Typed' })) as Row;
    expect(ok.Title).toBe('Typed');
    await items().getById(ok.Id).delete();
    const { status, message } = await failure(items().add({ __metadata: { type: 'SP.Data.WrongListItem' }, Title: 'x' }));
    expect(status).toBe(400);
    expect(message).toContain("A type named 'SP.Data.WrongListItem' could not be resolved");
  });

  it('refuses a body property that is not a field', async () => {
    const { status, message } = await failure(items().add({ Title: 'x', Colour: 'red' }));
    expect(status).toBe(400);
    expect(message).toContain("The property 'Colour' does not exist on type 'SP.Data.");
  });

  it('getById returns one item; a missing id answers 404 with SharePoint\'s message', async () => {
    const first = (await items().getById(1)()) as Row;
    expect(first.Title).toBe("O'Brien's action");
    const { status, message } = await failure(items().getById(9999)());
    expect(status).toBe(404);
    expect(message).toBe('Item does not exist. It may have been deleted by another user.');
  });

  it('$select returns only the selected fields; empty values are null', async () => {
    const rows = (await items().select('Title', 'DueDate', 'OwnerId').filter("Title eq 'Review housing stock'")()) as Row[];
    expect(rows).toHaveLength(1);
    const { Title, DueDate, OwnerId, Section } = rows[0];
    expect({ Title, DueDate, OwnerId, Section }).toEqual({ Title: 'Review housing stock', DueDate: null, OwnerId: null, Section: undefined });
  });

  it('$expand of a person field projects Owner/Title, Owner/EMail and Owner/Id', async () => {
    const rows = (await items().select('Title', 'Owner/Title', 'Owner/EMail', 'Owner/Id').expand('Owner').filter('ID eq 1')()) as Row[];
    expect(rows[0].Owner).toMatchObject({ Title: 'Sam O Brien', EMail: 'sam.o-brien@contoso.example', Id: ownerId });
  });

  it('refuses Owner/Title in $select when Owner is not expanded', async () => {
    const { status, message } = await failure(items().select('Owner/Title')());
    expect(status).toBe(400);
    expect(message).toContain("The query to field 'Owner/Title' is not valid");
  });

  describe('$filter', () => {
    const ids = async (filter: string) => ((await items().select('ID').filter(filter).orderBy('ID')()) as Row[]).map((r) => r.ID);

    it('compares with eq ne lt le gt ge, and/or and parentheses', async () => {
      expect(await ids("Status eq 'Not started'")).toEqual([2, 4]);
      expect(await ids("Status ne 'Not started'")).toEqual([1, 3]);
      expect(await ids('PercentComplete lt 40')).toEqual([2, 4]);
      expect(await ids('PercentComplete le 40')).toEqual([1, 2, 4]);
      expect(await ids('PercentComplete gt 40')).toEqual([3]);
      expect(await ids('PercentComplete ge 40')).toEqual([1, 3]);
      expect(await ids("(Section eq 'Housing' or Section eq 'Equality') and PercentComplete gt 5")).toEqual([1, 3, 4]);
    });

    it('matches doubled apostrophes, startswith and substringof', async () => {
      expect(await ids("Title eq 'O''Brien''s action'")).toEqual([1]);
      expect(await ids("startswith(Title,'Review')")).toEqual([4]);
      expect(await ids("substringof('housing',Title)")).toEqual([4]);
    });

    it('compares dates written as datetime\'…\' and as quoted ISO text', async () => {
      expect(await ids("DueDate lt datetime'2024-04-01T00:00:00Z'")).toEqual([2, 3]);
      expect(await ids("DueDate ge '2024-05-31'")).toEqual([1]);
    });

    it('filters booleans, person ids and person e-mails', async () => {
      expect(await ids('Ongoing eq 1')).toEqual([2]);
      expect(await ids('Ongoing eq false')).toEqual([1, 3, 4]);
      expect(await ids(`OwnerId eq ${ownerId}`)).toEqual([1, 3]);
      const rows = (await items().select('ID').expand('Owner').filter("Owner/EMail eq 'kim.lee@contoso.example'")()) as Row[];
      expect(rows.map((r) => r.ID)).toEqual([2]);
    });

    it('answers 400 for a malformed $filter, saying where', async () => {
      const { status, message } = await failure(items().filter("Status eq 'Open' and")());
      expect(status).toBe(400);
      expect(message).toMatch(/position \d+/);
      expect(message).toContain("Status eq 'Open' and");
    });

    it('answers 400 for an unknown field in $filter, $select and $orderby', async () => {
      for (const call of [items().filter("Colour eq 'red'")(), items().select('Colour')(), items().orderBy('Colour')()]) {
        const { status, message } = await failure(call);
        expect(status).toBe(400);
        expect(message).toBe("The field or property 'Colour' does not exist.");
      }
    });
  });

  it('$orderby sorts on several fields, ascending and descending', async () => {
    const rows = (await items().select('ID').orderBy('Section', true).orderBy('PercentComplete', false)()) as Row[];
    expect(rows.map((r) => r.ID)).toEqual([3, 2, 1, 4]);
  });

  it('$top limits the page and the next link carries the rest', async () => {
    const response = await fetch(`${target.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(title.replace(/'/g, "''"))}')/items?$select=ID&$top=3&$orderby=ID`, {
      headers: { Accept: 'application/json;odata=minimalmetadata' },
    });
    const page = (await response.json()) as { value: Row[]; 'odata.nextLink': string };
    expect(page.value.map((r) => r.ID)).toEqual([1, 2, 3]);
    const next = new URL(page['odata.nextLink']);
    expect(next.searchParams.get('$skiptoken')).toBe('Paged=TRUE&p_ID=3');
    expect(next.searchParams.get('$top')).toBe('3');
    const rest = (await (await fetch(next, { headers: { Accept: 'application/json' } })).json()) as { value: Row[]; 'odata.nextLink'?: string };
    expect(rest.value.map((r) => r.ID)).toEqual([4]);
    expect(rest['odata.nextLink']).toBeUndefined();
  });

  it('MERGE with the current ETag answers 204 with the new ETag; a stale ETag answers 412 and changes nothing', async () => {
    const before = (await items().getById(2)()) as Row;
    const etag = before['odata.etag'] as string;
    const result = await items().getById(2).update({ Status: 'In progress' }, etag);
    expect(result.etag).toBe(`"${Number(etag.replace(/"/g, '')) + 1}"`);
    const stale = await failure(items().getById(2).update({ Status: 'Completed' }, etag));
    expect(stale.status).toBe(412);
    expect(stale.code).toBe('-1, Microsoft.SharePoint.Client.ClientServiceException');
    expect(stale.message).toBe(`The request ETag value '${etag}' does not match the object's ETag value '${result.etag}'.`);
    const after = (await items().getById(2)()) as Row;
    expect(after.Status).toBe('In progress');
    expect(after['odata.etag']).toBe(result.etag);
  });

  it('IF-Match * always matches', async () => {
    await items().getById(2).update({ PercentComplete: 20 }, '*');
    expect(((await items().getById(2)()) as Row).PercentComplete).toBe(20);
  });

  it('sets and clears a person field through OwnerId', async () => {
    await items().getById(4).update({ OwnerId: otherId });
    expect(((await items().getById(4).select('OwnerId')()) as Row).OwnerId).toBe(otherId);
    await items().getById(4).update({ OwnerId: null });
    expect(((await items().getById(4).select('OwnerId')()) as Row).OwnerId).toBeNull();
  });

  it('DELETE removes an item (404 afterwards); new ids keep growing and are never reused', async () => {
    const a = (await items().add({ Title: 'temp a' })) as Row;
    await items().getById(a.Id).delete();
    expect((await failure(items().getById(a.Id)())).status).toBe(404);
    expect((await failure(items().getById(a.Id).delete())).status).toBe(404);
    const b = (await items().add({ Title: 'temp b' })) as Row;
    expect(b.Id).toBeGreaterThan(a.Id);
    await items().getById(b.Id).recycle();
    expect((await failure(items().getById(b.Id)())).status).toBe(404);
    const c = (await items().add({ Title: 'temp c' })) as Row;
    expect(c.Id).toBeGreaterThan(b.Id);
    await items().getById(c.Id).delete();
  });

  it('answers verbose JSON (d, results, __metadata with etag) when asked for odata=verbose', async () => {
    const url = `${target.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(title.replace(/'/g, "''"))}')/items?$select=ID,Title&$filter=ID eq 1`;
    const verbose = (await (await fetch(url, { headers: { Accept: 'application/json;odata=verbose' } })).json()) as { d: { results: { __metadata: { etag: string; type: string; uri: string }; Title: string }[] } };
    expect(verbose.d.results[0].Title).toBe("O'Brien's action");
    expect(verbose.d.results[0].__metadata.etag).toMatch(/^"\d+"$/);
    expect(verbose.d.results[0].__metadata.type).toMatch(/^SP\.Data\..+ListItem$/);
    const none = (await (await fetch(url, { headers: { Accept: 'application/json;odata=nometadata' } })).json()) as { value: Record<string, unknown>[] };
    expect(none.value[0]).toEqual({ ID: 1, Title: "O'Brien's action" });
    const minimal = (await (await fetch(url, { headers: { Accept: 'application/json' } })).json()) as Record<string, unknown> & { value: Record<string, unknown>[] };
    expect(minimal['odata.metadata']).toContain('/_api/$metadata#SP.ListData.');
    expect(minimal.value[0]).toMatchObject({ 'odata.etag': expect.stringMatching(/^"\d+"$/), 'odata.editLink': expect.stringContaining('/Items(1)') });
  });

  it('answers a verbose error body for a verbose request', async () => {
    const response = await fetch(`${target.siteUrl}/_api/web/lists/getByTitle('No%20such%20list')`, { headers: { Accept: 'application/json;odata=verbose' } });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: { value: string } } };
    expect(body.error.code).toBe('-1, System.ArgumentException');
    expect(body.error.message.value).toContain("List 'No such list' does not exist");
  });
});
