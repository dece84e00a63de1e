import { toIsoDate } from '../../../src/domain/dates';
import type { Person } from '../../../src/domain/plan-item';
import { planViewLinks } from '../../../src/sharepoint/view-links';
import { readRows } from '../../../src/tab/pages/plan/plan-rows';
import { emptyBar, planViewQuery, type PlanBarFilter, type PlanViewState } from '../../../src/tab/pages/plan/plan-state';
import { openInSharePointLink, SAVED_VIEWS } from '../../../src/tab/pages/plan/saved-views';
import { GENERATED_SECTIONS, seedGeneratedPlan } from '../../e2e/support/generated-plan';
import { TEST_USERS } from '../../e2e/support/seed';
import { startTestSite, type TestSite } from '../../support/test-site';

/** The item ids a view page lists (its linked titles point at DispForm.aspx?ID=n), in page order. */
function pageIds(html: string): number[] {
  return [...html.matchAll(/DispForm\.aspx\?ID=(\d+)/g)].map((m) => Number(m[1]));
}

function headers(html: string): string[] {
  return [...html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
}

describe('"Open in SharePoint" carries the tab\'s filters into the view URL (embedded view page)', () => {
  let t: TestSite;
  let owners: Person[];
  let links: Map<string, string>;
  const today = toIsoDate(new Date());

  beforeAll(async () => {
    t = await startTestSite({ users: TEST_USERS });
    owners = await seedGeneratedPlan(t.site, 400);
    links = await planViewLinks(t.site.sp, t.siteUrl);
  }, 120_000);
  afterAll(() => t?.close());

  const cases: [string, string, () => Partial<PlanBarFilter>][] = [
    ['All actions', 'two RAGs and a section', () => ({ rags: ['Red', 'Amber'], section: GENERATED_SECTIONS[2] })],
    ['By owner', 'overdue for one owner', () => ({ overdue: true, ownerId: owners[3].id })],
    ['All actions', 'one status, due within 90 days', () => ({ statuses: ['In progress'], dueWithinDays: 90 })],
    ['By RAG', 'a due date range and two statuses', () => ({ dueFrom: today, dueTo: toIsoDate(new Date(Date.now() + 120 * 86_400_000)), statuses: ['Not started', 'On hold'] })],
  ];

  it.each(cases)('"%s" with %s shows the same rows on the SharePoint view page as in the tab', async (view, _what, bar) => {
    const state: PlanViewState = { view, bar: { ...emptyBar(), ...bar() }, plan: 'Generated plan' };
    const query = planViewQuery(state, SAVED_VIEWS);
    const tab = await readRows({ plans: t.site.plans, currentUserId: owners[0].id }, query.filter, { today, orderBy: query.orderBy });
    expect(tab.rows.length).toBeGreaterThan(0);
    // The view page shows its first 100 rows, like SharePoint's.
    expect(tab.rows.length).toBeLessThan(100);

    const link = openInSharePointLink(links, state, today)!;
    expect(link.notCarried).toEqual([]);
    expect(new URL(link.href).searchParams.get('FilterField1')).toBe('Plan');
    const response = await fetch(link.href);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(pageIds(html).sort((a, b) => a - b)).toEqual(tab.rows.map((r) => r.id).sort((a, b) => a - b));
    expect(html).toMatch(/<caption>\d+ items? filtered by Plan is Generated plan and /);
  });

  it('reads several values of one column from FilterFields/FilterValues separated by ;#', async () => {
    const url = new URL(links.get('All actions')!);
    url.searchParams.set('FilterFields1', 'RAG');
    url.searchParams.set('FilterValues1', 'Red;#Amber');
    url.searchParams.set('FilterField2', 'Section');
    url.searchParams.set('FilterValue2', GENERATED_SECTIONS[5]);
    const html = await (await fetch(url)).text();
    const expected = await t.site.plans.query({ rags: ['Red', 'Amber'], section: GENERATED_SECTIONS[5] }, { today });
    expect(pageIds(html).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));
  });

  it('shows the view\'s own columns, in its order', async () => {
    const html = await (await fetch(links.get('Completed')!)).text();
    expect(headers(html)).toEqual(['ActionRef', 'Title', 'Section', 'OwnerText', 'Owner', 'DueDate', 'CompletedDate', 'Status', 'RAG', 'PercentComplete', 'LastUpdated']);
  });

  it('names what a view URL cannot carry (free text), so the link does not promise the same rows', () => {
    const state: PlanViewState = { view: 'All actions', bar: { ...emptyBar(), text: 'housing' } };
    expect(openInSharePointLink(links, state, today)!.notCarried).toEqual(['the search for "housing"']);
  });
});
