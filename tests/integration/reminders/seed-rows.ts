import type { TestSite } from '../../support/test-site';

/** Adds rows straight into the embedded server's store in one transaction: far faster than REST for tens of thousands. */
export function seedRows(site: TestSite, listTitle: string, rows: Record<string, unknown>[]): void {
  const list = site.emulator.store.catalog.byTitle(listTitle);
  if (!list) throw new Error(`No list '${listTitle}' on the test site.`);
  site.emulator.db.transaction(() => {
    for (const row of rows) site.emulator.store.items.add(list, row, 1);
  })();
}
