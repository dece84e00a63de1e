import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { startEmulatorServer, type EmulatorServer } from '../../../src/emulator/node-server';
import { CHROMIUM } from '../support/browser';

/**
 * A hostile page on another origin (a second server on another port) tries what a page
 * could do to the local server (issue 10 part 4): read, write with and without
 * credentials, a plain form POST, switch fault injection on; and a DNS-rebound name.
 */
describe('the local server and pages from other origins', () => {
  let server: EmulatorServer;
  let attacker: http.Server;
  let attackerUrl: string;
  let browser: Browser;

  const attackerPage = (siteUrl: string, base: string) => `<!doctype html><html lang="en"><head><title>Hostile page</title></head><body>
<form id="plant" method="POST" action="${siteUrl}/_api/web/lists" enctype="text/plain" target="sink"><input type="hidden" name='{"Title":"Planted by form","x":"' value='"}'></form>
<iframe name="sink" title="sink"></iframe>
<script>
window.attempts = (async () => {
  const outcome = async (label, run) => { try { const r = await run(); let text = ''; try { text = await r.text(); } catch {} return label + ': ' + r.type + ' ' + r.status + ' ' + text.slice(0, 200); } catch (e) { return label + ': blocked ' + e.name; } };
  const json = { 'Content-Type': 'application/json', Accept: 'application/json' };
  return [
    await outcome('read', () => fetch('${siteUrl}/_api/web/lists')),
    await outcome('read with credentials', () => fetch('${siteUrl}/_api/web/lists', { credentials: 'include' })),
    await outcome('write', () => fetch('${siteUrl}/_api/web/lists', { method: 'POST', headers: json, body: JSON.stringify({ Title: 'Planted by fetch' }) })),
    await outcome('write with credentials', () => fetch('${siteUrl}/_api/web/lists', { method: 'POST', credentials: 'include', headers: json, body: JSON.stringify({ Title: 'Planted with credentials' }) })),
    await outcome('no-cors write', () => fetch('${siteUrl}/_api/web/lists', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ Title: 'Planted no-cors' }) })),
    await outcome('faults', () => fetch('${base}/_emulator/faults', { method: 'POST', mode: 'no-cors', body: JSON.stringify({ 429: 1 }) })),
  ];
})();
</script></body></html>`;

  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, memory: true });
    attacker = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(attackerPage(server.siteUrl, server.url));
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', () => resolve()));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    // rebind.test resolves to this machine, as a DNS-rebinding attacker's name would.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP rebind.test 127.0.0.1'] });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
    await server.close();
  });

  const listTitles = async () =>
    ((await (await fetch(`${server.siteUrl}/_api/web/lists`, { headers: { Accept: 'application/json;odata=nometadata' } })).json()) as { value: { Title: string }[] }).value.map((l) => l.Title);

  it('can neither read nor change the local site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(attackerUrl);
    const attempts = await page.evaluate(() => (window as unknown as { attempts: Promise<string[]> }).attempts);
    expect(attempts.filter((line) => line.startsWith('read'))).toEqual(['read: blocked TypeError', 'read with credentials: blocked TypeError']);
    expect(attempts.filter((line) => line.startsWith('write'))).toEqual(['write: blocked TypeError', 'write with credentials: blocked TypeError']);
    // An opaque no-cors answer shows the page nothing; what matters is that nothing changed.
    expect(attempts.find((line) => line.startsWith('no-cors write'))).toMatch(/^no-cors write: opaque 0/);
    const formAnswer = page.waitForResponse((response) => response.url().startsWith(server.siteUrl));
    await page.locator('#plant').evaluate((form) => (form as HTMLFormElement).submit());
    expect((await formAnswer).status()).toBe(403);
    const titles = await listTitles();
    expect(titles.filter((title) => title.startsWith('Planted'))).toEqual([]);
    const state = await fetch(`${server.url}/_emulator/state`, { headers: { 'X-PlanTracker-Emulator-Token': server.controlToken } });
    expect(((await state.json()) as { faults: Record<string, number> }).faults).toEqual({});
    await context.close();
  }, 60_000);

  it('refuses a page reached through another host name (DNS rebinding)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const port = new URL(server.url).port;
    const answer = await page.goto(`http://rebind.test:${port}/sites/plans/_api/web/lists`);
    expect(answer?.status()).toBe(400);
    expect(await page.locator('body').innerText()).toContain('Invalid Hostname');
    const own = await page.goto(`${server.siteUrl}/_api/web`);
    expect(own?.status()).toBe(200);
    await context.close();
  }, 60_000);
});
