import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import type { PlanFilter } from '../domain/filter-model';
import { matchesFilter } from '../domain/match-filter';
import { sortLikeSharePoint } from '../domain/sort-items';
import type { IsoDateTime, NewPlanItem, PlanItem, ProgressUpdate, StatusUpdate } from '../domain/plan-item';
import { ConflictError, NotFoundError, type ItemChange, type PlanQueryOptions, type PlanRepository } from '../domain/ports';
import { narrowsThroughIndex, odataString, toODataFilter } from '../domain/to-odata';
import { applyUpdate } from '../domain/update-rules';
import { isThresholdRefusal, messageOf, runBatched, statusOf } from './batch';
import type { ImportedUpdate, ImportStore } from '../importer/import-store';
import { SharePointImportStore } from './import-store';
import { LIST } from './list-names';
import { PLAN_ITEM_SELECT, PROGRESS_UPDATE_SELECT, etagOf, fromIsoDate, toPlanItem, toProgressUpdate, toSpFields } from './plan-item-mapping';

/** SharePoint returns at most 5,000 items per page. */
const MAX_PAGE = 5000;


/**
 * The plan repository over PnPjs: every read filters on the server through indexed
 * fields, every write of many items goes in `$batch` requests, and an owner's update is
 * the item MERGE (with its ETag) plus a Progress Updates row, ordered so that readers see
 * both or neither even when the client dies between them (see `updateStatus`).
 */
export class SharePointPlanRepository implements PlanRepository, ImportStore {
  private currentUserId: Promise<number> | null = null;
  private readonly imports: SharePointImportStore;

  constructor(private readonly sp: SPFI) {
    this.imports = new SharePointImportStore(sp);
  }

  /** See ImportStore: the import's reads and writes, so an import needs only this repository. */
  findActions(plan: string, actionRefs: string[]) { return this.imports.findActions(plan, actionRefs); }
  /** See ImportStore. */
  idsWithHistory(ids: number[]) { return this.imports.idsWithHistory(ids); }
  /** See ImportStore. */
  recycle(ids: number[]) { return this.imports.recycle(ids); }
  /** See ImportStore. */
  existingImportKeys(keys: string[]) { return this.imports.existingImportKeys(keys); }
  /** See ImportStore. */
  addImportedUpdates(updates: ImportedUpdate[]) { return this.imports.addImportedUpdates(updates); }
  /** See ImportStore. */
  collisionsOf(error: unknown) { return this.imports.collisionsOf(error); }

  private get items() {
    return this.sp.web.lists.getByTitle(LIST.planItems).items;
  }

  /** The signed-in user's site id, fetched once (for "My actions"). */
  private me(): Promise<number> {
    this.currentUserId ??= this.sp.web.currentUser.select('Id')().then((u: { Id: number }) => u.Id);
    return this.currentUserId;
  }

  /** Every item matching the filter, in the requested order, reading all pages. */
  async query(filter: PlanFilter, options: PlanQueryOptions): Promise<PlanItem[]> {
    const currentUserId = filter.ownerIsMe ? await this.me() : undefined;
    const $filter = toODataFilter(filter, { today: options.today, currentUserId });
    try {
      return await this.readPages($filter, options);
    } catch (error) {
      // Free text over a list past the view threshold has no server-side form that
      // SharePoint accepts; read the list in ID order (always allowed) and filter here.
      if (!isThresholdRefusal(error) || narrowsThroughIndex(filter)) throw error;
      const all = await this.readPages('', { ...options, orderBy: [{ field: 'ID', ascending: true }], top: undefined });
      const matching = all.filter((item) => matchesFilter(item, filter, { today: options.today, currentUserId }));
      return sortLikeSharePoint(matching, options.orderBy ?? []).slice(0, options.top ?? Infinity);
    }
  }

  private async readPages($filter: string, options: PlanQueryOptions): Promise<PlanItem[]> {
    const wanted = options.top ?? Infinity;
    let query = this.items.select(...PLAN_ITEM_SELECT).expand('Owner').top(Math.min(wanted, MAX_PAGE));
    if ($filter) query = query.filter($filter);
    for (const order of options.orderBy ?? []) query = query.orderBy(order.field, order.ascending);
    const out: PlanItem[] = [];
    for await (const page of query) {
      for (const row of page as Record<string, unknown>[]) out.push(toPlanItem(row));
      if (out.length >= wanted) break;
    }
    return out.slice(0, wanted);
  }

