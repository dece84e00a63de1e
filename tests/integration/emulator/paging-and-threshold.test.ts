import type { SPFI } from '@pnp/sp';
import { againstRealSite, failure, openSpTarget, uniqueTitle, type SpTarget } from './sp-target';

type Row = { ID: number; Section: string; Rank: number };

/** Adds `count` items in batches of 100 (Section cycles through 5 values, Rank counts down). */
async function fill(sp: SPFI, title: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 100) {
    const [batched, execute] = sp.batched({ maxRequests: 100 });
    const list = batched.web.lists.getByTitle(title);
    for (let i = start; i < Math.min(count, start + 100); i += 1) void list.items.add({ Title: `Item ${i + 1}`, Section: `S${i % 5}`, Rank: count - i });
    await execute();
  }
}

describe('embedded SharePoint: paging', () => {
  let target: SpTarget;
  const title = uniqueTitle('Paged');
  beforeAll(async () => {
    target = await openSpTarget();
    await target.sp.web.lists.add(title);
    await target.sp.web.lists.getByTitle(title).fields.addText('Section');
    await target.sp.web.lists.getByTitle(title).fields.addNumber('Rank');
    await fill(target.sp, title, 250);
  });
  afterAll(() => target.close());

  it('answers 100 items by default, with a next link', async () => {
    const response = await fetch(`${target.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(title.replace(/'/g, "''"))}')/items?$select=ID`, { headers: { Accept: 'application/json' } });
    const page = (await response.json()) as { value: Row[]; 'odata.nextLink'?: string };
    expect(page.value).toHaveLength(100);
    expect(page['odata.nextLink']).toContain('p_ID%3D100');
    const verbose = await fetch(`${target.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(title.replace(/'/g, "''"))}')/items?$select=ID&$top=200`, { headers: { Accept: 'application/json;odata=verbose' } });
    const body = (await verbose.json()) as { d: { results: Row[]; __next?: string } };
    expect(body.d.results).toHaveLength(200);
    expect(body.d.__next).toContain('p_ID%3D200');
  });

  it('PnPjs async iteration follows the next links through every page, in order, without repeats', async () => {
    const pages: number[][] = [];
    for await (const page of target.sp.web.lists.getByTitle(title).items.select('ID').top(100)) pages.push((page as Row[]).map((r) => r.ID));
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pages.flat()).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('pages an ordered, filtered query by its sort keys (the skip token carries them)', async () => {
    const seen: Row[] = [];
    for await (const page of target.sp.web.lists.getByTitle(title).items.select('ID', 'Section', 'Rank').filter("Section ne 'S0'").orderBy('Section', false).orderBy('Rank').top(30)) {
      seen.push(...(page as Row[]));
    }
    expect(seen).toHaveLength(200);
    const expected = [...seen].sort((a, b) => (a.Section === b.Section ? a.Rank - b.Rank : a.Section < b.Section ? 1 : -1));
    expect(seen.map((r) => r.ID)).toEqual(expected.map((r) => r.ID));
    expect(new Set(seen.map((r) => r.ID)).size).toBe(200);
  });

  it('items.skip(n) starts after item n, as SharePoint\'s p_ID token does', async () => {
    const rows = (await target.sp.web.lists.getByTitle(title).items.select('ID').skip(240).top(5)()) as Row[];
    expect(rows.map((r) => r.ID)).toEqual([241, 242, 243, 244, 245]);
  });
});

// The threshold is a server setting: SharePoint Online's is fixed at 5,000, so these run against the embedded server.
if (!againstRealSite) {
  describe('embedded SharePoint: list view threshold', () => {
    let target: SpTarget;
    const title = uniqueTitle('Big');
    const items = () => target.sp.web.lists.getByTitle(title).items;
    beforeAll(async () => {
      target = await openSpTarget({ threshold: 40 });
      await target.sp.web.lists.add(title);
      const fields = target.sp.web.lists.getByTitle(title).fields;
      await fields.addText('Section');
      await fields.addNumber('Rank');
      await fields.getByInternalNameOrTitle('Section').update({ Indexed: true }, 'SP.Field');
      await fill(target.sp, title, 120);
    });
    afterAll(() => target.close());

    const throttled = async (call: Promise<unknown>) => {
      const { status, code, message } = await failure(call);
      expect(status).toBe(500);
      expect(code).toBe('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
      expect(message).toBe('The attempted operation is prohibited because it exceeds the list view threshold.');
    };

    it('refuses a filter on a field that is not indexed', async () => {
      await throttled(items().filter('Rank gt 100')());
    });

    it('allows a filter that narrows through an indexed field to at most the threshold', async () => {
      const rows = (await items().select('ID').filter("Section eq 'S1' and Rank gt 0")()) as Row[];
      expect(rows).toHaveLength(24);
    });

    it('refuses an indexed filter that still matches more than the threshold', async () => {
      await throttled(items().filter("Section ne 'S9' and Section ge 'S0'").top(10)());
    });

    it('refuses an or whose branches are not all indexed', async () => {
      await throttled(items().filter("Section eq 'S1' or Rank eq 3")());
    });

    it('allows an unfiltered read in ID order with $top up to the threshold, page after page', async () => {
      const ids: number[] = [];
      for await (const page of items().select('ID').top(40)) ids.push(...(page as Row[]).map((r) => r.ID));
      expect(ids).toHaveLength(120);
    });

    it('refuses an unfiltered read ordered by a field that is not indexed, or with $top over the threshold', async () => {
      await throttled(items().orderBy('Rank')());
      await throttled(items().top(41)());
    });

    it('applies a threshold changed at run time, over HTTP and through the JS API', async () => {
      const response = await fetch(`${target.server!.url}/_emulator/threshold`, { method: 'POST', headers: { 'X-PlanTracker-Emulator-Token': target.server!.controlToken }, body: JSON.stringify({ threshold: 500 }) });
      expect(response.status).toBe(200);
      expect(((await items().filter('Rank gt 100')()) as Row[]).length).toBe(20);
      target.server!.emulator.setThreshold(40);
      await throttled(items().filter('Rank gt 100')());
    });
  });
}
