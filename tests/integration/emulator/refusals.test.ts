import '@pnp/sp/batching';
import { FieldTypes } from '@pnp/sp/fields';
import { againstRealSite, failure, openSpTarget, uniqueTitle, type SpTarget } from './sp-target';

/**
 * What SharePoint Online refuses, refused the same way (issue 10 part 8): each write or
 * query below used to be accepted (or crash with a 500) on the embedded server.
 */
describe('embedded SharePoint refuses what SharePoint Online refuses', () => {
  let target: SpTarget;
  let title: string;
  beforeAll(async () => {
    target = await openSpTarget();
    title = uniqueTitle('Refusals');
    await target.sp.web.lists.add(title);
    const fields = target.sp.web.lists.getByTitle(title).fields;
    await fields.addText('Code', { MaxLength: 10 });
    await fields.addNumber('Score', { MinimumValue: 0, MaximumValue: 100 });
    await fields.addChoice('Status', { Choices: ['Open', 'Done'], FillInChoice: false });
    await fields.addChoice('Tag', { Choices: ['A'], FillInChoice: true });
    await fields.addMultiChoice('Areas', { Choices: ['North', 'South'], FillInChoice: false });
  });
  afterAll(() => target.close());

  const list = () => target.sp.web.lists.getByTitle(title);

  it("refuses text longer than the field's MaxLength (400) and writes nothing", async () => {
    const refused = await failure(list().items.add({ Title: 'Long code', Code: 'x'.repeat(11) }));
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/'Code'.*maximum of 10/);
    const titleTooLong = await failure(list().items.add({ Title: 't'.repeat(256) }));
    expect(titleTooLong.status).toBe(400);
    expect(await list().items.filter("Title eq 'Long code'")()).toHaveLength(0);
    expect((await list().items.add({ Code: 'x'.repeat(10) })).Code).toHaveLength(10);
  });

  it('refuses a number outside MinimumValue/MaximumValue (400)', async () => {
    const refused = await failure(list().items.add({ Title: 'Too high', Score: 101 }));
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/'Score' must be between 0 and 100/);
    const item = await list().items.add({ Title: 'In range', Score: 100 });
    expect((await failure(list().items.getById(item.Id).update({ Score: -1 }))).status).toBe(400);
    expect((await list().items.getById(item.Id).select('Score')()).Score).toBe(100);
  });

  it('refuses a choice value not among the Choices unless the field takes fill-in values', async () => {
    const refused = await failure(list().items.add({ Title: 'Bad status', Status: 'Closed' }));
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/'Closed' is not one of the choices of the field 'Status'/);
    expect((await failure(list().items.add({ Title: 'Bad area', Areas: ['North', 'East'] }))).status).toBe(400);
    const fillIn = await list().items.add({ Title: 'Fill-in', Tag: 'Anything', Status: 'Done', Areas: ['South'] });
    expect(fillIn).toMatchObject({ Tag: 'Anything', Status: 'Done', Areas: ['South'] });
  });

  it(`refuses a $batch of more than 100 operations (400), running none of them`, async () => {
    const [batched, execute] = target.sp.batched({ maxRequests: 500 });
    // The parts' own promises never settle when the whole $batch is refused (PnPjs), so only execute() is awaited.
    for (let i = 0; i < 101; i += 1) void batched.web.lists.getByTitle(title).items.add({ Title: `Batch ${i}` }).catch(() => undefined);
    const refused = await failure(execute());
    expect(refused.status).toBe(400);
    expect(refused.message).toMatch(/at most 100/);
    expect(await list().items.filter("startswith(Title,'Batch ')")()).toHaveLength(0);
  });

  it('answers 400, not 500, for $top=0, CAML RowLimit 0, a deeply nested $filter and nested JSON', async () => {
    expect((await failure(list().items.top(0)())).status).toBe(400);
    expect((await failure(list().getItemsByCAMLQuery({ ViewXml: '<View><RowLimit>0</RowLimit></View>' }))).status).toBe(400);
    const deep = `${'('.repeat(500)}Title eq 'x'${')'.repeat(500)}`;
    expect((await failure(list().items.filter(deep)())).status).toBe(400);
    let nested: unknown = 'x';
    for (let i = 0; i < 100; i += 1) nested = { n: nested };
    expect((await failure(list().items.add({ Title: 'Nested', Extra: nested }))).status).toBe(400);
  });

  it('refuses CAML carrying a DTD (XXE) with 400', async () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE v [<!ENTITY x SYSTEM "file:///etc/passwd">]><View><Query><Where><Eq><FieldRef Name="Title"/><Value Type="Text">&x;</Value></Eq></Where></Query></View>';
    const refused = await failure(list().getItemsByCAMLQuery({ ViewXml: xxe }));
    expect(refused.status).toBe(400);
    expect(refused.message).not.toMatch(/root:/);
  });

  it('refuses a calculated formula with TODAY, as SharePoint does, and computes a supported one', async () => {
    const fields = list().fields;
    const today = await failure(fields.addCalculated('Age', { Formula: '=TODAY()-[Created]', OutputType: FieldTypes.Number }));
    expect(today.status).toBe(400);
    expect(today.message).toMatch(/volatile functions like Today and Me/);
    await fields.addCalculated('Doubled', { Formula: '=IF([Score]>50,[Score]*2,0)', OutputType: FieldTypes.Number });
    const item = await list().items.add({ Title: 'Calc', Score: 60 });
    expect((await list().items.getById(item.Id).select('Doubled')()).Doubled).toBe(120);
  });
});

describe('embedded SharePoint refuses malformed HTTP as SharePoint Online does', () => {
  let target: SpTarget;
  beforeAll(async () => {
    target = await openSpTarget();
  });
  afterAll(() => target.close());

  it('answers 414 for a URL longer than the front end takes', async () => {
    const refused = await failure(target.sp.web.lists.filter(`Title eq '${'x'.repeat(10000)}'`)());
    expect(refused.status).toBe(414);
  });

  if (!againstRealSite) {
    it('answers TRACE with 405, never echoing the request or failing with 500', async () => {
      const { request } = await import('node:http');
      const url = new URL(`${target.siteUrl}/_api/web`);
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'TRACE' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(405);
    });
  }
});
