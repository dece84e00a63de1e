import { SharePointPlanEditing } from '../../../src/sharepoint/plan-editing';
import { LIST } from '../../../src/sharepoint/list-names';
import type { PlanItem } from '../../../src/domain/plan-item';
import { ConflictError } from '../../../src/domain/ports';
import { startTestSite, type TestSite } from '../../support/test-site';
import { newAction } from '../../e2e/support/seed';

const USERS = [{ name: 'Site Owner', email: 'siteowner@contoso.example' }, { name: 'Sam Jones', email: 'sam@contoso.example' }];

/** Counts HTTP requests made through fetch (PnPjs's transport). */
function countFetches() {
  const original = globalThis.fetch;
  let n = 0;
  globalThis.fetch = ((...args: Parameters<typeof fetch>) => { n += 1; return original(...args); }) as typeof fetch;
  return { count: () => n, restore: () => { globalThis.fetch = original; } };
}

describe('SharePointPlanEditing (PnPjs over HTTP, embedded server)', () => {
  let site: TestSite;
  let editing: SharePointPlanEditing;
  let items: PlanItem[];
  beforeAll(async () => {
    site = await startTestSite({ users: USERS });
    editing = new SharePointPlanEditing(site.site.sp);
    const { addedIds } = await site.site.plans.saveMany(Array.from({ length: 52 }, (_, i) => newAction({ title: `Bulk ${i}`, actionRef: `B-${i}`, plan: 'Bulk Plan' })), []);
    items = await Promise.all(addedIds.map((id) => site.site.plans.getById(id)));
  }, 120_000);
  afterAll(() => site?.close());

  it('bulk-edits 50 rows in at most 3 requests, each with a history row', async () => {
    const sam = await site.site.ensureUser('sam@contoso.example');
    const fifty = items.slice(0, 50);
    await site.site.sp.web.lists.getByTitle(LIST.planItems).items.top(1)(); // the form digest is fetched before counting
    const counter = countFetches();
    let result;
    try {
      result = await editing.bulkEdit(fifty, { owner: sam, status: 'On hold', dueDate: '2031-03-31', dueReason: 'Re-planned', steeringGroup: 'Housing Board' }, new Date().toISOString());
    } finally {
      counter.restore();
    }
    expect(result.failed).toEqual([]);
    expect(counter.count()).toBeLessThanOrEqual(3);
    const after = await site.site.plans.getById(fifty[49].id);
    expect(after).toMatchObject({ status: 'On hold', dueDate: '2031-03-31', steeringGroup: 'Housing Board' });
    expect(after.owner?.id).toBe(sam.id);
    const history = await site.site.plans.history(fifty[0].id);
    expect(history[0].comment).toMatch(/^Edited: .*Due date: .* → 31\/03\/2031.*\(reason: Re-planned\)$/);
  });

  it('refuses an edit made on a stale copy, and leaves no history row for it', async () => {
    const item = items[50];
    await editing.edit(item, { title: 'First edit' }, new Date().toISOString());
    await expect(editing.edit(item, { title: 'Stale edit' }, new Date().toISOString())).rejects.toBeInstanceOf(ConflictError);
    const history = await site.site.plans.history(item.id);
    expect(history.map((h) => h.comment)).toEqual(['Edited: Title: Bulk 50 → First edit']);
  });

  it('deletes to the recycle bin and restores, recording both', async () => {
    const item = items[51];
    const recycleId = await editing.recycle(item, new Date().toISOString());
    await expect(site.site.plans.getById(item.id)).rejects.toBeTruthy();
    await editing.restore(item, recycleId, new Date().toISOString());
    expect((await site.site.plans.getById(item.id)).title).toBe('Bulk 51');
    const comments = (await site.site.plans.history(item.id)).map((h) => h.comment);
    expect(comments).toEqual(expect.arrayContaining(['Restored from the recycle bin.', 'Deleted (sent to the recycle bin): Bulk 51']));
  });
});
