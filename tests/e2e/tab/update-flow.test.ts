import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser, newLocalContext } from '../support/browser';
import { daysFromToday, restHistory, restItem, seedActions, TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { actionButton, countApiRequests, panel, tabTo, waitForMyActions, waitForPanel, waitForSaved } from '../support/tab-page';

jest.setTimeout(60_000);

let site: TabSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [site, browser] = await Promise.all([startTabSite({ users: TEST_USERS }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  context = await newLocalContext(browser, site.url, { clipboard: true });
  page = await context.newPage();
  errors = collectPageErrors(page);
});
afterEach(async () => {
  await context.close();
  expect(errors).toEqual([]);
});

describe('My actions and the update panel', () => {
  it('lists only the signed-in owner\'s actions, overdue first, with badges and en-GB dates', async () => {
    const owner = 'owner1@contoso.example';
    await seedActions(site.site, owner, [
      { title: 'Later action', dueDate: '2031-05-31' },
      { title: 'Overdue action', dueDate: daysFromToday(-5), status: 'In progress' },
      { title: 'Soon action', dueDate: daysFromToday(3) },
    ]);
    await seedActions(site.site, 'owner2@contoso.example', [{ title: 'Someone else\'s action' }]);

    await page.goto(site.tabUrl({ as: owner }));
    await waitForMyActions(page);

    await page.getByText('Local mode — acting as Owner A').waitFor();
    const body = page.getByRole('table', { name: 'My actions' }).getByRole('rowgroup').nth(1);
    const titles = await body.getByRole('row').getByRole('button').allTextContents();
    expect(titles).toEqual(['Overdue action', 'Soon action', 'Later action']);
    const overdueRow = page.getByRole('row').filter({ has: actionButton(page, 'Overdue action') });
    await overdueRow.getByText('Overdue', { exact: true }).waitFor();
    const soonRow = page.getByRole('row').filter({ has: actionButton(page, 'Soon action') });
    await soonRow.getByText('Due soon', { exact: true }).waitFor();
    const laterRow = page.getByRole('row').filter({ has: actionButton(page, 'Later action') });
    await laterRow.getByRole('cell', { name: '31/05/2031' }).waitFor();
  });

  it('saves status, RAG and a note in one request; SharePoint holds the item and a history row', async () => {
    const owner = 'owner2@contoso.example';
    const [item] = await seedActions(site.site, owner, [{ title: 'Refresh the data strategy', status: 'In progress', rag: 'Green' }]);

    await page.goto(site.tabUrl({ as: owner }));
    await waitForMyActions(page);
    // Opening the panel fetches the form digest a write needs (local mode), so Save is one request.
    const digestReady = page.waitForResponse((r) => r.url().includes('/_api/web/ensureuser'));
    await actionButton(page, 'Refresh the data strategy').click();
    const dialog = await waitForPanel(page, 'Refresh the data strategy');
    await digestReady;

    await dialog.getByRole('combobox', { name: 'Status', exact: true }).selectOption('On hold');
    await dialog.getByRole('combobox', { name: 'RAG status' }).selectOption('Amber');
    await dialog.getByRole('textbox', { name: 'Progress note' }).fill('Waiting for the budget decision in March.');
    const requests = countApiRequests(page);
    await dialog.getByRole('button', { name: 'Save update' }).click();
    await waitForSaved(dialog);
    // The history list reloads after the save; everything else is the save: the pending audit
    // row, the confirmed MERGE and the confirmation — three $batch requests at most (see updateStatus).
    const saveRequests = requests.urls().filter((url) => !(url.startsWith('GET') && decodeURIComponent(url).includes('Progress Updates')));
    expect(saveRequests.length).toBeGreaterThanOrEqual(1);
    expect(saveRequests.length).toBeLessThanOrEqual(3);
    for (const url of saveRequests) expect(decodeURIComponent(url)).toMatch(/^POST .*\/_api\/(\$batch|.*Progress Updates.*items\(\d+\))$/i);

    const stored = await restItem(site.siteUrl, item.id);
    expect(stored).toMatchObject({ Status: 'On hold', RAG: 'Amber', LatestUpdate: 'Waiting for the budget decision in March.' });
    const history = await restHistory(site.siteUrl, item.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ Status: 'On hold', RAG: 'Amber', Comment: 'Waiting for the budget decision in March.' });

    // The panel shows the new update at the top of the history, and the row follows.
    const updates = dialog.getByRole('list', { name: 'Updates, newest first' }).getByRole('listitem');
    await updates.first().getByText('Waiting for the budget decision in March.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await panel(page).waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ has: actionButton(page, 'Refresh the data strategy') });
    await row.getByRole('cell', { name: /^On hold/ }).waitFor();
  });

  it('refuses a Red RAG without a note and a percent over 100, saving nothing', async () => {
    const owner = 'owner3@contoso.example';
    const [item] = await seedActions(site.site, owner, [{ title: 'Recruit two apprentices' }]);
    await page.goto(site.tabUrl({ as: owner, item: item.id }));
    const dialog = await waitForPanel(page, 'Recruit two apprentices');

    await dialog.getByRole('combobox', { name: 'RAG status' }).selectOption('Red');
    await dialog.getByRole('spinbutton', { name: 'Percent complete' }).fill('150');
    await dialog.getByRole('button', { name: 'Save update' }).click();

    await dialog.getByText('Enter a whole number from 0 to 100.').waitFor();
    expect(await dialog.getByRole('spinbutton', { name: 'Percent complete' }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('spinbutton', { name: 'Percent complete' }).fill('40');
    await dialog.getByRole('button', { name: 'Save update' }).click();
    await dialog.getByRole('textbox', { name: 'Progress note' }).and(page.locator('[aria-invalid="true"]')).waitFor();

    expect(await restHistory(site.siteUrl, item.id)).toHaveLength(0);
    expect((await restItem(site.siteUrl, item.id)).RAG).toBe('Green');
  });

  it('revises the due date with a reason', async () => {
    const owner = 'owner4@contoso.example';
    const [item] = await seedActions(site.site, owner, [{ title: 'Adopt the new records policy', dueDate: '2030-01-31' }]);
    await page.goto(site.tabUrl({ as: owner, item: item.id }));
    const dialog = await waitForPanel(page, 'Adopt the new records policy');

    await dialog.getByRole('checkbox', { name: 'Revise the due date' }).check();
    await dialog.getByRole('button', { name: 'Save update' }).click();
    await dialog.getByText('Say why the due date changes; the steering group sees this.').waitFor();
    // UK users type day first; the picker reads dd/MM/yyyy.
    await dialog.getByRole('combobox', { name: 'Revised due date' }).fill('30/06/2030');
    await dialog.getByRole('textbox', { name: 'Reason for the new date' }).fill('Consultation extended by the board.');
    await dialog.getByRole('button', { name: 'Save update' }).click();
    await waitForSaved(dialog);

    expect(String((await restItem(site.siteUrl, item.id)).DueDate)).toMatch(/^2030-06-30/);
    const [latest] = await restHistory(site.siteUrl, item.id);
    expect(String(latest.Comment)).toContain('Consultation extended by the board.');
    expect(String(latest.Comment)).toContain('Due date revised to 30/06/2030');
    await dialog.getByText(/Due date revised to 30\/06\/2030/).waitFor();
  });

  it('works by keyboard alone: open an action, change status, write a note, save', async () => {
    const owner = 'owner5@contoso.example';
    const [item] = await seedActions(site.site, owner, [{ title: 'Keyboard action', status: 'Not started', rag: 'Green', percentComplete: 0 }]);
    await page.goto(site.tabUrl({ as: owner }));
    await waitForMyActions(page);

    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Keyboard action');
    await page.keyboard.press('Enter');
    await waitForPanel(page, 'Keyboard action');
    await tabTo(page, (f) => f.tag === 'select' && f.label === 'Status');
    await page.keyboard.press('ArrowDown'); // Not started → In progress
    await tabTo(page, (f) => f.tag === 'input' && f.label === 'Percent complete');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('35');
    await tabTo(page, (f) => f.tag === 'textarea' && f.label === 'Progress note');
    await page.keyboard.type('Started the work by keyboard.');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Save update');
    await page.keyboard.press('Enter');
    await waitForSaved(panel(page));
    // Focus stays in the panel through the save (a disabled button would have dropped it).
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);

    expect(await restItem(site.siteUrl, item.id)).toMatchObject({ Status: 'In progress', PercentComplete: 35, LatestUpdate: 'Started the work by keyboard.' });
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached' });
  });

  it('opens an action from a deep link (?item=) and copies a link that opens it again', async () => {
    const owner = 'owner6@contoso.example';
    const [, target] = await seedActions(site.site, owner, [{ title: 'First action' }, { title: 'Deep-linked action' }]);
    await page.goto(site.tabUrl({ as: owner, item: target.id }));
    const dialog = await waitForPanel(page, 'Deep-linked action');

    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await dialog.getByText('Link copied.').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).searchParams.get('item')).toBe(String(target.id));

    const second = await context.newPage();
    await second.goto(link);
    await waitForPanel(second, 'Deep-linked action');
  });

  it('local mode lets you act as another site user from the banner', async () => {
    await seedActions(site.site, 'owner11@contoso.example', [{ title: 'Owner K\'s action' }]);
    await seedActions(site.site, 'owner12@contoso.example', [{ title: 'Owner L\'s action' }]);
    await page.goto(site.tabUrl({ as: 'owner11@contoso.example' }));
    await actionButton(page, 'Owner K\'s action').waitFor();

    await page.getByRole('button', { name: 'Act as another user' }).click();
    await page.getByRole('menuitemradio', { name: 'Owner L (owner12@contoso.example)' }).click();
    await page.getByText('Local mode — acting as Owner L').waitFor();
    await actionButton(page, 'Owner L\'s action').waitFor();
    expect(await actionButton(page, 'Owner K\'s action').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('as')).toBe('owner12@contoso.example');
  });

  it('renders a title full of HTML as text and runs nothing', async () => {
    const owner = 'owner7@contoso.example';
    const hostile = '<img src=x onerror=alert(1)>';
    await seedActions(site.site, owner, [{ title: hostile, section: '<b>bold</b>', actionDetails: '<script>alert(2)</script>' }]);
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });

    await page.goto(site.tabUrl({ as: owner }));
    await waitForMyActions(page);
    await actionButton(page, hostile).click();
    const dialog = await waitForPanel(page, hostile);
    await dialog.getByText('<script>alert(2)</script>').waitFor();

    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b, script:not([src])').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
