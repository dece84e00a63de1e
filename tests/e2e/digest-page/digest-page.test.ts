import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWebhookSink, type WebhookSink } from '../../../src/emulator/webhook-sink';
import { processSendRequests, type SendRequestDeps } from '../../../src/reminders/send-requests';
import { LIST } from '../../../src/sharepoint/list-names';
import { runAxeOnFluentPage as runAxe } from '../support/axe-fluent';
import { collectPageErrors, describeViolations, launchBrowser, newLocalContext } from '../support/browser';
import { daysFromToday, seedActions, TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { sinkReminderDeps } from '../../support/reminder-deps';
import { tabTo } from '../support/tab-page';

const ADMIN = TEST_USERS[0].email;
const OVERDUE_TITLE = 'Publish the overdue equality impact report';
const EVIL_TITLE = 'Check [x](https://evil.example) and <at>Owner A</at>';

jest.setTimeout(90_000);

describe('Digest preview page (browser, embedded server)', () => {
  let site: TabSite;
  let sink: WebhookSink;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    sink = createWebhookSink();
    site = await startTabSite({ users: TEST_USERS, plugins: [sink] });
    await site.site.sp.web.lists.getByTitle(LIST.steeringGroups).items.add({ Title: 'Equality Board', Schedule: '0 8 * * 2', TimeZone: 'Europe/London', DueSoonDays: 14, UpdateCadenceDays: 30, EscalationDays: 30 });
    const seeded = await seedActions(site.site, TEST_USERS[1].email, [
      { title: OVERDUE_TITLE, steeringGroup: 'Equality Board', dueDate: daysFromToday(-10) },
      { title: EVIL_TITLE, steeringGroup: 'Equality Board', dueDate: daysFromToday(-3) },
      // Overdue past the group's 30-day escalation threshold.
      { title: 'Escalated: renew the hate crime partnership', steeringGroup: 'Equality Board', dueDate: daysFromToday(-40) },
      { title: 'Not due for a long while', steeringGroup: 'Equality Board', dueDate: daysFromToday(200) },
      // A group named only on actions: previewed with the defaults.
      { title: 'Renew the digital strategy', steeringGroup: 'Digital Board', dueDate: daysFromToday(5) },
    ]);
    // Each owner has just updated (no status or RAG change), so no action is stale.
    for (const item of seeded) await site.site.plans.updateStatus(item, { status: item.status, rag: item.rag, percentComplete: 20, comment: 'On it.' }, new Date().toISOString());
    browser = await launchBrowser();
    context = await newLocalContext(browser, site.url);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function openPreview(group: string, params: Record<string, string> = {}): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(site.tabUrl({ page: 'digest-preview', as: ADMIN, ...params }));
    await page.getByRole('heading', { name: 'Digest preview' }).waitFor();
    const select = page.getByRole('combobox', { name: 'Steering group' });
    await select.waitFor();
    await select.selectOption(group);
    // Fail at once, with the page's own message, when the digest cannot be worked out.
    const failure = page.getByText(/^The digest could not be worked out/);
    await page.getByRole('heading', { name: `Next digest for ${group}` }).or(failure).first().waitFor();
    if (await failure.count()) throw new Error(`The page says: ${await failure.locator('..').textContent()}`);
    await page.getByRole('group', { name: `Digest card for ${group}` }).getByText(/overdue/i).first().waitFor();
    return { page, errors };
  }

  function depsFor(): Promise<SendRequestDeps> {
    return sinkReminderDeps(site, { maxAttempts: 6 });
  }

  it('previews the next digest of a group: the card lists its overdue actions, with plan text literal', async () => {
    const { page, errors } = await openPreview('Equality Board');
    const card = page.getByRole('group', { name: 'Digest card for Equality Board' });
    await card.getByText(OVERDUE_TITLE).waitFor();
    await expect(card.textContent()).resolves.not.toContain('Not due for a long while');
    // The title's markdown and mention stay text: no link to the evil site, no mention markup.
    await expect(card.textContent()).resolves.toMatch(/Check \[x\]\(https:\/\/evil\.example\) and <\u2060?at>Owner A<\u2060?\/at>/);
    expect(await card.locator('a[href*="evil.example"]').count()).toBe(0);
    // The counts, as text for everyone.
    const counts = page.getByRole('list', { name: 'Digest counts' });
    await expect(counts.getByRole('listitem').first().textContent()).resolves.toBe('3 overdue actions, 1 of them escalated');
    await expect(page.getByText(/^The card lists 3 actions:$/).count()).resolves.toBe(1);

    // The other group, named only on actions, gets the defaults.
    await page.getByRole('combobox', { name: 'Steering group' }).selectOption('Digital Board');
    await page.getByRole('heading', { name: 'Next digest for Digital Board' }).waitFor();
    await page.getByRole('group', { name: 'Digest card for Digital Board' }).getByText('Renew the digital strategy').waitFor();
    await expect(counts.getByRole('listitem').nth(1).textContent()).resolves.toBe('1 action due within 14 days');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Send now" (by keyboard) asks first, records a request the reminder job sends exactly once, and shows it Sent', async () => {
    const { page, errors } = await openPreview('Equality Board');
    sink.clear();
    await page.getByText('No digest has been sent to Equality Board yet.').waitFor();
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Send now…');
    await page.keyboard.press('Enter');
    // Nothing is sent until the user confirms; Cancel leaves no request behind.
    const ask = page.getByRole('alertdialog', { name: "Send Equality Board's digest now?" });
    await ask.getByText(/posts a card listing 3 actions to Equality Board's chat/).waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await site.site.sp.web.lists.getByTitle(LIST.reminderLog).items()).toHaveLength(0);
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Send now…');
    await page.keyboard.press('Enter');
    await ask.getByRole('button', { name: 'Send', exact: true }).waitFor();
    await page.keyboard.press('Enter');
    const status = page.getByRole('status').filter({ hasText: /Requested: the reminder job will send Equality Board's digest/ });
    await status.waitFor();
    expect(await page.getByRole('button', { name: 'Send now…' }).isDisabled()).toBe(true);

    const [a, b] = await Promise.all([depsFor(), depsFor()]);
    const handled = await Promise.all([processSendRequests(a, new Date()), processSendRequests(b, new Date())]);
    expect(handled.sort()).toEqual([0, 1]);
    expect(await processSendRequests(a, new Date())).toBe(0);

    await page.getByRole('status').filter({ hasText: /^Sent to Equality Board at .+ \(3 actions\)\.$/ }).waitFor({ timeout: 15_000 });
    const received = sink.messages('Equality Board');
    expect(received).toHaveLength(1);
    expect(JSON.stringify(received[0].message)).toContain(OVERDUE_TITLE);
    expect(sink.messages()).toHaveLength(1);
    // The preview is worked out again: changes now count from the digest just sent.
    await page.getByRole('list', { name: 'Digest counts' }).getByText(/^0 changes since \d/).waitFor();
    // Sent today already: the page says when, and a second send needs an explicit "Send again".
    await page.getByText(/^Last digest sent to Equality Board: \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}\.$/).waitFor();
    await page.getByRole('button', { name: 'Send again…', disabled: false }).click();
    const again = page.getByRole('alertdialog', { name: "Send Equality Board's digest again today?" });
    await again.getByText(/already sent today at/).waitFor();
    expect(await again.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'detached' });
    expect(sink.messages()).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['default', 'dark', 'contrast'])('has no axe violations with a card shown (%s theme)', async (theme) => {
    const { page, errors } = await openPreview('Equality Board', { theme });
    const violations = await runAxe(page);
    expect(describeViolations(violations)).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
