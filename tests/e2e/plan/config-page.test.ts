import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { SharePointPlans } from '../../../src/sharepoint/plans-repository';
import { runAxeOnFluentPage as runAxe } from '../support/axe-fluent';
import { collectPageErrors, describeViolations, launchBrowser, newLocalContext } from '../support/browser';
import { seedActions, TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { teamsConfigHostPlugin } from '../support/teams-config-host';

type ConfigHostState = { validity: boolean | null; settings: Record<string, string> | null; saveHandlerRegistered: boolean; saveResult: string | null };

const hostState = (page: Page) => page.evaluate(() => (window as unknown as { configHost: ConfigHostState }).configHost);
const waitForValidity = (page: Page, valid: boolean) =>
  page.waitForFunction((v) => (window as unknown as { configHost: ConfigHostState }).configHost.validity === v, valid);

/** Presses Tab until the focused element in the tab's frame is the select labelled `label` (keyboard-only use). */
async function tabToSelect(page: Page, frame: Frame, label: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await frame.evaluate(() => {
      const el = document.activeElement as HTMLSelectElement | null;
      return { tag: el?.tagName.toLowerCase() ?? '', label: el?.labels?.[0]?.textContent?.trim() ?? '' };
    });
    if (focused.tag === 'select' && focused.label.startsWith(label)) return;
  }
  throw new Error(`Tab never reached the ${label} select`);
}

jest.setTimeout(90_000);

describe('configurable tab: config page (browser, inside a host answering teams-js config messages)', () => {
  let site: TabSite;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    site = await startTabSite({ users: TEST_USERS, plugins: [teamsConfigHostPlugin()] });
    const plans = new SharePointPlans(site.site.sp);
    await plans.upsert({ name: 'Equality plan', steeringGroup: 'Equality Board' });
    await plans.upsert({ name: 'Digital plan', steeringGroup: 'Digital Board' });
    await seedActions(site.site, TEST_USERS[1].email, [
      { title: 'Publish the pay gap report', plan: 'Equality plan', steeringGroup: 'Equality Board' },
      { title: 'Train every panel chair', plan: 'Equality plan', steeringGroup: 'Equality Board' },
      { title: 'Move the forms online', plan: 'Digital plan', steeringGroup: 'Digital Board' },
    ]);
    browser = await launchBrowser();
    context = await newLocalContext(browser, site.url);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const hostUrl = (theme = 'default') => `${site.url}/_test/teams-config-host.html?theme=${theme}&tab=${encodeURIComponent('/tab/?page=config')}`;

  it('picks the site and the plan by keyboard, shows the plan it will pin, and saves a content URL opening it', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(hostUrl());
    const tab = page.frameLocator('iframe[title="Plan Tracker tab settings"]');
    await tab.getByRole('heading', { name: 'Set up the Plan Tracker tab' }).waitFor();
    await page.waitForFunction(() => (window as unknown as { configHost: ConfigHostState }).configHost.saveHandlerRegistered);
    // The site has two plans and none is chosen yet: Teams must keep Save disabled.
    await waitForValidity(page, false);

    // The sites come from SharePoint search (the embedded server finds its own site).
    const siteSelect = tab.getByRole('combobox', { name: 'SharePoint site' });
    await tab.getByText('Sites you can open in SharePoint.').waitFor();
    expect(await siteSelect.locator('option').allTextContents()).toEqual([`Plans — ${site.siteUrl}`]);
    const planSelect = tab.getByRole('combobox', { name: /^Plan/ });
    expect(await planSelect.locator('option').allTextContents()).toEqual(['Choose a plan', 'Digital plan', 'Equality plan']);

    // Keyboard only: Tab into the dialog's frame to the site, then on to the plan, and choose with the arrow keys.
    const frame = page.frames().find((f) => f.url().includes('/tab/'));
    if (!frame) throw new Error('the config host has no tab frame');
    await tabToSelect(page, frame, 'SharePoint site');
    await tabToSelect(page, frame, 'Plan');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await planSelect.inputValue()).toBe('Equality plan');

    const summary = tab.locator('dl');
    await summary.getByText('2 actions').waitFor();
    expect(await summary.locator('dd').allTextContents()).toEqual(['Equality plan', 'Equality Board', '2 actions', site.siteUrl]);
    await waitForValidity(page, true);

    await page.evaluate(() => (window as unknown as { configHost: { save(): void } }).configHost.save());
    await page.waitForFunction(() => (window as unknown as { configHost: ConfigHostState }).configHost.saveResult !== null);
    const state = await hostState(page);
    expect(state.saveResult).toBe('success');
    const content = new URL(state.settings!.contentUrl);
    expect(`${content.origin}${content.pathname}`).toBe(`${site.url}/tab/`);
    expect(Object.fromEntries(content.searchParams)).toEqual({ page: 'plan', site: site.siteUrl, plan: 'Equality plan' });
    expect(state.settings).toMatchObject({ entityId: 'plan-equality-plan', suggestedDisplayName: 'Equality plan', websiteUrl: content.href });

    // Choosing "Choose a plan" again makes the form invalid again.
    await page.keyboard.press('Home');
    await waitForValidity(page, false);
    expect(errors).toEqual([]);

    // The saved content URL opens that plan's view, and only its actions.
    const pinned = await context.newPage();
    await pinned.goto(`${content.href}&as=${encodeURIComponent(TEST_USERS[0].email)}`);
    const grid = pinned.getByRole('grid');
    await grid.getByText('Publish the pay gap report', { exact: true }).waitFor();
    await grid.getByText('Train every panel chair', { exact: true }).waitFor();
    expect(await grid.getByText('Move the forms online').count()).toBe(0);
    expect(await pinned.getByRole('combobox', { name: 'Plan' }).inputValue()).toBe('Equality plan');
    await pinned.close();
    await page.close();
  });

  it.each(['default', 'dark', 'contrast'])('has no axe violations in the %s theme, with a plan chosen', async (theme) => {
    const page = await context.newPage();
    await page.goto(site.tabUrl({ page: 'config', as: TEST_USERS[0].email, theme }));
    await page.getByRole('heading', { name: 'Set up the Plan Tracker tab' }).waitFor();
    await page.getByRole('combobox', { name: /^Plan/ }).selectOption('Digital plan');
    await page.locator('dl').getByText('1 action').waitFor();
    expect(describeViolations(await runAxe(page))).toBe('');
    await page.close();
  });
});
