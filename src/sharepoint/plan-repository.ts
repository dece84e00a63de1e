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
import { PLAN_ITEM_SELECT, PROGRESS_UPDATE_SELECT, fromIsoDate, toPlanItem, toProgressUpdate, toSpFields } from './plan-item-mapping';

/** SharePoint returns at most 5,000 items per page. */
const MAX_PAGE = 5000;


/**
 * The plan repository over PnPjs: every read filters on the server through indexed
 * fields, every write of many items goes in `$batch` requests, and an owner's update is
 * the item MERGE (with its ETag) plus a Progress Updates row in one `$batch`.
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
   * The owner's update: one `$batch` with the item MERGE (IF-Match: the ETag it was
   * read with) and the Progress Updates row. A stale ETag means someone else saved
   * first: their version comes back in a ConflictError, and the audit row written
   * beside the refused MERGE is removed, so the history never shows an update that
   * did not happen.
   */
  async updateStatus(item: PlanItem, update: StatusUpdate, now: IsoDateTime): Promise<PlanItem> {
    const changes = applyUpdate(item, update, now);
    const [batched, execute] = this.sp.batched({ maxRequests: 100 });
    const merge = batched.web.lists.getByTitle(LIST.planItems).items.getById(item.id)
      .update(toSpFields(changes), item.etag)
      .then((r) => ({ ok: true as const, etag: (r as { etag?: string })?.etag }), (error: unknown) => ({ ok: false as const, error }));
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
    };
    const audit = batched.web.lists.getByTitle(LIST.progressUpdates).items.add(auditRow).then((r) => ({ ok: true as const, id: Number((r as { Id?: number }).Id) }), (error: unknown) => ({ ok: false as const, error }));
    // A failed $batch request rejects both parts; their results below say what to tell the user.
    await execute().catch(() => undefined);
    const [mergeResult, auditResult] = await Promise.all([merge, audit]);
    if (!mergeResult.ok) {
      if (auditResult.ok) await this.sp.web.lists.getByTitle(LIST.progressUpdates).items.getById(auditResult.id).delete();
      if (statusOf(mergeResult.error) === 412) throw new ConflictError(await this.getById(item.id));
      if (statusOf(mergeResult.error) === 404) throw new NotFoundError(`Action ${item.id} no longer exists. It may have been deleted.`);
      throw new Error(`Your update to "${item.title}" was not saved: ${messageOf(mergeResult.error)}. Try again.`);
    }
    if (!auditResult.ok) {
      // The item changed but its audit row was refused: write it again on its own so the history stays whole.
      try {
        await this.sp.web.lists.getByTitle(LIST.progressUpdates).items.add(auditRow);
      } catch (error) {
        throw new Error(`Your update to "${item.title}" was saved, but its history entry was not: ${messageOf(error)}. Add the note again so the steering group sees it.`);
      }
    }
    return { ...item, ...(changes as Partial<PlanItem>), etag: mergeResult.etag ?? item.etag };
  }

  /** The item's progress updates, newest first. */
  async history(itemId: number): Promise<ProgressUpdate[]> {
    const rows = await this.sp.web.lists.getByTitle(LIST.progressUpdates).items
      .select(...PROGRESS_UPDATE_SELECT).expand('Author')
      .filter(`PlanItemId eq ${Number(itemId)}`)
      .orderBy('UpdatedAt', false).orderBy('ID', false)
      .top(MAX_PAGE)();
    return (rows as Record<string, unknown>[]).map(toProgressUpdate);
  }

  /** Progress updates at or after `since` (UpdatedAt is indexed), optionally for some items only. */
  async updatesSince(since: IsoDateTime, planItemIds?: number[]): Promise<ProgressUpdate[]> {
    const query = this.sp.web.lists.getByTitle(LIST.progressUpdates).items
      .select(...PROGRESS_UPDATE_SELECT).expand('Author')
      .filter(`UpdatedAt ge datetime'${new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z')}'`)
      .orderBy('UpdatedAt', true)
      .top(MAX_PAGE);
    const wanted = planItemIds ? new Set(planItemIds) : null;
    const out: ProgressUpdate[] = [];
    for await (const page of query) {
      for (const row of page as Record<string, unknown>[]) {
        const update = toProgressUpdate(row);
        if (!wanted || wanted.has(update.planItemId)) out.push(update);
      }
    }
    return out;
  }
}