  /** One item by id. */
  async getById(id: number): Promise<PlanItem> {
    try {
      const row = await this.items.getById(id).select(...PLAN_ITEM_SELECT).expand('Owner')();
      return toPlanItem(row);
    } catch (error) {
      if (statusOf(error) === 404) throw new NotFoundError(`Action ${id} does not exist in '${LIST.planItems}'. It may have been deleted.`);
      throw error;
    }
  }

  /** Items of a plan with the given ActionRefs, queried through the indexed Plan and ActionRef fields. */
  async findByActionRefs(plan: string, actionRefs: string[]): Promise<PlanItem[]> {
    if (actionRefs.length === 0) return [];
    const wanted = new Set(actionRefs);
    const ofThisPlan = (item: PlanItem) => item.plan === plan && wanted.has(item.actionRef);
    try {
      // One query for the whole plan (Plan is indexed) costs fewer requests than one per ref.
      return (await this.readPages(`Plan eq ${odataString(plan)}`, { today: '1970-01-01' })).filter(ofThisPlan);
    } catch (error) {
      if (!isThresholdRefusal(error)) throw error;
      // A plan larger than the view threshold: ask by ActionRef instead, 40 refs a request
      // (every branch of the "or" is on an indexed field, so SharePoint accepts it).
      const found: PlanItem[] = [];
      const refs = [...wanted];
      for (let i = 0; i < refs.length; i += 40) {
        const clause = refs.slice(i, i + 40).map((ref) => `ActionRef eq ${odataString(ref)}`).join(' or ');
        found.push(...(await this.readPages(clause, { today: '1970-01-01' })).filter(ofThisPlan));
      }
      return found;
    }
  }

  /** Adds and changes in `$batch` requests of up to 100 operations. */
  async saveMany(adds: NewPlanItem[], changes: ItemChange[]): Promise<{ addedIds: number[]; changed: number }> {
    const operations = [
      ...adds.map((item) => ({
        describe: `add '${item.actionRef || item.title}'`,
        run: async (b: SPFI) => {
          const created = await b.web.lists.getByTitle(LIST.planItems).items.add(toSpFields(item));
          return Number((created as { Id?: number; ID?: number }).Id ?? (created as { ID?: number }).ID);
        },
      })),
      ...changes.map((change) => ({
        describe: `update item ${change.id}`,
        run: async (b: SPFI) => {
          await b.web.lists.getByTitle(LIST.planItems).items.getById(change.id).update(toSpFields(change.fields), change.etag);
          return -1;
        },
      })),
    ];
    const results = await runBatched(this.sp, operations);
    return { addedIds: results.slice(0, adds.length), changed: changes.length };
  }

