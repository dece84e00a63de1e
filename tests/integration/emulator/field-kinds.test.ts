import { FieldTypes, UrlFieldFormatType } from '@pnp/sp/fields';
import { failure, openSpTarget, uniqueTitle, type SpTarget } from './sp-target';

/** Field kinds a list app uses beyond text, number, date, choice and person; and site columns. */
describe('embedded SharePoint: more field kinds and site columns', () => {
  let target: SpTarget;
  beforeAll(async () => {
    target = await openSpTarget();
  });
  afterAll(() => target.close());

  it('stores lookup, multi-choice, currency and hyperlink values and reads them back in SharePoint shapes', async () => {
    const sourceTitle = uniqueTitle('Lookup source');
    const source = await target.sp.web.lists.add(sourceTitle);
    const ref = await target.sp.web.lists.getByTitle(sourceTitle).items.add({ Title: 'Plan A' });
    const title = uniqueTitle('Kinds');
    await target.sp.web.lists.add(title);
    const list = target.sp.web.lists.getByTitle(title);
    await list.fields.addLookup('Plan', { LookupListId: source.Id, LookupFieldName: 'Title' });
    await list.fields.addMultiChoice('Areas', { Choices: ['North', 'South'], FillInChoice: false });
    await list.fields.addCurrency('Budget', { MinimumValue: 0, MaximumValue: 1000000, CurrencyLocaleId: 2057 });
    await list.fields.addUrl('Evidence', { DisplayFormat: UrlFieldFormatType.Hyperlink });
    const item = await list.items.add({ Title: 'One', PlanId: ref.Id, Areas: ['North', 'South'], Budget: 12.5, Evidence: { Url: 'https://example.org/a', Description: 'Report' } });
    const read = await list.items.getById(item.Id).select('PlanId', 'Areas', 'Budget', 'Evidence')();
    expect(read).toMatchObject({ PlanId: ref.Id, Areas: ['North', 'South'], Budget: 12.5, Evidence: { Url: 'https://example.org/a', Description: 'Report' } });
    const text = await list.items.getById(item.Id).fieldValuesAsText();
    expect(text).toMatchObject({ Plan: 'Plan A', Areas: 'North; South', Evidence: 'https://example.org/a, Report' });
    const field = await list.fields.getByInternalNameOrTitle('Plan')();
    expect(field).toMatchObject({ TypeAsString: 'Lookup', FieldTypeKind: FieldTypes.Lookup, LookupField: 'Title', LookupList: `{${source.Id}}` });
    const related = (await target.sp.web.lists.getByTitle(sourceTitle).relatedFields()) as { FieldId: string }[];
    expect(related.map((r) => r.FieldId)).toEqual([field.Id]);
  });

  it('computes calculated fields from a formula subset, refusing what SharePoint refuses', async () => {
    const title = uniqueTitle('Calculated');
    await target.sp.web.lists.add(title);
    const list = target.sp.web.lists.getByTitle(title);
    await list.fields.addNumber('Done');
    await list.fields.addNumber('Total');
    await list.fields.addCalculated('Progress', { Formula: '=IF([Total]>0,[Done]/[Total]*100,0)', OutputType: FieldTypes.Number });
    await list.fields.addCalculated('Label', { Formula: '=CONCATENATE([Title]," (",[Done],")")', OutputType: FieldTypes.Text });
    const item = await list.items.add({ Title: 'Task', Done: 1, Total: 4 });
    expect(await list.items.getById(item.Id).select('Progress', 'Label')()).toMatchObject({ Progress: 25, Label: 'Task (1)' });
    await list.items.getById(item.Id).update({ Done: 2 });
    expect((await list.items.getById(item.Id).select('Progress')()).Progress).toBe(50);
    expect((await failure(list.items.getById(item.Id).update({ Progress: 1 }))).status).toBe(400);
    expect((await failure(list.fields.addCalculated('Bad', { Formula: '=VLOOKUP([Done])', OutputType: FieldTypes.Number }))).status).toBe(400);
    expect((await failure(list.fields.addCalculated('Missing', { Formula: '=[Nope]+1', OutputType: FieldTypes.Number }))).status).toBe(400);
    const found = (await list.items.filter('Progress eq 50').select('Id')()) as { Id: number }[];
    expect(found.map((i) => i.Id)).toEqual([item.Id]);
  });

  it('adds, finds, updates and deletes site columns (web.fields), and adds one to a list by its schema', async () => {
    const name = `SiteCol${process.pid}`;
    const added = await target.sp.web.fields.addText(name, { Group: 'Plan Tracker', MaxLength: 50 });
    expect(added).toMatchObject({ Title: name, Group: 'Plan Tracker' });
    const id = String(added.Id);
    await target.sp.web.fields.getByTitle(name).update({ Description: 'Shared' });
    expect((await target.sp.web.fields.getById(id)()).Description).toBe('Shared');
    const available = (await target.sp.web.availablefields.select('InternalName')()) as { InternalName: string }[];
    expect(available.map((f) => f.InternalName)).toContain(name);
    const title = uniqueTitle('Uses site column');
    await target.sp.web.lists.add(title);
    const listField = await target.sp.web.lists.getByTitle(title).fields.createFieldAsXml(`<Field ID="{${id}}" Type="Text" Name="${name}" DisplayName="${name}" />`);
    expect(listField.Id).toBe(id);
    await target.sp.web.fields.getById(id).delete();
    expect((await failure(target.sp.web.fields.getById(id)())).status).toBe(404);
    const builtIn = await failure(target.sp.web.fields.getByInternalNameOrTitle('Title').delete());
    expect(builtIn.status).toBe(400);
  });

  it('refuses schema XML that carries a DTD', async () => {
    const refused = await failure(target.sp.web.fields.createFieldAsXml('<!DOCTYPE f [<!ENTITY x "y">]><Field Type="Text" Name="X" DisplayName="X" />'));
    expect(refused.status).toBe(400);
  });
});
