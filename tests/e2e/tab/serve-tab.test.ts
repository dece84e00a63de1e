import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { tabDistDir } from '../../../src/tab/build-tab';
import { TAB_CSP } from '../../../src/tab/serve-tab';
import { launchBrowser, newLocalContext } from '../support/browser';
import { seedActions, TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { actionButton, waitForMyActions, waitForPanel } from '../support/tab-page';

jest.setTimeout(60_000);

let site: TabSite;

beforeAll(async () => { site = await startTabSite({ users: TEST_USERS }); });
afterAll(async () => { await site?.close(); });

const DIST = tabDistDir();

describe('serving the built tab', () => {
  it('sends the page with a CSP that allows only Teams / Microsoft 365 hosts to frame it', async () => {
    const response = await fetch(site.tabUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(TAB_CSP);
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(expect.arrayContaining(["'self'", 'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://outlook.office.com']));
    expect(directives['frame-ancestors'].every((source: string) => source === "'self'" || source.startsWith('https://'))).toBe(true);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('builds HTML with no inline script, only module files from /tab/assets/', async () => {
    const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe('');
      expect(attributes).toMatch(/src="\/tab\/assets\/[^"]+\.js"/);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('caches hashed assets for a year and never serves outside dist/tab', async () => {
    const assets = (await readdir(path.join(DIST, 'assets'))).filter((f) => f.endsWith('.js'));
    const asset = await fetch(`${site.url}/tab/assets/${assets[0]}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    for (const sneaky of ['/tab/%2e%2e/%2e%2e/package.json', '/tab/..%2f..%2fpackage.json', '/tab/assets/..%2f..%2f..%2fpackage.json', '/tab/assets/missing.js']) {
      const response = await fetch(`${site.url}${sneaky}`);
      expect([400, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('"dependencies"');
    }
    const deepPath = await fetch(`${site.url}/tab/some/route`);
    expect(deepPath.status).toBe(200);
    expect(await deepPath.text()).toContain('<div id="root">');
    const post = await fetch(site.tabUrl(), { method: 'POST' });
    expect(post.status).toBe(405);
    const bare = await fetch(`${site.url}/tab?as=x`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/tab/?as=x');
  });

  it('runs under its CSP without a single violation, panel open', async () => {
    const owner = 'owner3@contoso.example';
    await seedActions(site.site, owner, [{ title: 'Action under CSP' }]);
    const browser: Browser = await launchBrowser();
    try {
      const context = await newLocalContext(browser, site.url);
      // An init script is injected by the browser, outside the page's CSP.
      await context.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const page = await context.newPage();
      await page.goto(site.tabUrl({ as: owner }));
      await waitForMyActions(page);
      await actionButton(page, 'Action under CSP').click();
      await waitForPanel(page, 'Action under CSP');
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