  /**
   * The owner's update, in an order that leaves readers a consistent history whenever the
   * client dies (SharePoint's `$batch` is not atomic):
   * 1. the Progress Updates row is written marked Pending, beside a read of the item's
   *    LastUpdateId and version;
   * 2. the item MERGE (IF-Match: the ETag the owner read) carries LastUpdateId = that row,
   *    after confirming the row the item pointed to before (it is confirmed: the item
   *    carries it);
   * 3. the row is marked confirmed.
   * Readers count a Pending row only when its item's LastUpdateId names it, so a row whose
   * MERGE never happened is never seen, and the update that happened is never without
   * its row. `sweepUnconfirmedUpdates` tidies rows left by clients that died.
   */
  async updateStatus(item: PlanItem, update: StatusUpdate, now: IsoDateTime): Promise<PlanItem> {
    const changes = applyUpdate(item, update, now);
    const auditRow = {
      Title: `${item.actionRef || item.id}: ${update.status}`.slice(0, 255),
      PlanItemId: item.id,
      Status: update.status,
      RAG: update.rag,
      PreviousStatus: item.status,
      PreviousRAG: item.rag ?? '',
      PercentComplete: (changes as Partial<PlanItem>).percentComplete ?? update.percentComplete,
      Comment: update.comment,
      RevisedDueDate: update.dueDate && update.dueDate !== item.dueDate ? fromIsoDate(update.dueDate) : null,
      UpdatedAt: now,
      Pending: true,
    };
    const updates = () => this.sp.web.lists.getByTitle(LIST.progressUpdates).items;

    // Step 1: the pending row, and the item as it is now.
    const [first, sendFirst] = this.sp.batched({ maxRequests: 100 });
    const added = settle(first.web.lists.getByTitle(LIST.progressUpdates).items.add(auditRow).then((r) => Number((r as { Id?: number; ID?: number }).Id ?? (r as { ID?: number }).ID)));
    const current = settle(first.web.lists.getByTitle(LIST.planItems).items.getById(item.id).select('ID', 'LastUpdateId')() as Promise<Record<string, unknown>>);
    const [auditResult, currentResult] = await afterBatch(sendFirst, [added, current] as const);
    if (!auditResult.ok) throw new Error(`Your update to "${item.title}" was not saved: ${messageOf(auditResult.error)}. Try again.`);
    const auditId = auditResult.value;
    const dropAudit = () => updates().getById(auditId).delete().catch(() => undefined);
    if (!currentResult.ok) {
      await dropAudit();
      if (statusOf(currentResult.error) === 404) throw new NotFoundError(`Action ${item.id} no longer exists. It may have been deleted.`);
      throw new Error(`Your update to "${item.title}" was not saved: ${messageOf(currentResult.error)}. Try again.`);
    }
    if (etagOf(currentResult.value) !== item.etag && item.etag !== '*') {
      await dropAudit();
      throw new ConflictError(await this.getById(item.id));
    }

    // Step 2: confirm the row the item points to now, then the MERGE that points it at ours.
    const previousId = Number(currentResult.value.LastUpdateId) || null;
    const [second, sendSecond] = this.sp.batched({ maxRequests: 100 });
    if (previousId) void settle(second.web.lists.getByTitle(LIST.progressUpdates).items.getById(previousId).update({ Pending: false }));
    const merge = settle(second.web.lists.getByTitle(LIST.planItems).items.getById(item.id)
      .update({ ...toSpFields(changes), LastUpdateId: auditId }, item.etag)
      .then((r) => (r as { etag?: string })?.etag));
    const [mergeResult] = await afterBatch(sendSecond, [merge] as const);
    if (!mergeResult.ok) {
      await dropAudit();
      if (statusOf(mergeResult.error) === 412) throw new ConflictError(await this.getById(item.id));
      if (statusOf(mergeResult.error) === 404) throw new NotFoundError(`Action ${item.id} no longer exists. It may have been deleted.`);
      throw new Error(`Your update to "${item.title}" was not saved: ${messageOf(mergeResult.error)}. Try again.`);
    }

    // Step 3: confirm our row. If this is lost, the item still names the row, so readers count it.
    await updates().getById(auditId).update({ Pending: false }).catch(() => undefined);
    return { ...item, ...(changes as Partial<PlanItem>), etag: mergeResult.value ?? item.etag };
  }

  /** Of Progress Updates rows read with their Pending flag, those that record an update that happened. */
  private async confirmedOnly(rows: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
    const pending = rows.filter((r) => r.Pending === true);
    if (!pending.length) return rows;
    const pointedAt = await this.lastUpdateIds([...new Set(pending.map((r) => Number(r.PlanItemId)))]);
    return rows.filter((r) => r.Pending !== true || pointedAt.get(Number(r.PlanItemId)) === Number(r.ID ?? r.Id));
  }

  /** Item id → its LastUpdateId, read through ID (always indexed) in batched `or` queries. */
  private async lastUpdateIds(itemIds: number[]): Promise<Map<number, number>> {
    const operations = [];
    for (let i = 0; i < itemIds.length; i += 40) {
      const filter = itemIds.slice(i, i + 40).map((id) => `ID eq ${id}`).join(' or ');
      operations.push({
        describe: `read LastUpdateId of ${filter.slice(0, 40)}`,
        run: async (b: SPFI) => (await b.web.lists.getByTitle(LIST.planItems).items.select('ID', 'LastUpdateId').filter(filter).top(MAX_PAGE)()) as Record<string, unknown>[],
      });
    }
    const rows = (await runBatched(this.sp, operations)).flat();
    return new Map(rows.map((r) => [Number(r.ID ?? r.Id), Number(r.LastUpdateId) || 0]));
  }

