import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser, newLocalContext } from '../support/browser';
import { TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';

const ADMIN = TEST_USERS[0].email;

/** What the Import page's browser suites share: one site and browser for the suite, and how to open the page. */
export type ImportPageSession = {
  site(): TabSite;
  /** Opens the Import page as the site admin, once its heading shows; page errors are collected. */
  openImport(params?: Record<string, string>): Promise<{ page: Page; errors: string[] }>;
  /** Picks a plan file in the page's file input. */
  choose(page: Page, name: string, buffer: Buffer): Promise<void>;
};

/** Starts the embedded site and Chromium before the suite (stopped after it); call at the top of a `describe`. */
export function importPageSession(): ImportPageSession {
  let site: TabSite;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    site = await startTabSite({ users: TEST_USERS });
    browser = await launchBrowser();
    context = await newLocalContext(browser, site.url);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  return {
    site: () => site,
    async openImport(params = {}) {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(site.tabUrl({ page: 'import', as: ADMIN, ...params }));
      await page.getByRole('heading', { name: 'Import a plan' }).waitFor();
      return { page, errors };
    },
    choose: (page, name, buffer) => page.getByLabel('Plan file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer }),
  };
}
