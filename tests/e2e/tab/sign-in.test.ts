import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser } from '../support/browser';
import { seedActions, TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { waitForMyActions } from '../support/tab-page';
import { fakeIdentityScript, identitySeamPlugin } from '../support/teams-identity';

jest.setTimeout(90_000);

/**
 * teams-js opens Teams' authentication window only for an https URL, so these tests load
 * everything from https://localhost: Playwright answers that origin by fetching from the
 * embedded server (no certificate needed), and refuses every other origin.
 */
const HTTPS_ORIGIN = 'https://localhost';
const ACCOUNT = { username: 'owner5@contoso.example', name: 'Owner E' };

let site: TabSite;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [site, browser] = await Promise.all([startTabSite({ users: TEST_USERS, plugins: [identitySeamPlugin()] }), launchBrowser()]);
  await seedActions(site.site, TEST_USERS[0].email, [{ title: 'Action read with a token' }]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1280, height: 900 } });
  await context.route(() => true, (route) => route.abort('blockedbyclient'));
  await context.route((url) => url.origin === HTTPS_ORIGIN, async (route) => {
    const url = new URL(route.request().url());
    // The embedded server serves browser requests from its own origin only (lockdown.ts): the proxy speaks for https://localhost.
    const headers = { ...route.request().headers() };
    if (headers.origin) headers.origin = site.url;
    const response = await route.fetch({ url: `${site.url}${url.pathname}${url.search}`, headers, maxRedirects: 0 });
    await route.fulfill({ response });
  });
  await context.addInitScript(fakeIdentityScript(ACCOUNT));
});
afterEach(async () => { await context.close(); });

const hostUrl = (params: Record<string, string>) => `${HTTPS_ORIGIN}/_test/teams-host.html?${new URLSearchParams({ email: ACCOUNT.username, name: ACCOUNT.name, tab: '/tab/', ...params })}`;

async function tabFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('iframe#tab')).contentFrame();
  if (!frame) throw new Error('the host page has no tab frame');
  return frame;
}

/** The Authorization header of every SharePoint REST call the page (and its frames) makes. */
function authorizationHeaders(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => { if (request.url().includes('/_api/')) seen.push(request.headers()['authorization'] ?? '(none)'); });
  return seen;
}

type Received = { func: string; args: unknown[] }[];
const hostLog = (page: Page) => page.evaluate(() => {
  const host = (window as unknown as { teamsHost: { received: Received; authReceived: Received } }).teamsHost;
  return { tab: host.received.map((m) => m.func), authWindow: host.authReceived.map((m) => m.func), authenticateArgs: host.received.find((m) => m.func === 'authentication.authenticate')?.args ?? null };
});
const identityCalls = (frame: Frame) => frame.evaluate(() => (window as unknown as { fakeIdentity: { calls: { call: string; request?: { scopes: string[]; loginHint: string } }[] } }).fakeIdentity.calls);

describe('signing in to SharePoint from a Teams host', () => {
  it('uses nested app authentication where Teams recommends it, and SharePoint gets its token', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const authorization = authorizationHeaders(page);
    await page.goto(hostUrl({ naa: '1' }));
    const frame = await tabFrame(page);
    await waitForMyActions(frame);

    // Signed in: the page loaded with a bearer token, not in local mode.
    expect(await frame.getByText(/Local mode/).count()).toBe(0);
    expect(authorization.length).toBeGreaterThan(0);
    expect(new Set(authorization)).toEqual(new Set([`Bearer fake-naa-token-for-${ACCOUNT.username}`]));
    const calls = await identityCalls(frame);
    expect(calls.map((c) => c.call)).toEqual(['nestedToken']);
    expect(calls[0].request).toEqual({ scopes: [`${HTTPS_ORIGIN}/.default`], loginHint: ACCOUNT.username });
    // No authentication window was needed.
    expect((await hostLog(page)).tab).not.toContain('authentication.authenticate');
    expect(errors).toEqual([]);
  });

  it('without NAA signs in through Teams\' authentication window (redirect flow), then reuses the token', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const authorization = authorizationHeaders(page);
    const authPages: string[] = [];
    context.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (request.resourceType() === 'document' && pathname.startsWith('/tab/auth-')) authPages.push(pathname);
    });
    const popupOpened = page.waitForEvent('popup');
    await page.goto(hostUrl({}));
    const popup = await popupOpened;
    const frame = await tabFrame(page);
    await waitForMyActions(frame);
    // teams-js closes the window once it has handed the result over.
    if (!popup.isClosed()) await popup.waitForEvent('close');

    // The tab asked silently first, then Teams opened our start page for this site and user.
    expect((await identityCalls(frame)).map((c) => c.call)).toEqual(['silentToken']);
    const log = await hostLog(page);
    const [startUrl] = log.authenticateArgs as [string];
    const start = new URL(startUrl);
    expect(`${start.origin}${start.pathname}`).toBe(`${HTTPS_ORIGIN}/tab/auth-start.html`);
    expect(start.searchParams.get('loginHint')).toBe(ACCOUNT.username);
    // The window went to the redirect URI and back, and handed the result over through teams-js.
    expect(authPages).toEqual(['/tab/auth-start.html', '/tab/auth-end.html', '/tab/auth-start.html']);
    expect(log.authWindow).toContain('authentication.authenticate.success');
    expect(new Set(authorization)).toEqual(new Set([`Bearer fake-window-token-for-${ACCOUNT.username}`]));
    expect(await frame.getByText(/Local mode/).count()).toBe(0);

    // Reloading reuses the token: no second window, no second sign-in.
    authorization.length = 0;
    await page.reload();
    const again = await tabFrame(page);
    await waitForMyActions(again);
    expect((await hostLog(page)).tab).not.toContain('authentication.authenticate');
    expect(await identityCalls(again)).toEqual([]);
    expect(new Set(authorization)).toEqual(new Set([`Bearer fake-window-token-for-${ACCOUNT.username}`]));
    expect(errors).toEqual([]);
  });

  it('says what to do when the sign-in window is closed before signing in', async () => {
    const page = await context.newPage();
    const popupOpened = page.waitForEvent('popup');
    // A fresh context: nothing to reuse. Close the window as a user would, before Entra answers.
    await context.route((url) => url.pathname === '/tab/auth-end.html', (route) => route.abort('blockedbyclient'));
    await page.goto(hostUrl({}));
    const popup = await popupOpened;
    await popup.close();
    const frame = await tabFrame(page);
    await frame.getByText('The sign-in window was closed before signing in finished. Reload the tab to try again.').waitFor();
  });
});

describe('the test identity seam', () => {
  it('is refused on a server that does not serve the seam', async () => {
    const page = await context.newPage();
    // The same page, but the seam answer is withheld: the tab must refuse the fake, not sign in.
    await context.route((url) => url.pathname === '/_test/identity-seam', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(hostUrl({ naa: '1' }));
    const frame = await tabFrame(page);
    await frame.getByText(/not the embedded test server; sign-in refused/).waitFor();
  });
});
