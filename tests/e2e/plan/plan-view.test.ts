import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import '@pnp/sp/lists';
import '@pnp/sp/views';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { toIsoDate } from '../../../src/domain/dates';
import type { Person } from '../../../src/domain/plan-item';
import { LIST } from '../../../src/sharepoint/list-names';
import { runAxeOnFluentPage as runAxe } from '../support/axe-fluent';
import { collectPageErrors, describeViolations, launchBrowser, newLocalContext } from '../support/browser';
import { seedGeneratedPlan } from '../support/generated-plan';
import { planCount, planRegion, readGridRefs, restRefs, waitForPlanSettled } from '../support/plan-page';
import { TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { panel } from '../support/tab-page';

const PLAN_SIZE = 5000;
const ADMIN = TEST_USERS[0].email;
const sorted = (refs: string[]) => [...refs].sort();

jest.setTimeout(60_000);

describe('plan view (browser, 5,000-action plan on the embedded server)', () => {
  let site: TabSite;
  let browser: Browser;
  let context: BrowserContext;
  let owners: Person[];
  const today = toIsoDate(new Date());

  beforeAll(async () => {
    site = await startTabSite({ users: TEST_USERS });
    owners = await seedGeneratedPlan(site.site, PLAN_SIZE);
    browser = await launchBrowser();
    context = await newLocalContext(browser, site.url);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function openPlan(params: Record<string, string> = {}): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(site.tabUrl({ page: 'plan', as: ADMIN, ...params }));
    await waitForPlanSettled(page);
    return { page, errors };
  }

  const overdueRedOwnerFilter = (ownerId: number) =>
    `OwnerId eq ${ownerId} and RAG eq 'Red' and DueDate lt datetime'${today}T00:00:00Z' and Status ne 'Completed' and Status ne 'Cancelled'`;

  it('shows every action grouped by section, drawing only the rows in view', async () => {
    const { page, errors } = await openPlan();
    expect(await planCount(page)).toBe(PLAN_SIZE);
    const grid = page.getByRole('grid', { name: 'Plan: All actions' });
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(PLAN_SIZE + 10 + 1));
    await expect(grid.getByRole('rowheader').first().textContent()).resolves.toMatch(/^Theme \d+: .+\(\d+ actions\)$/);
    const drawn = await grid.getByRole('row').count();
    expect(drawn).toBeLessThan(80);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters to overdue + Red + one owner and shows exactly the rows a direct REST query returns', async () => {
    const { page, errors } = await openPlan();
    const owner = owners[2];
    await page.getByRole('combobox', { name: 'Owner' }).selectOption({ label: owner.title });
    await waitForPlanSettled(page);
    await page.getByRole('group', { name: 'RAG' }).getByRole('checkbox', { name: 'Red' }).check();
    await waitForPlanSettled(page);
    await page.getByRole('checkbox', { name: 'Overdue only' }).check();
    await waitForPlanSettled(page);

    const expected = await restRefs(site.siteUrl, overdueRedOwnerFilter(owner.id));
    expect(expected.length).toBeGreaterThan(3);
    const shown = await readGridRefs(page);
    expect(sorted(shown)).toEqual(sorted(expected));
    expect(await planCount(page)).toBe(expected.length);

    // The filters are in the URL, so the same link reproduces the view in a fresh page.
    const link = page.url();
    expect(new URL(link).searchParams.get('rag')).toBe('Red');
    expect(new URL(link).searchParams.get('overdue')).toBe('1');
    expect(new URL(link).searchParams.get('owner')).toBe(String(owner.id));
    const again = await context.newPage();
    await again.goto(link);
    await waitForPlanSettled(again);
    expect(await readGridRefs(again)).toEqual(shown);
    await expect(again.getByRole('checkbox', { name: 'Overdue only' }).isChecked()).resolves.toBe(true);
    await expect(again.getByRole('group', { name: 'RAG' }).getByRole('checkbox', { name: 'Red' }).isChecked()).resolves.toBe(true);
    await expect(again.getByRole('group', { name: 'RAG' }).getByRole('checkbox', { name: 'Amber' }).isChecked()).resolves.toBe(false);
    await expect(again.getByRole('combobox', { name: 'Owner' }).inputValue()).resolves.toBe(String(owner.id));
    expect(errors).toEqual([]);
    await again.close();
    await page.close();
  });

  it('a saved view shows the same rows as its SharePoint view, and links to it', async () => {
    const { page } = await openPlan();
    await page.getByRole('combobox', { name: 'View' }).selectOption('Overdue');
    await page.getByRole('heading', { name: 'Plan: Overdue' }).waitFor();
    await waitForPlanSettled(page);

    const list = site.site.sp.web.lists.getByTitle(LIST.planItems);
    const view = (await list.views.getByTitle('Overdue').select('ViewQuery', 'ServerRelativeUrl')()) as { ViewQuery: string; ServerRelativeUrl: string };
    const rows = (await list.getItemsByCAMLQuery({ ViewXml: `<View><Query>${view.ViewQuery}</Query><RowLimit Paged="TRUE">5000</RowLimit></View>` })) as { ActionRef: string }[];
    const shown = await readGridRefs(page);
    expect(rows.length).toBeGreaterThan(100);
    expect(sorted(shown)).toEqual(sorted(rows.map((r) => r.ActionRef)));

    const open = page.getByRole('link', { name: 'Open “Overdue” in SharePoint' });
    expect(await open.getAttribute('href')).toBe(new URL(view.ServerRelativeUrl, site.url).href);
    await page.close();
  });

  it('exports the current view to CSV and XLSX with its rows and its filters named', async () => {
    const owner = owners[2];
    const { page } = await openPlan({ owner: String(owner.id), rag: 'Red', overdue: '1' });
    const shown = await readGridRefs(page);
    expect(shown.length).toBeGreaterThan(3);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toBe(`plan-all-actions-${today}.csv`);
    const csv = (await readFile((await csvDownload.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    // The header row comes first (no filter lines above it), with plan and owner in their own columns.
    expect(lines[0].slice(0, 2)).toEqual(['Plan', 'Ref']);
    expect(lines[0]).toContain('Owner');
    const csvRefs = lines.slice(1).map((l) => l[1]);
    expect(csvRefs).toEqual(shown);
    expect(lines[1][lines[0].indexOf('Due date')]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Excel' }).click()]);
    expect(xlsxDownload.suggestedFilename()).toBe(`plan-all-actions-${today}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await xlsxDownload.path())!)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const actions = workbook.getWorksheet('Actions')!;
    const xlsxRefs: string[] = [];
    actions.eachRow((row, n) => { if (n > 1) xlsxRefs.push(String(row.getCell(2).value)); });
    expect(xlsxRefs).toEqual(shown);
    const filters: string[][] = [];
    workbook.getWorksheet('Filters')!.eachRow((row) => filters.push([String(row.getCell(1).value), String(row.getCell(2).value ?? '')]));
    expect(filters).toEqual(expect.arrayContaining([['RAG', 'Red'], ['Owner', owner.title], ['Overdue', 'yes']]));
    await page.close();
  });

  it('moves through the grid by keyboard and opens an action with Enter', async () => {
    const { page } = await openPlan({ group: 'none' });
    await page.getByRole('searchbox', { name: 'Search actions' }).focus();
    // Tab from the filters into the grid: its one tabbable cell is the first row's first cell.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'gridcell')) break;
    }
    const focused = () => page.evaluate(() => ({ text: document.activeElement?.textContent ?? '', row: document.activeElement?.getAttribute('data-row'), col: document.activeElement?.getAttribute('data-col') }));
    expect(await focused()).toMatchObject({ row: '0', col: '0' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatchObject({ row: '2', col: '0' });
    await page.keyboard.press('End');
    expect(await focused()).toMatchObject({ row: '2', col: '5' });
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const title = (await focused()).text;
    expect(await focused()).toMatchObject({ row: '2', col: '1' });
    await page.keyboard.press('Control+End');
    expect(await focused()).toMatchObject({ row: String(PLAN_SIZE - 1), col: '1' });
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('PageDown');
    expect(Number((await focused()).row)).toBeGreaterThan(5);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await panel(page).getByRole('heading', { name: title, exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('item')).toMatch(/^\d+$/);
    await page.close();
  });

  it('summary counts match SharePoint, have a table form, and a bar filters the plan view', async () => {
    const page = await context.newPage();
    await page.goto(site.tabUrl({ page: 'summary', as: ADMIN }));
    const red = await restRefs(site.siteUrl, "RAG eq 'Red'");
    const byRag = page.getByRole('region', { name: 'Actions by RAG' });
    const bar = byRag.getByRole('button', { name: `Red ${red.length} actions. Show in the plan` });
    await bar.waitFor();
    await byRag.getByRole('button', { name: 'Show as table' }).click();
    const redRow = byRag.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Red', exact: true }) });
    await expect(redRow.getByRole('cell').nth(1).textContent()).resolves.toBe(String(red.length));
    await byRag.getByRole('button', { name: 'Show as table' }).click();
    await bar.click();
    await page.waitForURL(/[?&]page=plan/);
    await planRegion(page).waitFor();
    await waitForPlanSettled(page);
    expect(new URL(page.url()).searchParams.get('rag')).toBe('Red');
    expect(await planCount(page)).toBe(red.length);
    await page.close();
  });

  it.each(['default', 'dark', 'contrast'])('has no axe violations on the plan view and summary in the %s theme', async (theme) => {
    const { page } = await openPlan({ theme, rag: 'Red' });
    const planViolations = await runAxe(page);
    expect(describeViolations(planViolations)).toBe('');
    await page.goto(site.tabUrl({ page: 'summary', as: ADMIN, theme }));
    await page.getByRole('region', { name: 'Overdue by section' }).waitFor();
    expect(describeViolations(await runAxe(page))).toBe('');
    // By keyboard: a mouse would leave the button mid-way through its hover transition when axe reads its colours.
    await page.getByRole('region', { name: 'Actions by status' }).getByRole('button', { name: 'Show as table' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Actions by status' }).getByRole('table').waitFor();
    expect(describeViolations(await runAxe(page))).toBe('');
    await page.close();
  });
});
