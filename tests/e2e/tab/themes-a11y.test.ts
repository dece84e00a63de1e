import type { Browser, Page } from 'playwright-core';
import { describeViolations, launchBrowser, newLocalContext, runAxe } from '../support/browser';
import { daysFromToday, seedActions, TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { actionButton, waitForMyActions, waitForPanel } from '../support/tab-page';

jest.setTimeout(90_000);

let site: TabSite;
let browser: Browser;
const OWNER = 'owner1@contoso.example';

beforeAll(async () => {
  [site, browser] = await Promise.all([startTabSite({ users: TEST_USERS }), launchBrowser()]);
  // Every kind of row: overdue, due soon, no update, each RAG, long text; and a history.
  const [first] = await seedActions(site.site, OWNER, [
    { title: 'Overdue and Red', dueDate: daysFromToday(-10), rag: 'Red' },
    { title: 'Due soon and Amber', dueDate: daysFromToday(5), rag: 'Amber' },
    { title: 'Green, later', dueDate: daysFromToday(90), rag: 'Green' },
    { title: 'Complete and Blue', dueDate: daysFromToday(-30), rag: 'Blue', status: 'Completed', percentComplete: 100 },
    { title: 'No RAG, ongoing', dueDate: null, dueText: 'On-going', ongoing: true, rag: null },
  ]);
  await site.site.plans.updateStatus(first, { status: 'In progress', rag: 'Red', percentComplete: 10, comment: 'Contractor withdrew.' }, new Date().toISOString());
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Relative luminance (0 black … 1 white) of a computed CSS colour. */
async function backgroundLuminance(page: Page, selector: string): Promise<number> {
  const colour = await page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe.each([
  ['default', (l: number) => l > 0.8],
  ['dark', (l: number) => l < 0.1],
  ['contrast', (l: number) => l < 0.05],
] as const)('the %s theme', (theme, expectedLuminance) => {
  it('renders My actions and the update panel with no axe violations (WCAG 2.2 AA)', async () => {
    const context = await newLocalContext(browser, site.url);
    try {
      const page = await context.newPage();
      await page.goto(site.tabUrl({ as: OWNER, theme }));
      await waitForMyActions(page);
      await actionButton(page, 'Green, later').waitFor();

      expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe(theme);
      expect(expectedLuminance(await backgroundLuminance(page, 'main'))).toBe(true);
      const listViolations = await runAxe(page);
      expect(describeViolations(listViolations)).toBe('');

      await actionButton(page, 'Overdue and Red').click();
      const dialog = await waitForPanel(page, 'Overdue and Red');
      await dialog.getByText('Contractor withdrew.').first().waitFor();
      // Show the optional fields and a validation message too.
      await dialog.getByRole('checkbox', { name: 'Revise the due date' }).check();
      await dialog.getByRole('button', { name: 'Save update' }).click();
      await dialog.getByText('Say why the due date changes; the steering group sees this.').waitFor();
      expect(expectedLuminance(await backgroundLuminance(page, '[role="dialog"]'))).toBe(true);
      const panelViolations = await runAxe(page);
      expect(describeViolations(panelViolations)).toBe('');
    } finally {
      await context.close();
    }
  });
});
