import { failure, openSpTarget, uniqueTitle, type SpTarget } from './sp-target';

type FieldInfo = { InternalName: string; Title: string; FieldTypeKind: number; TypeAsString: string; Indexed: boolean; EnforceUniqueValues: boolean; [key: string]: unknown };

describe('embedded SharePoint: lists and fields', () => {
  let target: SpTarget;
  beforeAll(async () => {
    target = await openSpTarget();
  });
  afterAll(() => target.close());

  it('adds a list whose title has a space and an apostrophe, and finds it by title and by id', async () => {
    const title = uniqueTitle('Plan Items');
    const added = await target.sp.web.lists.add(title, 'One row per action.', 100, false);
    expect(added).toMatchObject({ Title: title, BaseTemplate: 100, Description: 'One row per action.', ItemCount: 0 });
    const byTitle = await target.sp.web.lists.getByTitle(title)();
    expect(byTitle.Id).toBe(added.Id);
    const byId = await target.sp.web.lists.getById(added.Id)();
    expect(byId.Title).toBe(title);
    const all = (await target.sp.web.lists.select('Title')()) as { Title: string }[];
    expect(all.map((l) => l.Title)).toContain(title);
  });

  it('filters the lists collection with $filter, quoting the title', async () => {
    const title = uniqueTitle('Filtered');
    await target.sp.web.lists.add(title);
    const found = (await target.sp.web.lists.filter(`Title eq '${title.replace(/'/g, "''")}'`).select('Title')()) as { Title: string }[];
    expect(found).toEqual([expect.objectContaining({ Title: title })]);
    const customFields = (await target.sp.web.lists.getByTitle(title).fields.filter('ReadOnlyField eq false').select('InternalName')()) as { InternalName: string }[];
    expect(customFields.map((f) => f.InternalName)).toEqual(['Title']);
  });

  it('derives the entity type names and root folder from the list URL, as SharePoint does', async () => {
    await target.sp.web.lists.add('Steering Groups', '', 100, false);
    const list = await target.sp.web.lists.getByTitle('Steering Groups').select('EntityTypeName', 'ListItemEntityTypeFullName', 'RootFolder/ServerRelativeUrl').expand('RootFolder')();
    expect(list.EntityTypeName).toBe('Steering_x0020_GroupsList');
    expect(list.ListItemEntityTypeFullName).toBe('SP.Data.Steering_x0020_GroupsListItem');
    expect(list.RootFolder.ServerRelativeUrl).toBe(`${new URL(target.siteUrl).pathname}/Lists/Steering Groups`);
  });

  it('ensure creates a missing list once and then reports it as existing', async () => {
    const title = uniqueTitle('Ensured');
    const first = await target.sp.web.lists.ensure(title, 'd', 100, false);
    const second = await target.sp.web.lists.ensure(title, 'd', 100, false);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    const matching = ((await target.sp.web.lists.select('Title')()) as { Title: string }[]).filter((l) => l.Title === title);
    expect(matching).toHaveLength(1);
  });

  it('refuses a second list with the same title', async () => {
    const title = uniqueTitle('Twice');
    await target.sp.web.lists.add(title);
    const { status, body } = await failure(target.sp.web.lists.add(title));
    expect(status).toBe(500);
    expect(body).toContain('already exists');
  });

  it('deletes a list; afterwards getByTitle answers 404 with SharePoint\'s message', async () => {
    const title = uniqueTitle('Doomed');
    await target.sp.web.lists.add(title);
    await target.sp.web.lists.getByTitle(title).delete();
    const { status, body } = await failure(target.sp.web.lists.getByTitle(title)());
    expect(status).toBe(404);
    expect(body).toContain(`List '${title}' does not exist at site with URL '${target.siteUrl}'.`);
    expect(body).toContain('"odata.error"');
  });

  describe('fields', () => {
    const title = uniqueTitle('Field Kinds');
    const list = () => target.sp.web.lists.getByTitle(title);
    beforeAll(async () => {
      await target.sp.web.lists.add(title);
      await list().fields.addText('Plan', { MaxLength: 255 });
      await list().fields.addMultilineText('ActionDetails', { RichText: false, NumberOfLines: 6 });
      await list().fields.addNumber('PercentComplete', { MinimumValue: 0, MaximumValue: 100 });
      await list().fields.addBoolean('Ongoing');
      await list().fields.addDateTime('DueDate', { DisplayFormat: 0 });
      await list().fields.addChoice('Status', { Choices: ['Not started', 'In progress', 'Completed'] });
      await list().fields.addUser('Owner', { SelectionMode: 0 });
      await list().fields.add('Due Text', 2, { Description: 'as written in the plan' });
    });

    it('lists built-in and added fields with their kinds', async () => {
      const fields = (await list().fields()) as FieldInfo[];
      const kinds = Object.fromEntries(fields.map((f) => [f.InternalName, f.FieldTypeKind]));
      expect(kinds).toMatchObject({ ID: 1, Title: 2, Created: 4, Modified: 4, Author: 20, Editor: 20 });
      expect(kinds).toMatchObject({ Plan: 2, ActionDetails: 3, PercentComplete: 9, Ongoing: 8, DueDate: 4, Status: 6, Owner: 20 });
    });

    it('adds a field through AddField with parameters', async () => {
      await list().fields.addField('Measure', 3, { Required: true });
      const field = (await list().fields.getByInternalNameOrTitle('Measure')()) as FieldInfo;
      expect(field).toMatchObject({ FieldTypeKind: 3, TypeAsString: 'Note', Required: true });
    });

    it('fills a field\'s DefaultValue into a new item that leaves it out', async () => {
      // DefaultValue is an SP.Field property PnPjs' creation types leave out; SharePoint takes it on create.
      const phase = { Choices: ['Draft', 'Agreed'], DefaultValue: 'Draft' };
      await list().fields.addChoice('Phase', phase);
      const item = (await list().items.add({ Title: 'defaulted' })) as { Phase: string };
      expect(item.Phase).toBe('Draft');
      const given = (await list().items.add({ Title: 'given', Phase: 'Agreed' })) as { Phase: string };
      expect(given.Phase).toBe('Agreed');
    });

    it('encodes a space in a new field title as _x0020_ in the internal name', async () => {
      const field = (await list().fields.getByInternalNameOrTitle('Due Text')()) as FieldInfo;
      expect(field.InternalName).toBe('Due_x0020_Text');
      expect(field.Title).toBe('Due Text');
    });

    it('reports each kind\'s settings: choices, date-only display format, person selection mode', async () => {
      const status = (await list().fields.getByInternalNameOrTitle('Status')()) as FieldInfo;
      expect(status).toMatchObject({ TypeAsString: 'Choice', Choices: ['Not started', 'In progress', 'Completed'] });
      expect(status['odata.type']).toBe('SP.FieldChoice');
      const due = (await list().fields.getByInternalNameOrTitle('DueDate')()) as FieldInfo;
      expect(due).toMatchObject({ TypeAsString: 'DateTime', DisplayFormat: 0 });
      const owner = (await list().fields.getByInternalNameOrTitle('Owner')()) as FieldInfo;
      expect(owner).toMatchObject({ TypeAsString: 'User', SelectionMode: 0 });
    });

    it('answers 404 for a field that does not exist', async () => {
      const { status, body } = await failure(list().fields.getByInternalNameOrTitle('Nope')());
      expect(status).toBe(404);
      expect(body).toContain("Column 'Nope' does not exist");
    });

    it('indexes a field with update({ Indexed: true })', async () => {
      expect(((await list().fields.getByInternalNameOrTitle('Plan')()) as FieldInfo).Indexed).toBe(false);
      await list().fields.getByInternalNameOrTitle('Plan').update({ Indexed: true });
      expect(((await list().fields.getByInternalNameOrTitle('Plan')()) as FieldInfo).Indexed).toBe(true);
    });

    it('with EnforceUniqueValues on an indexed field refuses a duplicate value on add and on update', async () => {
      const claims = uniqueTitle('Claims');
      await target.sp.web.lists.add(claims);
      const items = target.sp.web.lists.getByTitle(claims).items;
      await target.sp.web.lists.getByTitle(claims).fields.addText('ClaimKey');
      await target.sp.web.lists.getByTitle(claims).fields.getByInternalNameOrTitle('ClaimKey').update({ Indexed: true, EnforceUniqueValues: true }, 'SP.Field');
      await items.add({ Title: 'one', ClaimKey: 'group-a:2024-05-31' });
      const second = await items.add({ Title: 'two', ClaimKey: 'group-b:2024-05-31' });
      const onAdd = await failure(items.add({ Title: 'dup', ClaimKey: 'GROUP-A:2024-05-31' }));
      expect(onAdd.status).toBe(500);
      expect(onAdd.body).toContain('duplicate values were found');
      const onUpdate = await failure(items.getById(second.Id).update({ ClaimKey: 'group-a:2024-05-31' }));
      expect(onUpdate.status).toBe(500);
      const rows = (await items.select('ClaimKey')()) as { ClaimKey: string }[];
      expect(rows.map((r) => r.ClaimKey).sort()).toEqual(['group-a:2024-05-31', 'group-b:2024-05-31']);
    });

    it('refuses EnforceUniqueValues when the field already holds duplicates', async () => {
      const dupes = uniqueTitle('Dupes');
      await target.sp.web.lists.add(dupes);
      await target.sp.web.lists.getByTitle(dupes).fields.addText('Code');
      await target.sp.web.lists.getByTitle(dupes).items.add({ Code: 'x' });
      await target.sp.web.lists.getByTitle(dupes).items.add({ Code: 'x' });
      const { status, body } = await failure(target.sp.web.lists.getByTitle(dupes).fields.getByInternalNameOrTitle('Code').update({ Indexed: true, EnforceUniqueValues: true }, 'SP.Field'));
      expect(status).toBe(400);
      expect(body).toContain('duplicate values');
    });

    it('refuses a second field with the same name', async () => {
      const { status, message, code } = await failure(list().fields.addText('Plan'));
      expect(status).toBe(500);
      expect(code).toContain('Microsoft.SharePoint.SPException');
      expect(message).toBe('A duplicate field name "Plan" was found.');
    });
  });
});
