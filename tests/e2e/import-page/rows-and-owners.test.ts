import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runAxeOnFluentPage as runAxe } from '../support/axe-fluent';
import { describeViolations } from '../support/browser';
import { TEST_USERS } from '../support/seed';
import { tabTo } from '../support/tab-page';
import { importPageSession } from './import-page-session';
import { generatedWorkbook } from './generated-workbook';

const SAMPLE = path.join(__dirname, '../../../sample/bame-inequalities-commission.txt');

jest.setTimeout(120_000);

/** Rows of a list straight from the REST API. */
async function rest<T>(siteUrl: string, list: string, query: string): Promise<T[]> {
  const response = await fetch(`${siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(list)}')/items?${query}`, { headers: { Accept: 'application/json;odata=nometadata' } });
  if (!response.ok) throw new Error(`GET ${list}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { value: T[] }).value;
}

describe('Import page: row kinds, column roles and owners (browser, embedded server)', () => {
  const session = importPageSession();
  const { openImport, choose } = session;
  const found = (page: Page) => page.getByRole('status').filter({ hasText: /^Found \d+ action/ });
  const actionsFound = async (page: Page) => Number((await found(page).textContent())?.match(/^Found (\d+) action/)?.[1]);

  it("shows each row's kind and reason, and changing a row's kind changes the preview", async () => {
    const { page, errors } = await openImport();
    await choose(page, 'bame-inequalities-commission.txt', await readFile(SAMPLE));
    await found(page).waitFor();
    const before = await actionsFound(page);
    const rows = page.getByRole('table', { name: 'Rows of the file' });
    await rows.waitFor();
    // Kinds and reasons are shown: some rows are actions, some section headings, each with a reason.
    const kinds = await rows.getByRole('combobox').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(kinds).toContain('action');
    expect(kinds).toContain('heading');
    const firstAction = rows.getByRole('row').nth(kinds.indexOf('action') + 1);
    expect((await firstAction.getByRole('cell').nth(3).textContent())?.trim().length).toBeGreaterThan(3);

    await firstAction.getByRole('combobox').selectOption({ label: 'Commentary' });
    await page.getByRole('status').filter({ hasText: `Found ${before - 1} action` }).waitFor();
    expect(await rows.getByRole('row').nth(kinds.indexOf('action') + 1).getByRole('combobox').inputValue()).toBe('commentary');
    await expect(rows.getByRole('row').nth(kinds.indexOf('action') + 1).getByRole('cell').nth(3).textContent()).resolves.toMatch(/^Your choice/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changing a column role changes the preview', async () => {
    const { page, errors } = await openImport();
    await choose(page, 'housing.xlsx', await generatedWorkbook(12));
    await found(page).waitFor();
    const actions = page.getByRole('table', { name: 'Actions found' });
    await expect(actions.getByRole('row').nth(1).getByRole('cell').nth(3).textContent()).resolves.toBe('—');
    await page.getByRole('combobox', { name: 'Column 3: Person' }).selectOption({ label: 'Owner' });
    await page.getByRole('table', { name: 'Owners' }).waitFor();
    await expect(actions.getByRole('row').nth(1).getByRole('cell').nth(3).textContent()).resolves.not.toBe('—');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('matches owners to people: a person picked by keyboard is written as the Owner and remembered as an alias', async () => {
    const { page, errors } = await openImport();
    await choose(page, 'housing.xlsx', await generatedWorkbook(12));
    await found(page).waitFor();
    await page.getByRole('combobox', { name: 'Column 3: Person' }).selectOption({ label: 'Owner' });
    const owners = page.getByRole('table', { name: 'Owners' });
    await owners.getByRole('combobox', { name: 'Person for Head of Housing' }).waitFor();
    await expect(owners.getByRole('combobox', { name: 'Person for Head of Housing' }).inputValue()).resolves.toBe('Keep as text');

    await tabTo(page, (f) => f.label === 'Person for Head of Housing', 200);
    await page.keyboard.type('Owner C');
    await page.getByRole('listbox').getByRole('option', { name: /Owner C/ }).waitFor();
    // Typing narrows the list to the people whose name holds the text; Enter picks the one it found.
    expect(await page.getByRole('listbox').getByRole('option').count()).toBe(2);
    await page.keyboard.press('Enter');
    await expect(owners.getByRole('combobox', { name: 'Person for Head of Housing' }).inputValue()).resolves.toBe('Owner C');

    await page.getByRole('textbox', { name: 'Plan name' }).fill('Owners picked');
    await page.getByRole('button', { name: /^Import \d+ actions$/ }).click();
    await page.getByRole('status').filter({ hasText: /Import finished/ }).waitFor();

    const ownerC = TEST_USERS.find((u) => u.name === 'Owner C')!;
    const items = await rest<{ OwnerText: string; Owner: { EMail: string } | null }>(session.site().siteUrl, 'Plan Items', `$filter=${encodeURIComponent("Plan eq 'Owners picked'")}&$select=OwnerText,Owner/EMail&$expand=Owner&$top=100`);
    const housing = items.filter((i) => i.OwnerText === 'Head of Housing');
    expect(housing.length).toBeGreaterThan(0);
    expect(housing.every((i) => i.Owner?.EMail === ownerC.email)).toBe(true);
    const aliases = await rest<{ Title: string }>(session.site().siteUrl, 'Owner Aliases', '$select=Title&$top=100');
    expect(aliases.map((a) => a.Title)).toContain('Head of Housing');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no axe violations with rows and owners shown', async () => {
    const { page, errors } = await openImport();
    await choose(page, 'housing.xlsx', await generatedWorkbook(12));
    await found(page).waitFor();
    await page.getByRole('combobox', { name: 'Column 3: Person' }).selectOption({ label: 'Owner' });
    await page.getByRole('table', { name: 'Owners' }).waitFor();
    await page.getByRole('table', { name: 'Rows of the file' }).waitFor();
    expect(describeViolations(await runAxe(page))).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
