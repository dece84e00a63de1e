import { ConflictError, NotFoundError } from '../../../src/domain/ports';
import { BatchError } from '../../../src/sharepoint/batch';
import { LIST } from '../../../src/sharepoint/list-names';
import { startTestSite, type TestSite } from '../../support/test-site';
import { aNewPlanItem, manyNewPlanItems } from '../../support/new-items';

const TODAY = '2026-11-24';
const OWNER = { name: "Siobhan O'Brien", email: 'sob@contoso.example' };
const OTHER = { name: 'Raj Patel', email: 'raj@contoso.example' };

describe('SharePointPlanRepository (PnPjs over HTTP against the embedded server)', () => {
  let t: TestSite;
  beforeAll(async () => {
    t = await startTestSite({ users: [{ name: 'Plan Admin', email: 'admin@contoso.example' }, OWNER, OTHER] });
  });
  afterAll(() => t.close());

  it('adds many items in batches and reads them all back through paging', async () => {
    const { addedIds } = await t.site.plans.saveMany(manyNewPlanItems(250, () => ({ plan: 'Paging' })), []);
    expect(addedIds).toHaveLength(250);
    expect(new Set(addedIds).size).toBe(250);
    const all = await t.site.plans.query({ plan: 'Paging' }, { today: TODAY, orderBy: [{ field: 'ID', ascending: true }] });
    expect(all.map((i) => i.id)).toEqual(addedIds);
  });

  it('filters on the server: overdue and Red for one owner', async () => {
    const owner = await t.site.ensureUser(OWNER.email);
    const other = await t.site.ensureUser(OTHER.email);
    const { addedIds } = await t.site.plans.saveMany([
      aNewPlanItem({ plan: 'Filters', actionRef: 'F1', ownerId: owner.id, dueDate: '2026-10-01', rag: 'Red' }),
      aNewPlanItem({ plan: 'Filters', actionRef: 'F2', ownerId: owner.id, dueDate: '2026-10-01', rag: 'Amber' }),
      aNewPlanItem({ plan: 'Filters', actionRef: 'F3', ownerId: owner.id, dueDate: '2027-01-01', rag: 'Red' }),
      aNewPlanItem({ plan: 'Filters', actionRef: 'F4', ownerId: other.id, dueDate: '2026-10-01', rag: 'Red' }),
      aNewPlanItem({ plan: 'Filters', actionRef: 'F5', ownerId: owner.id, dueDate: '2026-10-01', rag: 'Red', status: 'Completed' }),
    ], []);
    const rows = await t.site.plans.query({ plan: 'Filters', overdue: true, rags: ['Red'], ownerId: owner.id }, { today: TODAY });
    expect(rows.map((r) => r.id)).toEqual([addedIds[0]]);
    expect(rows[0].owner).toEqual({ id: owner.id, title: OWNER.name, email: OWNER.email, upn: OWNER.email.toLowerCase() });
  });

  it("escapes values: an owner text with an apostrophe", async () => {
    await t.site.plans.saveMany([aNewPlanItem({ plan: 'Escaping', actionRef: 'E1', ownerText: "O'Brien & Co <Ltd>" })], []);
    const rows = await t.site.plans.query({ plan: 'Escaping', ownerText: "O'Brien & Co <Ltd>" }, { today: TODAY });
    expect(rows).toHaveLength(1);
  });

  it('finds "my actions" as the user the session acts as', async () => {
    const owner = await t.site.ensureUser(OWNER.email);
    await t.site.plans.saveMany([aNewPlanItem({ plan: 'Mine', actionRef: 'M1', ownerId: owner.id }), aNewPlanItem({ plan: 'Mine', actionRef: 'M2' })], []);
    const asOwner = await t.sessionAs(OWNER.email);
    const mine = await asOwner.plans.query({ plan: 'Mine', ownerIsMe: true }, { today: TODAY });
    expect(mine.map((i) => i.actionRef)).toEqual(['M1']);
  });

  it('saves an update and its history row in one batch, and returns the new ETag', async () => {
    const { addedIds } = await t.site.plans.saveMany([aNewPlanItem({ plan: 'Updates', actionRef: 'U1' })], []);
    const item = await t.site.plans.getById(addedIds[0]);
    const saved = await t.site.plans.updateStatus(item, { status: 'In progress', rag: 'Amber', percentComplete: 30, comment: 'Draft out for comment' }, '2026-11-24T10:00:00Z');
    expect(saved.etag).not.toBe(item.etag);
    const reread = await t.site.plans.getById(item.id);
    expect(reread).toMatchObject({ status: 'In progress', rag: 'Amber', percentComplete: 30, latestUpdate: 'Draft out for comment', etag: saved.etag });
    const history = await t.site.plans.history(item.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ planItemId: item.id, status: 'In progress', rag: 'Amber', previousStatus: 'Not started', comment: 'Draft out for comment' });
  });

  it('raises a conflict carrying the current item on a stale ETag, and leaves the item and history unchanged', async () => {
    const { addedIds } = await t.site.plans.saveMany([aNewPlanItem({ plan: 'Conflicts', actionRef: 'C1' })], []);
    const first = await t.site.plans.getById(addedIds[0]);
    const theirs = await t.site.plans.updateStatus(first, { status: 'In progress', rag: 'Green', percentComplete: 50, comment: 'Theirs' }, '2026-11-24T10:00:00Z');
    const attempt = t.site.plans.updateStatus(first, { status: 'On hold', rag: 'Red', percentComplete: 10, comment: 'Mine' }, '2026-11-24T10:05:00Z');
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    const error = (await attempt.catch((e: unknown) => e)) as ConflictError;
    expect(error.current).toMatchObject({ status: 'In progress', latestUpdate: 'Theirs', etag: theirs.etag });
    expect(await t.site.plans.getById(first.id)).toMatchObject({ status: 'In progress', rag: 'Green', latestUpdate: 'Theirs' });
    expect((await t.site.plans.history(first.id)).map((h) => h.comment)).toEqual(['Theirs']);
  });

  it('reports which request of a batch failed, and saves the others', async () => {
    const { addedIds } = await t.site.plans.saveMany([aNewPlanItem({ plan: 'Batch', actionRef: 'B1' })], []);
    const item = await t.site.plans.getById(addedIds[0]);
    const save = t.site.plans.saveMany([aNewPlanItem({ plan: 'Batch', actionRef: 'B2' })], [{ id: item.id, etag: '"999"', fields: { title: 'Renamed' } }]);
    const error = (await save.catch((e: unknown) => e)) as BatchError;
    expect(error).toBeInstanceOf(BatchError);
    expect(error.failures).toEqual([expect.objectContaining({ index: 1, operation: `update item ${item.id}`, status: 412 })]);
    const rows = await t.site.plans.query({ plan: 'Batch' }, { today: TODAY });
    expect(rows.map((r) => r.actionRef).sort()).toEqual(['B1', 'B2']);
    expect(rows.find((r) => r.actionRef === 'B1')?.title).toBe(item.title);
  });

  it('throws NotFoundError for an item that does not exist', async () => {
    await expect(t.site.plans.getById(999999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists progress updates since a time, through the indexed UpdatedAt', async () => {
    const { addedIds } = await t.site.plans.saveMany([aNewPlanItem({ plan: 'Since', actionRef: 'S1' })], []);
    const item = await t.site.plans.getById(addedIds[0]);
    await t.site.plans.updateStatus(item, { status: 'Completed', rag: 'Blue', percentComplete: 100, comment: 'Done' }, '2030-01-02T09:00:00Z');
    const since = await t.site.plans.updatesSince('2030-01-01T00:00:00Z');
    expect(since.map((u) => u.planItemId)).toEqual([item.id]);
    expect(since[0]).toMatchObject({ status: 'Completed', previousStatus: 'Not started' });
  });

  it('tells the user to provision when the lists are missing', async () => {
    const bare = await startTestSite({ provision: false });
    try {
      const { openSite } = await import('../../../src/sharepoint/open-site');
      await expect(openSite(bare.siteUrl, { kind: 'embedded' })).rejects.toThrow(`List '${LIST.planItems}' not found on ${bare.siteUrl} — run \`plan-tracker provision`);
    } finally {
      await bare.close();
    }
  });
});

describe('SharePointPlanRepository on a plan past the list view threshold', () => {
  let t: TestSite;
  beforeAll(async () => { t = await startTestSite({ threshold: 300 }); });
  afterAll(() => t.close());

  it('finds existing actions by ActionRef for a re-import when the whole plan is over the threshold', async () => {
    await t.site.plans.saveMany(manyNewPlanItems(320, (i) => ({ plan: 'Big', actionRef: `BIG-${i}` })), []);
    await t.site.plans.saveMany([aNewPlanItem({ plan: 'Other', actionRef: 'BIG-5' })], []);
    // SharePoint refuses the plan as a whole: its indexed condition alone still leaves 320 > 300 rows.
    await expect(t.site.plans.query({ plan: 'Big' }, { today: TODAY, orderBy: [{ field: 'DueDate', ascending: true }] })).rejects.toThrow(/list view threshold/);
    const found = await t.site.plans.findByActionRefs('Big', ['BIG-5', 'BIG-300', 'NOPE']);
    expect(found.map((i) => [i.plan, i.actionRef]).sort()).toEqual([['Big', 'BIG-300'], ['Big', 'BIG-5']]);
  });
});
