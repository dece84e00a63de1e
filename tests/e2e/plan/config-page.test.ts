import type { Browser, BrowserContext, Page } from 'playwright-core';
import { runAxeOnFluentPage as runAxe } from '../support/axe-fluent';
import { collectPageErrors, describeViolations, launchBrowser, newLocalContext } from '../support/browser';
import { seedActions, TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { teamsConfigHostPlugin } from '../support/teams-config-host';

type ConfigHostState = { validity: boolean | null; settings: Record<string, string> | null; saveHandlerRegistered: boolean; saveResult: string | null };

const hostState = (page: Page) => page.evaluate(() => (window as unknown as { configHost: ConfigHostState }).configHost);

jest.setTimeout(60_000);

describe('configurable tab: config page (browser, inside a host answering teams-js config messages)', () => {
  let site: TabSite;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    site = await startTabSite({ users: TEST_USERS, plugins: [teamsConfigHostPlugin()] });
    await seedActions(site.site, TEST_USERS[1].email, [
      { plan: 'Equality plan', steeringGroup: 'Equality Board' },
      { plan: 'Equality plan', steeringGroup: 'Workforce Board' },
      { plan: 'Digital plan', steeringGroup: 'Digital Board' },
    ]);
    browser = await launchBrowser();
    context = await newLocalContext(browser, site.url);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const hostUrl = (theme = 'default') => `${site.url}/_test/teams-config-host.html?theme=${theme}&tab=${encodeURIComponent('/tab/?page=config')}`;

  it('saves the site, plan and steering group as a content URL, with validity following the form', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(hostUrl());
    const tab = page.frameLocator('iframe[title="Plan Tracker tab settings"]');
    await tab.getByRole('heading', { name: 'Set up the Plan Tracker tab' }).waitFor();
    await page.waitForFunction(() => (window as unknown as { configHost: ConfigHostState }).configHost.saveHandlerRegistered);
    // No plan chosen yet (the site has two): Teams must keep Save disabled.
    await page.waitForFunction(() => (window as unknown as { configHost: ConfigHostState }).configHost.validity === false);

    await tab.getByText('Plans on this site: Digital plan, Equality plan.').waitFor();
    await tab.getByRole('combobox', { name: 'Plan' }).fill('Equality plan');
    await tab.getByRole('combobox', { name: 'Steering group' }).fill('Equality Board');
    await page.waitForFunction(() => (window as unknown as { configHost: ConfigHostState }).configHost.validity === true);

    await page.evaluate(() => (window as unknown as { configHost: { save(): void } }).configHost.save());
    await page.waitForFunction(() => (window as unknown as { configHost: ConfigHostState }).configHost.saveResult !== null);
    const state = await hostState(page);
    expect(state.saveResult).toBe('success');
    const content = new URL(state.settings!.contentUrl);
    expect(content.origin).toBe(site.url);
    expect(content.pathname).toBe('/tab/');
    expect(Object.fromEntries(content.searchParams)).toEqual({ page: 'plan', site: site.siteUrl, plan: 'Equality plan', steeringGroup: 'Equality Board' });
    expect(state.settings).toMatchObject({ suggestedDisplayName: 'Equality plan — Equality Board', websiteUrl: content.href });
    expect(state.settings!.entityId).toMatch(/^plan-equality-plan-equality-board$/);

    // A bad site address makes the form invalid again.
    const siteField = tab.getByRole('textbox', { name: 'SharePoint site' });
    await siteField.fill('not a site');
    await page.waitForFunction(() => (window as unknown as { configHost: ConfigHostState }).configHost.validity === false);
    await tab.getByText(/Enter the site’s full address/).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the saved content URL opens the plan view scoped to that plan and steering group', async () => {
    const page = await context.newPage();
    await page.goto(site.tabUrl({ page: 'plan', as: TEST_USERS[0].email, plan: 'Equality plan', steeringGroup: 'Equality Board' }));
    await page.getByText('1 action.').waitFor();
    await page.getByText(/Plan: Equality plan · Steering group: Equality Board/).waitFor();
    await page.close();
  });

  it.each(['default', 'dark', 'contrast'])('has no axe violations in the %s theme', async (theme) => {
    const page = await context.newPage();
    await page.goto(site.tabUrl({ page: 'config', as: TEST_USERS[0].email, theme }));
    await page.getByRole('heading', { name: 'Set up the Plan Tracker tab' }).waitFor();
    await page.getByText('Finding the plans on the site…').waitFor({ state: 'detached' });
    expect(describeViolations(await runAxe(page))).toBe('');
    await page.close();
  });
});
