import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LIST } from '../../../src/sharepoint/list-names';
import { runAxeOnFluentPage as runAxe } from '../support/axe-fluent';
import { collectPageErrors, describeViolations, launchBrowser, newLocalContext } from '../support/browser';
import { waitForPlanSettled } from '../support/plan-page';
import { daysFromToday, seedActions, TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { waitForMyActions } from '../support/tab-page';

jest.setTimeout(120_000);

const ADMIN = TEST_USERS[0].email;
const OWNER = 'owner2@contoso.example';

let site: TabSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([startTabSite({ users: TEST_USERS }), launchBrowser()]);
  const plans = site.site.sp.web.lists.getByTitle(LIST.plans).items;
  await plans.add({ Title: 'Housing Plan', PlanStatus: 'Active' });
  await plans.add({ Title: 'Climate Plan', PlanStatus: 'Active' });
  await plans.add({ Title: 'Old Equality Plan', PlanStatus: 'Archived' });
  await seedActions(site.site, OWNER, [
    { title: 'Build 200 homes', plan: 'Housing Plan', section: 'R.10 Supply', actionRef: 'H-10', dueDate: daysFromToday(-5), rag: null },
    { title: 'Survey empty homes', plan: 'Housing Plan', section: 'R.2 Empty homes', actionRef: 'H-2', dueDate: daysFromToday(20), rag: 'Amber' },
    { title: 'Insulate the civic centre with a long title that goes on and on to test wrapping on narrow screens', plan: 'Climate Plan', section: 'R.1 Buildings', actionRef: 'C-1', rag: 'Green' },
    { title: 'Archived plan action', plan: 'Old Equality Plan', section: 'R.1', actionRef: 'E-1', rag: 'Red' },
  ]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(context: BrowserContext, params: Record<string, string>): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(site.tabUrl(params));
  return { page, errors };
}

describe('plans (browser, embedded server)', () => {
  let context: BrowserContext;
  beforeAll(async () => { context = await newLocalContext(browser, site.url); });
  afterAll(async () => { await context?.close(); });

  it('My actions lists every plan with a Plan column; the picker offers active plans and scopes the Plan view through the URL', async () => {
    const { page, errors } = await open(context, { as: OWNER });
    await waitForMyActions(page);
    const table = page.getByRole('table');
    await table.getByRole('columnheader', { name: 'Plan' }).waitFor();
    for (const plan of ['Housing Plan', 'Climate Plan', 'Old Equality Plan']) await table.getByRole('cell', { name: plan, exact: true }).first().waitFor();

    const picker = page.getByRole('combobox', { name: 'Plan' });
    await picker.locator('option', { hasText: 'Housing Plan' }).waitFor({ state: 'attached' });
    expect(await picker.locator('option').allTextContents()).toEqual(['All plans', 'Climate Plan', 'Housing Plan']);
    await picker.selectOption('Housing Plan');
    expect(new URL(page.url()).searchParams.get('plan')).toBe('Housing Plan');
    // My actions stays across all plans.
    await table.getByRole('cell', { name: 'Climate Plan', exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Plan', exact: true }).click();
    await waitForPlanSettled(page);
    const grid = page.getByRole('grid');
    await grid.getByText('Build 200 homes').waitFor();
    expect(await grid.getByText(/Insulate the civic centre/).count()).toBe(0);
    // Sections in plan order: R.2 before R.10 (text order would put R.10 first).
    const groups = await grid.getByRole('rowheader').allTextContents();
    expect(groups.map((g) => g.replace(/\s*\(.*\)$/, ''))).toEqual(['R.2 Empty homes', 'R.10 Supply']);
    expect(new URL(page.url()).searchParams.get('plan')).toBe('Housing Plan');

    await page.getByRole('combobox', { name: 'Plan' }).selectOption('');
    await waitForPlanSettled(page);
    await grid.getByText(/Insulate the civic centre/).waitFor();
    expect(new URL(page.url()).searchParams.get('plan')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an archived plan is kept: a link to it still works and names it archived', async () => {
    const { page, errors } = await open(context, { as: ADMIN, page: 'plan', plan: 'Old Equality Plan' });
    await waitForPlanSettled(page);
    await page.getByRole('grid').getByText('Archived plan action').waitFor();
    await expect(page.getByRole('combobox', { name: 'Plan' }).locator('option:checked').textContent()).resolves.toBe('Old Equality Plan (archived)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a plan name that matches no plan says so plainly and names the plans there are', async () => {
    const { page, errors } = await open(context, { as: ADMIN, page: 'plan', plan: 'Housing Pln' });
    await page.getByText('There is no plan called “Housing Pln”').waitFor();
    await page.getByText(/Choose a plan under “Plan” above \(Climate Plan, Housing Plan\)/).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

const PAGES = ['my-actions', 'plan', 'summary', 'digest-preview', 'import'] as const;
const HEADINGS: Record<(typeof PAGES)[number], RegExp> = {
  'my-actions': /^My actions$/, plan: /^Plan: /, summary: /^Summary$/, 'digest-preview': /^Digest preview$/, import: /^Import/,
};

describe.each([
  [1366, 768],
  [400, 800],
] as const)('every page at %i×%i', (width, height) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width, height } });
    await context.route((url) => url.origin !== site.url, (route) => route.abort('blockedbyclient'));
  });
  afterAll(async () => { await context?.close(); });

  it.each(PAGES)('%s: no sideways scrolling, axe clean', async (pageId) => {
    // My actions as an owner (their cards); the managers' pages as a site owner, who may see them.
    const { page, errors } = await open(context, { as: pageId === 'my-actions' ? OWNER : ADMIN, page: pageId });
    await page.getByRole('heading', { name: HEADINGS[pageId] }).first().waitFor();
    if (pageId === 'plan') await waitForPlanSettled(page);
    if (pageId === 'my-actions') await waitForMyActions(page);
    await page.getByText(/^Loading|^Counting|^Working out/).first().waitFor({ state: 'detached' }).catch(() => undefined);
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.inner);
    expect(describeViolations(await runAxe(page))).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('page tabs, the filter panel and the Act as menu fit and never blank the page', async () => {
    const { page, errors } = await open(context, { as: OWNER, page: 'plan' });
    await waitForPlanSettled(page);
    if (width < 640) {
      // Tabs fold into one menu; the filter bar into a button counting active filters.
      await page.getByRole('button', { name: 'Pages: Plan' }).click();
      await page.getByRole('menuitemradio', { name: 'Summary' }).click();
      await page.getByRole('heading', { name: 'Summary' }).waitFor();
      await page.goBack();
      await waitForPlanSettled(page);
      await page.getByRole('button', { name: 'Filters' }).click();
      await page.getByRole('checkbox', { name: 'Overdue only' }).check();
      await waitForPlanSettled(page);
      await page.getByRole('button', { name: 'Hide filters (1 active)' }).click();
      await page.getByRole('button', { name: 'Filters (1 active)' }).waitFor();
    } else {
      await page.getByRole('tab', { name: 'Summary' }).waitFor();
    }
    await page.getByRole('button', { name: 'Act as another user' }).click();
    await page.getByRole('menuitemradio', { name: /Owner A/ }).waitFor();
    // The page behind the menu is still there.
    expect(await page.getByRole('heading', { name: /^Plan: / }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });
});
