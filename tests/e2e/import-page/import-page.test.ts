import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runAxeOnFluentPage as runAxe } from '../support/axe-fluent';
import { describeViolations } from '../support/browser';
import { tabTo } from '../support/tab-page';
import { importPageSession } from './import-page-session';
import { generatedWorkbook, WORKBOOK_OWNERS } from './generated-workbook';

const SAMPLE = path.join(__dirname, '../../../sample/bame-inequalities-commission.txt');
const SAMPLE_PLAN = 'Bame Inequalities Commission';

jest.setTimeout(90_000);

type Row = { ActionRef: string; OwnerText: string; SteeringGroup: string; Status: string };

/** A plan's items straight from the REST API (Plan is indexed). */
async function restPlanItems(siteUrl: string, plan: string): Promise<Row[]> {
  const filter = encodeURIComponent(`Plan eq '${plan.replace(/'/g, "''")}'`);
  const response = await fetch(`${siteUrl}/_api/web/lists/getByTitle('Plan%20Items')/items?$filter=${filter}&$select=ActionRef,OwnerText,SteeringGroup,Status&$top=5000`, {
    headers: { Accept: 'application/json;odata=nometadata' },
  });
  if (!response.ok) throw new Error(`GET items of ${plan}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { value: Row[] }).value;
}

describe('Import page (browser, embedded server)', () => {
  const session = importPageSession();
  const { openImport, choose } = session;
  const status = (page: Page, text: RegExp) => page.getByRole('status').filter({ hasText: text });

  it('previews the sample plan (79 actions, 1 warning) before writing anything, imports it, and a re-import adds nothing', async () => {
    const { page, errors } = await openImport();
    await choose(page, 'bame-inequalities-commission.txt', await readFile(SAMPLE));
    await status(page, /^Found 79 actions in 27 sections, 1 warning\. Nothing has been written yet\.$/).waitFor();
    expect(await page.getByRole('table', { name: 'Actions found' }).getByRole('row').count()).toBe(80);
    const warnings = page.getByRole('table', { name: 'Warnings' });
    expect(await warnings.getByRole('row').count()).toBe(2);
    await expect(warnings.getByRole('row').nth(1).textContent()).resolves.toContain('bame-inequalities-commission.txt line 172');
    const firstAction = page.getByRole('table', { name: 'Actions found' }).getByRole('row').nth(1);
    await expect(firstAction.textContent()).resolves.toMatch(/R1\.A\. Race Equality Pledge.*R1\.A-1.*Develop the Tower Hamlets Anti Racist Pledge.*Sharon Godman.*Jul-21.*31\/07\/2021.*No/);
    expect(await page.getByRole('textbox', { name: 'Plan name' }).inputValue()).toBe(SAMPLE_PLAN);
    // Nothing is written by the preview.
    expect(await restPlanItems(session.site().siteUrl, SAMPLE_PLAN)).toEqual([]);

    await page.getByRole('textbox', { name: 'Steering group' }).fill('Equality Board');
    await page.getByRole('button', { name: 'Import 79 actions' }).click();
    await status(page, /Import finished/).waitFor();
    await expect(status(page, /Import finished/).textContent()).resolves.toContain(`Imported into "${SAMPLE_PLAN}": 79 added, 0 updated, 0 unchanged, 1 warning.`);
    const items = await restPlanItems(session.site().siteUrl, SAMPLE_PLAN);
    expect(items).toHaveLength(79);
    expect(new Set(items.map((i) => i.ActionRef)).size).toBe(79);
    expect(items.every((i) => i.SteeringGroup === 'Equality Board' && i.Status === 'Not started')).toBe(true);

    // The same file again: found by ActionRef, nothing added or changed.
    await choose(page, 'bame-inequalities-commission.txt', await readFile(SAMPLE));
    await page.getByRole('button', { name: 'Import 79 actions' }).click();
    await status(page, /Import finished/).waitFor();
    await expect(status(page, /Import finished/).textContent()).resolves.toContain('0 added, 0 updated, 79 unchanged');
    expect(await restPlanItems(session.site().siteUrl, SAMPLE_PLAN)).toHaveLength(79);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the user map an unrecognised column of a generated .xlsx to Owner, then imports 150 actions in batches by keyboard', async () => {
    const { page, errors } = await openImport();
    await choose(page, 'housing-and-health.xlsx', await generatedWorkbook(150));
    await status(page, /^Found 150 actions in 3 sections, 150 warnings\./).waitFor();
    await expect(page.getByRole('table', { name: 'Warnings' }).getByRole('row').nth(1).textContent()).resolves.toContain('No owner given for this action.');
    const person = page.getByRole('combobox', { name: 'Column 3: Person' });
    expect(await person.inputValue()).toBe('ignore');
    expect(await page.getByRole('combobox', { name: 'Column 4: By when' }).inputValue()).toBe('due');

    await person.selectOption({ label: 'Owner' });
    await status(page, /^Found 150 actions in 3 sections, 0 warnings\./).waitFor();
    expect(await page.getByRole('combobox', { name: 'Column 3: Person' }).inputValue()).toBe('owner');
    await expect(page.getByRole('table', { name: 'Actions found' }).getByRole('row').nth(1).textContent()).resolves.toContain(WORKBOOK_OWNERS[1]);

    await page.getByRole('textbox', { name: 'Plan name' }).fill('Housing and health');
    // Hold the second $batch until the progress bar has shown the first one done.
    let batches = 0;
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/_api/$batch', async (route) => {
      // Only the batches that write actions (owner aliases are remembered in a batch of their own).
      if (!/Plan(%20| )Items/.test(route.request().postData() ?? '')) return route.continue();
      if (++batches === 2) await held;
      await route.continue();
    });
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Import 150 actions');
    await page.keyboard.press('Enter');
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor();
    await status(page, /^Written 100 of 150 changes…$/).waitFor();
    expect(Number(await progress.getAttribute('aria-valuenow'))).toBeCloseTo(100 / 150, 2);
    release();
    await status(page, /Import finished/).waitFor();
    await expect(status(page, /Import finished/).textContent()).resolves.toContain('Imported into "Housing and health": 150 added, 0 updated, 0 unchanged, 0 warnings.');
    // 150 adds are written as two $batch requests of at most 100.
    expect(batches).toBe(2);
    const items = await restPlanItems(session.site().siteUrl, 'Housing and health');
    expect(items).toHaveLength(150);
    expect(new Set(items.map((i) => i.OwnerText))).toEqual(new Set(WORKBOOK_OWNERS));
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['a binary file renamed .xlsx', 'photo.xlsx', Buffer.from(Uint8Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)), /photo\.xlsx is not a real \.xlsx file.*save it as \.xlsx again/],
    ['a table with no action in it', 'notes.txt', Buffer.from('Some notes\tabout\tthe plan\nMore\tnotes\there\n'), /no actions found, so nothing was imported\. Seen: notes\.txt/],
    ['an empty file', 'empty.csv', Buffer.alloc(0), /empty\.csv is empty/],
  ])('says clearly what is wrong with %s and writes nothing', async (_what, name, buffer, message) => {
    const { page, errors } = await openImport();
    await choose(page, name, buffer);
    const alert = page.getByText(`${name} could not be imported`);
    await alert.waitFor();
    await expect(page.locator('body').textContent()).resolves.toMatch(message);
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['default', 'dark', 'contrast'])('has no axe violations with a previewed plan (%s theme)', async (theme) => {
    const { page, errors } = await openImport({ theme });
    await choose(page, 'housing-and-health.xlsx', await generatedWorkbook(12));
    await status(page, /^Found 12 actions/).waitFor();
    const violations = await runAxe(page);
    expect(describeViolations(violations)).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
