import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser, newLocalContext } from '../support/browser';
import { seedActions, TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { actionButton, waitForMyActions, waitForPanel } from '../support/tab-page';
import { nativeHostScript } from '../support/teams-native-host';

jest.setTimeout(60_000);

let site: TabSite;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [site, browser] = await Promise.all([startTabSite({ users: TEST_USERS }), launchBrowser()]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => { context = await newLocalContext(browser, site.url); });
afterEach(async () => { await context.close(); });

async function tabFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#tab');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the host page has no tab frame');
  return frame;
}

type Received = { func: string; args: unknown[] }[];
const received = (page: Page) => page.evaluate(() => (window as unknown as { teamsHost: { received: Received } }).teamsHost.received);

describe('the tab inside a Teams host', () => {
  it('initialises through teams-js, acts as the Teams user, and follows theme changes', async () => {
    await seedActions(site.site, 'owner8@contoso.example', [{ title: 'Action seen from Teams' }]);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(site.teamsHostUrl({ email: 'owner8@contoso.example', name: 'Owner H', theme: 'dark', locale: 'en-GB' }));
    const frame = await tabFrame(page);
    await waitForMyActions(frame);

    // The Teams user (context.user.loginHint) is who the tab acts as on the local server.
    await frame.getByText('Local mode — acting as Owner H').waitFor();
    await actionButton(frame, 'Action seen from Teams').waitFor();
    const funcs = (await received(page)).map((m) => m.func);
    expect(funcs.filter((f) => f === 'initialize')).toHaveLength(1);
    expect(funcs).toContain('getContext');
    expect(funcs).toContain('registerHandler');

    // The Teams theme is applied, then followed.
    const themeOf = () => frame.locator('[data-theme]').getAttribute('data-theme');
    expect(await themeOf()).toBe('dark');
    await page.evaluate(() => (window as unknown as { teamsHost: { setTheme(t: string): void } }).teamsHost.setTheme('contrast'));
    await frame.locator('[data-theme="contrast"]').waitFor();
    await page.evaluate(() => (window as unknown as { teamsHost: { setTheme(t: string): void } }).teamsHost.setTheme('default'));
    await frame.locator('[data-theme="default"]').waitFor();
    // Initialising happened once, not again on each re-render.
    expect((await received(page)).filter((m) => m.func === 'initialize')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('opens the action named by the deep link\'s subEntityId and copies a Teams deep link to it', async () => {
    const [, target] = await seedActions(site.site, 'owner9@contoso.example', [{ title: 'Not this one' }, { title: 'Opened by deep link' }]);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const page = await context.newPage();
    await page.goto(site.teamsHostUrl({ email: 'owner9@contoso.example', subEntityId: String(target.id) }));
    const frame = await tabFrame(page);
    const dialog = await waitForPanel(frame, 'Opened by deep link');

    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await dialog.getByText('Link copied.').waitFor();
    const link = new URL(await frame.evaluate(() => navigator.clipboard.readText()));
    // https://teams.microsoft.com/l/entity/<app id>/<entity id>?label=…&context={"subEntityId":"<id>"}
    expect(`${link.origin}${link.pathname}`).toBe('https://teams.microsoft.com/l/entity/5d4f6a0e-2b7c-4a43-9e1d-7c3b8f1a2e60/myactions');
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({ subEntityId: String(target.id) });
    expect(link.searchParams.get('label')).toBe('Opened by deep link');
  });

  it('runs as a plain web page outside Teams without loading teams-js', async () => {
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => { if (request.resourceType() === 'script') scripts.push(request.url()); });
    await page.goto(site.tabUrl({ as: 'owner10@contoso.example' }));
    await waitForMyActions(page);
    expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe('default');
    // teams-js is its own lazy chunk; a page with no host never asks for it.
    const manifest = await (await fetch(`${site.url}/tab/.vite/manifest.json`)).json() as Record<string, { file: string; src?: string }>;
    const teamsChunk = Object.values(manifest).find((chunk) => chunk.src?.includes('@microsoft/teams-js'));
    expect(teamsChunk).toBeDefined();
    expect(scripts.some((url) => url.endsWith(teamsChunk!.file))).toBe(false);
  });
});

type NativeHost = { received: Received; setTheme(theme: string): void };
const nativeReceived = (page: Page) => page.evaluate(() => (window as unknown as { nativeHost: NativeHost }).nativeHost.received);

describe('the tab inside Teams mobile (no frame, native interface)', () => {
  it('initialises teams-js through the native interface, acts as the Teams user and follows theme changes', async () => {
    await seedActions(site.site, 'owner11@contoso.example', [{ title: 'Action seen on a phone' }]);
    await context.addInitScript(nativeHostScript({ email: 'owner11@contoso.example', name: 'Owner K', theme: 'dark', clientType: 'android' }));
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // No frame and no opener: only the injected native interface can answer.
    await page.goto(site.tabUrl());
    await waitForMyActions(page);
    await page.getByText('Local mode — acting as Owner K').waitFor();
    await actionButton(page, 'Action seen on a phone').waitFor();
    expect(await page.evaluate(() => window.parent === window && !window.opener)).toBe(true);
    const funcs = (await nativeReceived(page)).map((m) => m.func);
    expect(funcs.filter((f) => f === 'initialize')).toHaveLength(1);
    expect(funcs).toContain('getContext');

    expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe('dark');
    await page.evaluate(() => (window as unknown as { nativeHost: NativeHost }).nativeHost.setTheme('contrast'));
    await page.locator('[data-theme="contrast"]').waitFor();
    expect(errors).toEqual([]);
  });

  it('runs as a plain web page when a native interface is there but never answers', async () => {
    // Something injected a nativeInterface that is not Teams: after the bounded wait, local mode.
    await context.addInitScript('window.nativeInterface = { framelessPostMessage() {} };');
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(site.tabUrl({ as: 'owner12@contoso.example' }));
    await page.getByText('Local mode — acting as Owner L').waitFor({ timeout: 20_000 });
    await waitForMyActions(page);
    // Bounded: the tab gave up on the host within the timeout (8 s) plus loading.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe('default');
  });
});
