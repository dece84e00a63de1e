import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newLocalContext } from '../support/browser';
import { restHistory, restItem, seedActions, TEST_USERS } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { actionButton, waitForPanel, waitForSaved } from '../support/tab-page';

jest.setTimeout(60_000);

let site: TabSite;
let browser: Browser;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  [site, browser] = await Promise.all([startTabSite({ users: TEST_USERS }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

/** Two people (two browser contexts) with the same action open in the update panel. */
async function bothOpen(owner: string, title: string) {
  const [item] = await seedActions(site.site, owner, [{ title, status: 'In progress', rag: 'Green', percentComplete: 30 }]);
  const open = async () => {
    const context = await newLocalContext(browser, site.url);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(site.tabUrl({ as: owner, item: item.id }));
    return { page, dialog: await waitForPanel(page, title) };
  };
  const [first, second] = await Promise.all([open(), open()]);
  return { item, first, second };
}

describe('editing an action someone else has just changed', () => {
  it('shows the other change, writes nothing, and re-applies only my changes on top', async () => {
    const { item, first, second } = await bothOpen('owner1@contoso.example', 'Shared action');

    await first.dialog.getByRole('combobox', { name: 'Status', exact: true }).selectOption('Completed');
    await first.dialog.getByRole('textbox', { name: 'Progress note' }).fill('Signed off by the board.');
    await first.dialog.getByRole('button', { name: 'Save update' }).click();
    await waitForSaved(first.dialog);

    await second.dialog.getByRole('combobox', { name: 'RAG status' }).selectOption('Amber');
    await second.dialog.getByRole('textbox', { name: 'Progress note' }).fill('Supplier is late.');
    await second.dialog.getByRole('button', { name: 'Save update' }).click();

    const alert = second.dialog.getByRole('alert').filter({ hasText: 'Someone else changed this action' });
    await alert.waitFor();
    await alert.getByText(/Status: In progress → Completed/).waitFor();
    // Nothing was overwritten: SharePoint still has the first person's update only.
    expect(await restItem(site.siteUrl, item.id)).toMatchObject({ Status: 'Completed', RAG: 'Blue', LatestUpdate: 'Signed off by the board.' });
    expect(await restHistory(site.siteUrl, item.id)).toHaveLength(1);

    await alert.getByRole('button', { name: 'Re-apply my changes' }).click();
    await waitForSaved(second.dialog);
    expect(await restItem(site.siteUrl, item.id)).toMatchObject({ Status: 'Completed', RAG: 'Amber', PercentComplete: 100, LatestUpdate: 'Supplier is late.' });
    const history = await restHistory(site.siteUrl, item.id);
    expect(history.map((h) => h.Comment)).toEqual(['Supplier is late.', 'Signed off by the board.']);
  });

  it('discarding keeps the other person\'s version and shows it', async () => {
    const { item, first, second } = await bothOpen('owner2@contoso.example', 'Contested action');

    await first.dialog.getByRole('combobox', { name: 'RAG status' }).selectOption('Amber');
    await first.dialog.getByRole('textbox', { name: 'Progress note' }).fill('Budget at risk.');
    await first.dialog.getByRole('button', { name: 'Save update' }).click();
    await waitForSaved(first.dialog);

    await second.dialog.getByRole('spinbutton', { name: 'Percent complete' }).fill('80');
    await second.dialog.getByRole('button', { name: 'Save update' }).click();
    const alert = second.dialog.getByRole('alert').filter({ hasText: 'Someone else changed this action' });
    await alert.getByText(/RAG: Green → Amber/).waitFor();
    await alert.getByRole('button', { name: 'Discard my changes' }).click();
    await alert.waitFor({ state: 'detached' });

    expect(await second.dialog.getByRole('combobox', { name: 'RAG status' }).inputValue()).toBe('Amber');
    expect(await second.dialog.getByRole('spinbutton', { name: 'Percent complete' }).inputValue()).toBe('30');
    expect(await restItem(site.siteUrl, item.id)).toMatchObject({ RAG: 'Amber', PercentComplete: 30 });
    expect(await restHistory(site.siteUrl, item.id)).toHaveLength(1);
    // The list behind the panel shows the current version too.
    await second.page.keyboard.press('Escape');
    const row = second.page.getByRole('row').filter({ has: actionButton(second.page, 'Contested action') });
    await row.getByText('Amber', { exact: true }).waitFor();
  });
});
