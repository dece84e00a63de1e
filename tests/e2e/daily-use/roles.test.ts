import type { Browser, BrowserContext, Page } from 'playwright-core';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { PLAN_MANAGERS_GROUP } from '../../../src/domain/roles';
import { connect } from '../../../src/sharepoint/connect';
import { LIST } from '../../../src/sharepoint/list-names';
import { toClaims } from '../../../src/sharepoint/open-site';
import { collectPageErrors, launchBrowser, newLocalContext } from '../support/browser';
import { restItem, seedActions } from '../support/seed';
import { startTabSite, type TabSite } from '../support/tab-site';
import { panel, waitForMyActions } from '../support/tab-page';
import type { PlanItem } from '../../../src/domain/plan-item';

jest.setTimeout(120_000);

const USERS = [
  { name: 'Site Owner', email: 'siteowner@contoso.example' },
  { name: 'Mina Manager', email: 'manager@contoso.example', group: 'members' },
  { name: 'Olu Owner', email: 'owner@contoso.example', group: 'members' },
  { name: 'Rae Reader', email: 'reader@contoso.example', group: 'visitors' },
];
const [SITE_OWNER, MANAGER, OWNER, READER] = USERS.map((u) => u.email);

let site: TabSite;
let browser: Browser;
let context: BrowserContext;
let owned: PlanItem;
let others: PlanItem;
let toEdit: PlanItem;

beforeAll(async () => {
  [site, browser] = await Promise.all([startTabSite({ users: USERS }), launchBrowser()]);
  // Provisioning made the Plan Managers group; the site owner adds a manager to it.
  await site.site.sp.web.siteGroups.getByName(PLAN_MANAGERS_GROUP).users.add(toClaims(MANAGER));
  [owned] = await seedActions(site.site, OWNER, [{ title: 'Olu’s own action', plan: 'Roles Plan' }]);
  [others] = await seedActions(site.site, SITE_OWNER, [{ title: 'Someone else’s action', plan: 'Roles Plan' }]);
  [toEdit] = await seedActions(site.site, OWNER, [{ title: 'Action to hand over', plan: 'Roles Plan', dueDate: '2030-03-31' }]);
  context = await newLocalContext(browser, site.url);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(params: Record<string, string | number>): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(site.tabUrl(params));
  return { page, errors };
}

/** The page tabs once the user's permissions are known (managers' pages appear or not), with the panel closed. */
async function pageTabs(page: Page): Promise<string[]> {
  if (await panel(page).count()) {
    await panel(page).getByRole('button', { name: 'Done' }).click();
    await panel(page).waitFor({ state: 'detached' });
  }
  await page.getByRole('tab', { name: 'My actions' }).waitFor();
  // Permissions arrive after the first view; give them their round trip.
  await page.waitForLoadState('networkidle');
  const offered: string[] = [];
  // By accessible name (Fluent tabs hold a hidden bold copy of their label, so their text doubles).
  for (const label of ['My actions', 'Plan', 'Summary', 'Import', 'Digest preview', 'Tab settings']) {
    if (await page.getByRole('tab', { name: label, exact: true }).count()) offered.push(label);
  }
  return offered;
}

describe('roles from SharePoint (browser, embedded server)', () => {
  it('a reader sees no edit controls, no managers’ pages, and a forged update is refused by the server', async () => {
    const { page, errors } = await open({ as: READER, page: 'plan', item: owned.id });
    const dialog = panel(page);
    await dialog.getByRole('heading', { name: 'Olu’s own action' }).waitFor();
    await dialog.getByText('You can read this action. Only its owner and plan managers can update it.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Save update' }).count()).toBe(0);
    expect(await dialog.getByRole('combobox', { name: 'Status' }).count()).toBe(0);
    expect(await pageTabs(page)).toEqual(['My actions', 'Plan', 'Summary', 'Tab settings']);

    // Straight to the Import page by URL: the page says who may use it.
    await page.goto(site.tabUrl({ as: READER, page: 'import' }));
    await page.getByText(/^Only plan managers can use Import\./).waitFor();

    // A request made without the tab, as the reader: SharePoint's own permissions refuse it.
    const asReader = connect(site.siteUrl, { kind: 'embedded', actAs: READER });
    await expect(asReader.web.lists.getByTitle(LIST.planItems).items.getById(owned.id).update({ Title: 'Forged' })).rejects.toMatchObject({ status: 403 });
    expect((await restItem(site.siteUrl, owned.id)).Title).toBe('Olu’s own action');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an action owner updates their own action but only reads another’s; no managers’ pages', async () => {
    const { page, errors } = await open({ as: OWNER, item: owned.id });
    await waitForMyActions(page);
    await panel(page).getByRole('button', { name: 'Save update' }).waitFor();
    expect(await pageTabs(page)).toEqual(['My actions', 'Plan', 'Summary', 'Tab settings']);
    await page.goto(site.tabUrl({ as: OWNER, page: 'plan', item: others.id }));
    await panel(page).getByText('You can read this action. Only its owner and plan managers can update it.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a manager edits owner and due date: the new owner’s My actions shows it, and history says what changed', async () => {
    const { page, errors } = await open({ as: MANAGER, page: 'plan', item: toEdit.id });
    const dialog = panel(page);
    await dialog.getByRole('button', { name: 'Edit action' }).click();
    const owner = dialog.getByRole('combobox', { name: 'Owner (site user)' });
    await owner.click();
    // Typed as a person types (key by key), so the list opens and narrows to the matches.
    await owner.pressSequentially('Site');
    await page.getByRole('option', { name: /^Site Owner/ }).click();
    await dialog.getByRole('combobox', { name: 'Due date' }).fill('30/06/2031');
    // The typed date is read when the box loses focus, as a person moves on.
    await page.keyboard.press('Tab');
    await dialog.getByRole('textbox', { name: 'Reason for the new date' }).fill('Handed to the site owner with the new budget.');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.getByText('Changes saved.').waitFor();
    await dialog.getByText('Edited: Owner: Olu Owner → Site Owner; Due date: 31/03/2030 → 30/06/2031 (reason: Handed to the site owner with the new budget.)').waitFor();
    const saved = await restItem(site.siteUrl, toEdit.id);
    expect(String(saved.DueDate)).toMatch(/^2031-06-30/);

    await page.goto(site.tabUrl({ as: SITE_OWNER }));
    await waitForMyActions(page);
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Action to hand over' }) });
    await row.getByRole('cell', { name: '30/06/2031' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([['a Plan Managers member', MANAGER], ['a site owner', SITE_OWNER]])('%s sees Import and Digest preview and may update any action', async (_, who) => {
    const { page, errors } = await open({ as: who, page: 'plan', item: owned.id });
    await panel(page).getByRole('button', { name: 'Save update' }).waitFor();
    expect(await pageTabs(page)).toEqual(['My actions', 'Plan', 'Summary', 'Import', 'Digest preview', 'Tab settings']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
