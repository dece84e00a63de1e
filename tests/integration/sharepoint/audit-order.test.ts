import type { Queryable } from '@pnp/queryable';
import type { PlanItem } from '../../../src/domain/plan-item';
import { connect } from '../../../src/sharepoint/connect';
import { LIST } from '../../../src/sharepoint/list-names';
import { SharePointPlanRepository } from '../../../src/sharepoint/plan-repository';
import { startTestSite, type TestSite } from '../../support/test-site';
import { aNewPlanItem } from '../../support/new-items';

/** Which write a client "dies" before: the item MERGE (step 2) or the confirmation of its audit row (step 3). */
type DieBefore = 'item merge' | 'audit confirmation';

/**
 * A PnPjs behaviour that drops one kind of request before it is sent, as a client killed
 * at that moment would: the requests before it were made, it and nothing after it was.
 */
function dropping(kind: DieBefore) {
  return (instance: Queryable) => {
    instance.on.pre(async (url, init, result) => {
      const body = typeof init.body === 'string' ? decodeURIComponent(init.body) : '';
      // The item MERGE travels inside a $batch: the client dies before sending that $batch.
      if (kind === 'item merge' && url.endsWith('/$batch') && new RegExp(`MERGE [^\\n]*'${LIST.planItems}'\\)/items\\(`).test(body)) {
        throw new Error('client died before the item MERGE');
      }
      // The confirmation is a request of its own.
      const isMerge = new Headers(init.headers as HeadersInit).get('X-HTTP-Method') === 'MERGE';
      if (kind === 'audit confirmation' && isMerge && decodeURIComponent(url).includes(`'${LIST.progressUpdates}'`) && /"Pending":false/.test(body)) {
        throw new Error('client died before confirming the audit row');
      }
      return [url, init, result];
    });
    return instance;
  };
}

describe('an owner update when the client dies between its writes', () => {
  let t: TestSite;
  let n = 0;
  beforeAll(async () => { t = await startTestSite(); });
  afterAll(() => t.close());

  const anItem = async (): Promise<PlanItem> => {
    const { addedIds } = await t.site.plans.saveMany([aNewPlanItem({ plan: 'Audit', actionRef: `A-${++n}` })], []);
    return t.site.plans.getById(addedIds[0]);
  };
  const sweeper = () => new SharePointPlanRepository(t.site.sp);
  const dyingRepository = (kind: DieBefore) => new SharePointPlanRepository(connect(t.siteUrl, { kind: 'embedded' }).using(dropping(kind)));
  const rawRows = async (itemId: number) => (await t.site.sp.web.lists.getByTitle(LIST.progressUpdates).items.select('ID', 'Pending').filter(`PlanItemId eq ${itemId}`)()) as { ID: number; Pending: boolean | null }[];
  const update = { status: 'In progress' as const, rag: 'Amber' as const, percentComplete: 40, comment: 'Half way' };

  it('shows neither the update nor its audit row when the client dies before the item MERGE, and the sweep removes the row', async () => {
    const item = await anItem();
    await expect(dyingRepository('item merge').updateStatus(item, update, '2026-11-24T10:00:00Z')).rejects.toThrow();
    expect(await t.site.plans.getById(item.id)).toMatchObject({ status: 'Not started', percentComplete: 0, latestUpdate: '' });
    expect(await t.site.plans.history(item.id)).toEqual([]);
    expect(await t.site.plans.updatesSince('2026-11-01T00:00:00Z', [item.id])).toEqual([]);

    // The row the dead client left is there, pending; a sweep after the grace period removes it.
    const left = (await rawRows(item.id)).filter((r) => r.Pending);
    const sweep = await sweeper().sweepUnconfirmedUpdates(new Date(Date.now() + 10 * 60_000));
    expect(sweep.removed).toBeGreaterThanOrEqual(left.length);
    expect(await rawRows(item.id)).toEqual([]);
  });

  it('keeps a young pending row out of the sweep: its client may still be about to MERGE', async () => {
    const item = await anItem();
    await expect(dyingRepository('item merge').updateStatus(item, update, new Date().toISOString())).rejects.toThrow();
    const sweep = await sweeper().sweepUnconfirmedUpdates(new Date());
    expect(sweep.removed).toBe(0);
    expect(await t.site.plans.history(item.id)).toEqual([]);
  });

  it('shows both the update and its audit row when the client dies after the MERGE, before confirming the row', async () => {
    const item = await anItem();
    await expect(dyingRepository('audit confirmation').updateStatus(item, update, '2026-11-24T10:00:00Z')).resolves.toMatchObject({ status: 'In progress' });
    expect(await t.site.plans.getById(item.id)).toMatchObject({ status: 'In progress', percentComplete: 40 });
    expect((await rawRows(item.id)).map((r) => r.Pending)).toEqual([true]);
    expect((await t.site.plans.history(item.id)).map((h) => h.comment)).toEqual(['Half way']);
    expect((await t.site.plans.updatesSince('2026-11-01T00:00:00Z', [item.id])).map((h) => h.comment)).toEqual(['Half way']);

    // The next update confirms the row the item names before moving on: both stay in the history.
    const next = await t.site.plans.updateStatus(await t.site.plans.getById(item.id), { ...update, percentComplete: 60, comment: 'Nearly there' }, '2026-11-25T10:00:00Z');
    expect(next.percentComplete).toBe(60);
    expect((await rawRows(item.id)).map((r) => r.Pending)).toEqual([false, false]);
    expect((await t.site.plans.history(item.id)).map((h) => h.comment)).toEqual(['Nearly there', 'Half way']);
  });

  it('confirms, not removes, an old pending row its item names', async () => {
    const item = await anItem();
    await dyingRepository('audit confirmation').updateStatus(item, update, '2026-11-24T10:00:00Z');
    const sweep = await sweeper().sweepUnconfirmedUpdates(new Date('2026-12-01T00:00:00Z'));
    expect(sweep.confirmed).toBeGreaterThanOrEqual(1);
    expect((await rawRows(item.id)).map((r) => r.Pending)).toEqual([false]);
  });

  it('removes its pending row when the MERGE is refused for a stale ETag', async () => {
    const item = await anItem();
    await t.site.plans.updateStatus(item, update, '2026-11-24T10:00:00Z');
    await expect(t.site.plans.updateStatus(item, { ...update, comment: 'Stale' }, '2026-11-24T11:00:00Z')).rejects.toThrow(/changed by someone else/);
    expect((await rawRows(item.id)).length).toBe(1);
  });
});
