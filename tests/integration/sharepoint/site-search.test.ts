import { reachableSites, sameConnectionTo } from '../../../src/sharepoint/site-search';
import { countPlanActions } from '../../../src/sharepoint/plan-action-count';
import { SharePointPlans } from '../../../src/sharepoint/plans-repository';
import { seedActions } from '../../e2e/support/seed';
import { startTestSite } from '../../support/test-site';

describe('site search and plan size (PnPjs against the embedded server)', () => {
  let site: Awaited<ReturnType<typeof startTestSite>>;
  beforeAll(async () => { site = await startTestSite(); });
  afterAll(async () => { await site?.close(); });

  it('finds the site through sp.search (postquery, contentclass:STS_Site)', async () => {
    expect(await reachableSites(site.site.sp, site.siteUrl)).toEqual([{ title: 'Plans', url: site.siteUrl }]);
  });

  it('answers GET search/query in SharePoint\'s shape, matching extra words against the site and finding nothing else', async () => {
    const get = async (querytext: string, accept: string) => {
      const response = await fetch(`${site.siteUrl}/_api/search/query?querytext=${encodeURIComponent(querytext)}`, { headers: { Accept: accept } });
      expect(response.status).toBe(200);
      // reason: a search answer is deep JSON; the assertions below name the path they expect.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return response.json() as Promise<Record<string, any>>;
    };
    const minimal = await get("'contentclass:STS_Site'", 'application/json;odata=minimalmetadata');
    const cells = minimal.PrimaryQueryResult.RelevantResults.Table.Rows[0].Cells as { Key: string; Value: string }[];
    expect(cells.find((c) => c.Key === 'Path')?.Value).toBe(site.siteUrl);
    const verbose = await get("'contentclass:STS_Site plans'", 'application/json;odata=verbose');
    expect(verbose.d.query.PrimaryQueryResult.RelevantResults.Table.Rows.results).toHaveLength(1);
    expect((await get("'contentclass:STS_Site finance'", 'application/json')).PrimaryQueryResult.RelevantResults.RowCount).toBe(0);
    expect((await get("'budget.xlsx'", 'application/json')).PrimaryQueryResult.RelevantResults.RowCount).toBe(0);
    const empty = await fetch(`${site.siteUrl}/_api/search/query?querytext=''`, { headers: { Accept: 'application/json' } });
    expect(empty.status).toBe(400);
  });

  it('reads another site of the host with the same connection, and counts a plan\'s actions', async () => {
    await new SharePointPlans(site.site.sp).upsert({ name: 'Counted plan' });
    await seedActions(site.site, 'admin@contoso.example', [{ plan: 'Counted plan' }, { plan: 'Counted plan' }, { plan: 'Another plan' }]);
    const other = sameConnectionTo(site.site.sp, `${site.siteUrl}/`);
    expect((await new SharePointPlans(other).list()).map((p) => p.name)).toContain('Counted plan');
    expect(await countPlanActions(other, 'Counted plan')).toBe(2);
    expect(await countPlanActions(other, 'No such plan')).toBe(0);
  });
});
