import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { createChatPreview } from '../../../src/emulator/chat-preview';
import { createWebhookSink, type WebhookSink } from '../../../src/emulator/webhook-sink';
import { selectDigest } from '../../../src/domain/digest';
import { DEFAULT_STEERING_GROUP } from '../../../src/domain/plan-item';
import { localDigestLinks } from '../../../src/reminders/digest-links';
import { buildDigestMessage } from '../../../src/reminders/digest-message';
import { WorkflowWebhookNotifier } from '../../../src/reminders/webhook-notifier';
import { webhooksToSink } from '../../../src/reminders/webhook-config';
import { aPerson, aPlanItem } from '../../support/builders';
import { startTestSite, type TestSite } from '../../support/test-site';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EVIL = 'Check [x](https://evil.example) with <at>Jane Smith</at>';

jest.setTimeout(60_000);

describe('chat preview in Chromium', () => {
  let site: TestSite;
  let sink: WebhookSink;
  let browser: Browser;

  beforeAll(async () => {
    sink = createWebhookSink();
    site = await startTestSite({ plugins: [sink, createChatPreview()] });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const group = { id: 1, name: 'Equality Board', ...DEFAULT_STEERING_GROUP };
    const jane = aPerson({ title: 'Jane Smith', email: 'jane.smith@council.example' });
    const items = [
      aPlanItem({ id: 41, title: EVIL, steeringGroup: group.name, dueDate: '2026-09-01', owner: jane, rag: 'Red' }),
      aPlanItem({ id: 42, title: 'Publish the pay gap report', steeringGroup: group.name, dueDate: '2026-11-30', lastUpdated: '2026-11-20T09:00:00Z' }),
    ];
    const links = localDigestLinks({ origin: site.url, overdueViewUrl: `${site.siteUrl}/Lists/PlanItems/Overdue.aspx` });
    const notifier = new WorkflowWebhookNotifier({ requestsPerSecond: 100 });
    const send = webhooksToSink(site.url)(group.name)!;
    await notifier.send(send, buildDigestMessage(selectDigest(items, [], group, '2026-11-17'), { links }).payload);
    await notifier.send(send, buildDigestMessage(selectDigest(items, [], group, '2026-11-24'), { links }).payload);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('renders the received cards newest last, with plan text literal, and passes axe', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    await page.goto(`${site.url}/chat?group=${encodeURIComponent('Equality Board')}`);
    await page.waitForSelector('body[data-ready="true"]');

    const messages = page.locator('#messages > li');
    await expect(messages.count()).resolves.toBe(2);
    await expect(messages.nth(0).getByText('17 Nov 2026', { exact: true }).count()).resolves.toBe(1);
    await expect(messages.nth(1).getByText('24 Nov 2026', { exact: true }).count()).resolves.toBe(1);
    const last = messages.nth(1);
    await expect(last.getByText('Plan digest: Equality Board').count()).resolves.toBe(1);
    // The hostile title is text on the page: no link to evil.example, no mention made of it.
    const titles = await last.locator('.ac-textRun').allInnerTexts();
    expect(titles.map((t) => t.replace(/\u2060/g, ''))).toContain(EVIL);
    await expect(page.locator('a[href*="evil.example"]').count()).resolves.toBe(0);
    // The owner's mention renders as a mention.
    await expect(last.locator('.mention', { hasText: '@Jane Smith' }).count()).resolves.toBeGreaterThan(0);

    const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('can be used with the keyboard: chats are links, card buttons take focus', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/chat`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe('Equality Board');
    await page.keyboard.press('Enter');
    await page.waitForURL(/group=Equality%20Board/);
    await page.waitForSelector('body[data-ready="true"]');
    // Tab through to the first action of the newest card: it is reachable and announces itself.
    const reached: string[] = [];
    for (let i = 0; i < 40 && !reached.some((r) => r.includes('Open Plan Tracker')); i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => `${document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName}:${document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent}`));
    }
    expect(reached.some((r) => r.includes('Open Plan Tracker'))).toBe(true);
    await page.close();
  });
});