  /**
   * Tidies rows left by clients that died mid-update: a Pending row older than `olderThanMs`
   * is confirmed when its item names it, and deleted when not (its MERGE never happened —
   * younger ones may still be in flight). Returns how many of each.
   */
  async sweepUnconfirmedUpdates(now: Date, olderThanMs = 5 * 60_000): Promise<{ confirmed: number; removed: number }> {
    const before = new Date(now.getTime() - olderThanMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const rows: Record<string, unknown>[] = [];
    for await (const page of this.sp.web.lists.getByTitle(LIST.progressUpdates).items.select('ID', 'PlanItemId', 'Pending', 'UpdatedAt').filter(`Pending eq 1 and UpdatedAt lt datetime'${before}'`).top(MAX_PAGE)) {
      rows.push(...(page as Record<string, unknown>[]));
    }
    if (!rows.length) return { confirmed: 0, removed: 0 };
    const pointedAt = await this.lastUpdateIds([...new Set(rows.map((r) => Number(r.PlanItemId)))]);
    const confirm = rows.filter((r) => pointedAt.get(Number(r.PlanItemId)) === Number(r.ID));
    const remove = rows.filter((r) => pointedAt.get(Number(r.PlanItemId)) !== Number(r.ID));
    await runBatched(this.sp, [
      ...confirm.map((r) => ({ describe: `confirm update ${r.ID}`, run: async (b: SPFI) => { await b.web.lists.getByTitle(LIST.progressUpdates).items.getById(Number(r.ID)).update({ Pending: false }); } })),
      ...remove.map((r) => ({ describe: `remove unconfirmed update ${r.ID}`, run: async (b: SPFI) => { await b.web.lists.getByTitle(LIST.progressUpdates).items.getById(Number(r.ID)).delete(); } })),
    ]);
    return { confirmed: confirm.length, removed: remove.length };
  }

  /** The item's progress updates, newest first. */
  async history(itemId: number): Promise<ProgressUpdate[]> {
    const rows = await this.sp.web.lists.getByTitle(LIST.progressUpdates).items
      .select(...PROGRESS_UPDATE_SELECT, 'Pending').expand('Author')
      .filter(`PlanItemId eq ${Number(itemId)}`)
      .orderBy('UpdatedAt', false).orderBy('ID', false)
      .top(MAX_PAGE)();
    return (await this.confirmedOnly(rows as Record<string, unknown>[])).map(toProgressUpdate);
  }

  /** Progress updates at or after `since` (UpdatedAt is indexed), optionally for some items only. */
  async updatesSince(since: IsoDateTime, planItemIds?: number[]): Promise<ProgressUpdate[]> {
    const query = this.sp.web.lists.getByTitle(LIST.progressUpdates).items
      .select(...PROGRESS_UPDATE_SELECT, 'Pending').expand('Author')
      .filter(`UpdatedAt ge datetime'${new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z')}'`)
      .orderBy('UpdatedAt', true)
      .top(MAX_PAGE);
    const wanted = planItemIds ? new Set(planItemIds) : null;
    const rows: Record<string, unknown>[] = [];
    for await (const page of query) {
      for (const row of page as Record<string, unknown>[]) if (!wanted || wanted.has(Number(row.PlanItemId))) rows.push(row);
    }
    return (await this.confirmedOnly(rows)).map(toProgressUpdate);
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Sends a `$batch` and gives each part's outcome. When the `$batch` request itself fails
 * (network, client going away), PnPjs never settles its parts: each is then failed with
 * that error rather than waited on for ever.
 */
async function afterBatch<P extends readonly Promise<Settled<unknown>>[]>(send: () => Promise<void>, parts: P): Promise<{ [K in keyof P]: Awaited<P[K]> }> {
  let failure: { error: unknown } | null = null;
  await send().catch((error: unknown) => { failure = { error }; });
  if (failure) return parts.map(() => ({ ok: false, error: (failure as { error: unknown }).error })) as { [K in keyof P]: Awaited<P[K]> };
  return (await Promise.all(parts)) as { [K in keyof P]: Awaited<P[K]> };
}

/** A promise's outcome as a value, so one refused part of a `$batch` does not hide the others. */
function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
}
