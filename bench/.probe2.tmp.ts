import { launchBrowser, newLocalContext } from '../tests/e2e/support/browser';
import { newAction } from '../tests/e2e/support/seed';
import { startTabSite } from '../tests/e2e/support/tab-site';
(async () => {
  const users = [{ name: 'Plan Admin', email: 'admin@contoso.example' }, { name: 'Busy Owner', email: 'busy@contoso.example' }, { name: 'Other', email: 'other@contoso.example' }];
  const site = await startTabSite({ users });
  const busy = await site.site.ensureUser('busy@contoso.example');
  const other = await site.site.ensureUser('other@contoso.example');
  await site.site.plans.saveMany(Array.from({ length: 5000 }, (_, i) => newAction({ title: `A${i}`, ownerId: i % 100 === 0 ? busy.id : other.id, dueDate: `2025-0${(i % 9) + 1}-10` })), []);
  const browser = await launchBrowser();
  const ctx = await newLocalContext(browser, site.url);
  for (let run = 0; run < 3; run++) {
    const page = await ctx.newPage();
    const t0 = Date.now();
    page.on('requestfinished', async (r) => { const t = r.timing(); console.log(run, r.method(), decodeURIComponent(r.url()).replace(site.url, '').slice(0, 110), 'start', Math.round(t.startTime - t0), 'dur', Math.round(t.responseEnd)); });
    await page.goto(site.tabUrl({ as: 'busy@contoso.example' }));
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length >= 50);
    console.log('visible', await page.evaluate(() => performance.now()));
    if (run === 2) {
      await page.locator('tbody tr button').first().click();
      await page.getByRole('dialog').getByText('Loading history…').waitFor({ state: 'detached' });
      console.log('--- save');
      await page.getByRole('dialog').getByRole('textbox', { name: 'Progress note' }).fill('x');
      await page.getByRole('dialog').getByRole('button', { name: 'Save update' }).click();
      await page.getByRole('dialog').getByRole('status').filter({ hasText: 'Update saved.' }).waitFor();
      await page.waitForTimeout(300);
    }
    await page.close();
  }
  await browser.close(); await site.close();
})();
