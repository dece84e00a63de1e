import '@pnp/sp/lists';
import '@pnp/sp/views';
import { toIsoDate } from '../../../src/domain/dates';
import { LIST } from '../../../src/sharepoint/list-names';
import type { SiteSession } from '../../../src/sharepoint/open-site';
import { planViewLinks } from '../../../src/sharepoint/view-links';
import { readRows } from '../../../src/tab/pages/plan/plan-rows';
import { emptyBar, planViewQuery } from '../../../src/tab/pages/plan/plan-state';
import { SAVED_VIEWS } from '../../../src/tab/pages/plan/saved-views';
import { TEST_USERS } from '../../e2e/support/seed';
import { seedGeneratedPlan } from '../../e2e/support/generated-plan';
import { startTestSite, type TestSite } from '../../support/test-site';

const PLAN_SIZE = 1500;

/** The rows SharePoint's own view returns: its ViewQuery run through getitems (CAML). */
async function sharePointViewIds(session: SiteSession, title: string): Promise<number[]> {
  const list = session.sp.web.lists.getByTitle(LIST.planItems);
  const view = (await list.views.getByTitle(title).select('ViewQuery')()) as { ViewQuery: string };
  const rows = (await list.getItemsByCAMLQuery({ ViewXml: `<View><Query>${view.ViewQuery}</Query><RowLimit Paged="TRUE">5000</RowLimit></View>` })) as { ID?: number; Id?: number }[];
  return rows.map((r) => Number(r.ID ?? r.Id));
}

describe('plan view saved views (tab query vs SharePoint view, through PnPjs)', () => {
  let t: TestSite;
  let owner: SiteSession;
  let ownerId: number;
  const today = toIsoDate(new Date());

  beforeAll(async () => {
    t = await startTestSite({ users: TEST_USERS });
    await seedGeneratedPlan(t.site, PLAN_SIZE);
    owner = await t.sessionAs(TEST_USERS[3].email);
    ownerId = (await owner.currentUser()).id;
  }, 120_000);
  afterAll(() => t?.close());

  it('declares the seven views of the design', () => {
    expect(SAVED_VIEWS.map((v) => v.title)).toEqual(['All actions', 'My actions', 'Overdue', 'Due in 30 days', 'By owner', 'By RAG', 'Completed']);
  });

  it.each(SAVED_VIEWS.map((v) => [v.title]))('"%s" returns the same rows, in the same order, as the SharePoint view', async (title) => {
    const query = planViewQuery({ view: title, bar: emptyBar() }, SAVED_VIEWS);
    const tab = await readRows({ plans: owner.plans, currentUserId: ownerId }, query.filter, { today, orderBy: query.orderBy });
    const sharePoint = await sharePointViewIds(owner, title);
    expect(tab.via).toBe('server');
    expect(sharePoint.length).toBeGreaterThan(0);
    expect(tab.rows.map((r) => r.id)).toEqual(sharePoint);
    if (title === 'My actions') expect(tab.rows.every((r) => r.owner?.id === ownerId)).toBe(true);
    if (title === 'All actions' || title === 'By owner' || title === 'By RAG') expect(tab.rows).toHaveLength(PLAN_SIZE);
  });

  it('links every saved view to the same view on the site', async () => {
    const links = await planViewLinks(t.site.sp, t.siteUrl);
    for (const view of SAVED_VIEWS) {
      const href = links.get(view.title);
      expect(href).toMatch(new RegExp(`^${t.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/sites/plans/Lists/`));
      const response = await fetch(href!);
      expect(response.status).toBe(200);
    }
  });
});
