import '@pnp/sp/batching';
import '@pnp/sp/recycle-bin';
import { againstRealSite, failure, openSpTarget, uniqueTitle, type SpTarget } from './sp-target';

type Version = { VersionId: number; VersionLabel: string; IsCurrentVersion: boolean; Title: string; Score: number | null };

/**
 * Item version history and the recycle bin, as SharePoint keeps them on a list with
 * versioning: every add and update is a version, readable newest first; a recycled item
 * can be restored with its id and its versions.
 */
describe('embedded SharePoint: item versions and the recycle bin', () => {
  let target: SpTarget;
  let title: string;
  beforeAll(async () => {
    target = await openSpTarget();
    title = uniqueTitle('Versions');
    await target.sp.web.lists.add(title);
    await target.sp.web.lists.getByTitle(title).fields.addNumber('Score');
  });
  afterAll(() => target.close());
  const list = () => target.sp.web.lists.getByTitle(title);

  it('keeps one version per add and update, newest first, each with the values it had', async () => {
    const item = await list().items.add({ Title: 'v1', Score: 1 });
    await list().items.getById(item.Id).update({ Title: 'v2' });
    await list().items.getById(item.Id).update({ Score: 3 });
    const versions = (await list().items.getById(item.Id).versions()) as Version[];
    expect(versions.map((v) => [v.VersionLabel, v.Title, v.Score, v.IsCurrentVersion])).toEqual([
      ['3.0', 'v2', 3, true],
      ['2.0', 'v2', 1, false],
      ['1.0', 'v1', 1, false],
    ]);
    const first = (await list().items.getById(item.Id).versions.getById(512)()) as Version;
    expect(first).toMatchObject({ VersionLabel: '1.0', Title: 'v1' });
    const current = await list().items.getById(item.Id).select('OData__UIVersionString')();
    expect(current.OData__UIVersionString).toBe('3.0');
  });

  // A tenant list keeps at most MajorVersionLimit (500 by default) versions, so this is the embedded server's promise only.
  if (!againstRealSite) {
    it('keeps 1,000 versions for 1,000 updates, readable in order', async () => {
    const item = await list().items.add({ Title: 'busy', Score: 0 });
    for (let start = 1; start <= 999; start += 100) {
      const [batched, execute] = target.sp.batched({ maxRequests: 100 });
      const updates = [];
      for (let n = start; n < start + 100 && n <= 999; n += 1) updates.push(batched.web.lists.getByTitle(title).items.getById(item.Id).update({ Score: n }));
      await execute();
      await Promise.all(updates);
    }
    const versions = (await list().items.getById(item.Id).versions()) as Version[];
    expect(versions).toHaveLength(1000);
    expect(versions.map((v) => v.Score)).toEqual(Array.from({ length: 1000 }, (_, i) => 999 - i));
    expect(versions[0].VersionLabel).toBe('1000.0');
    });
  }

  it('reads the values as text and HTML (FieldValuesAsText, FieldValuesAsHtml)', async () => {
    const item = await list().items.add({ Title: 'Fish & <chips>', Score: 2.5 });
    const text = await list().items.getById(item.Id).fieldValuesAsText();
    expect(text).toMatchObject({ Title: 'Fish & <chips>', Score: '2.5', OData__UIVersionString: '1.0' });
    const html = await list().items.getById(item.Id).fieldValuesAsHTML();
    expect(html.Title).toBe('Fish &amp; &lt;chips&gt;');
  });

  it('recycles an item to the recycle bin and restores it with its id and versions', async () => {
    const item = await list().items.add({ Title: 'to recycle' });
    await list().items.getById(item.Id).update({ Title: 'to recycle, edited' });
    const binId = await list().items.getById(item.Id).recycle();
    expect(typeof binId).toBe('string');
    expect((await failure(list().items.getById(item.Id)())).status).toBe(404);
    const entry = await target.sp.web.recycleBin.getById(binId)();
    expect(entry).toMatchObject({ Title: 'to recycle, edited', ItemType: 3 });
    await target.sp.web.recycleBin.getById(binId).restore();
    const back = await list().items.getById(item.Id)();
    expect(back.Title).toBe('to recycle, edited');
    const versions = (await list().items.getById(item.Id).versions()) as Version[];
    expect(versions.map((v) => v.VersionLabel)).toEqual(['2.0', '1.0']);
    expect(((await target.sp.web.recycleBin()) as { Id: string }[]).some((e) => e.Id === binId)).toBe(false);
  });

  it('recycles a whole list and restores it with its items', async () => {
    const other = uniqueTitle('Recycled list');
    await target.sp.web.lists.add(other);
    await target.sp.web.lists.getByTitle(other).items.add({ Title: 'kept' });
    const binId = await target.sp.web.lists.getByTitle(other).recycle();
    expect((await failure(target.sp.web.lists.getByTitle(other).select('Title')())).status).toBe(404);
    await target.sp.web.recycleBin.getById(binId).restore();
    const items = (await target.sp.web.lists.getByTitle(other).items.select('Title')()) as { Title: string }[];
    expect(items.map((i) => i.Title)).toEqual(['kept']);
  });

  it('reserves item ids that no later item takes', async () => {
    const reserved = await list().reserveListItemId();
    const next = await list().items.add({ Title: 'after reserve' });
    expect(next.Id).toBeGreaterThan(reserved);
  });
});
