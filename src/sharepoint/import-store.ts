import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { odataString } from '../domain/to-odata';
import type { ImportedUpdate, ImportStore, StoredAction } from '../importer/import-store';
import { BatchError, isThresholdRefusal, runBatched } from './batch';
import { LIST } from './list-names';
import { PLAN_ITEM_SELECT, toPlanItem } from './plan-item-mapping';

type Row = Record<string, unknown>;

/** Values per `or` filter: every branch is on an indexed field, and the URL stays well under SharePoint's limits. */
const PER_QUERY = 40;
/** SharePoint returns at most 5,000 items per page. */
const MAX_PAGE = 5000;

/** `Field eq 'a' or Field eq 'b' …` filters, PER_QUERY values each. */
function orFilters(field: string, values: (string | number)[]): string[] {
  const filters: string[] = [];
  for (let i = 0; i < values.length; i += PER_QUERY) {
    filters.push(values.slice(i, i + PER_QUERY).map((v) => `${field} eq ${typeof v === 'number' ? v : odataString(v)}`).join(' or '));
  }
  return filters;
}

/** The import's reads and writes over PnPjs: indexed lookups sent as `$batch`es of GETs, never one request per row. */
export class SharePointImportStore implements ImportStore {
  constructor(private readonly sp: SPFI) {}

  /** Runs filtered reads of one list as `$batch`es of up to 100 GETs; returns every row found. */
  private async readWhere(list: string, select: string[], filters: string[], expand?: string): Promise<Row[]> {
    const pages = await runBatched(this.sp, filters.map((filter) => ({
      describe: `read ${list} where ${filter.slice(0, 60)}`,
      run: async (b: SPFI) => {
        let query = b.web.lists.getByTitle(list).items.select(...select).filter(filter).top(MAX_PAGE);
        if (expand) query = query.expand(expand);
        return (await query()) as Row[];
      },
    })));
    return pages.flat();
  }

  /**
   * One query for the whole plan (Plan is indexed) when SharePoint allows it; a plan past
   * the list view threshold is read by ActionRef instead, in batched `or` queries.
   * Reading by ActionRef (not only by the unique key) also finds items written before
   * PlanActionKey existed, so a re-run can repair their duplicates.
   */
  async findActions(plan: string, actionRefs: string[]): Promise<StoredAction[]> {
    if (!actionRefs.length) return [];
    const wanted = new Set(actionRefs);
    const select = [...PLAN_ITEM_SELECT, 'PlanActionKey'];
    const toStored = (rows: Row[]) => rows
      .map((row) => ({ item: toPlanItem(row), keyed: typeof row.PlanActionKey === 'string' && row.PlanActionKey !== '' }))
      .filter(({ item }) => item.plan === plan && wanted.has(item.actionRef));
    try {
      const rows: Row[] = [];
      for await (const page of this.sp.web.lists.getByTitle(LIST.planItems).items.select(...select).expand('Owner').filter(`Plan eq ${odataString(plan)}`).top(MAX_PAGE)) {
        rows.push(...(page as Row[]));
      }
      return toStored(rows);
    } catch (error) {
      if (!isThresholdRefusal(error)) throw error;
      const rows = await this.readWhere(LIST.planItems, select, orFilters('ActionRef', [...wanted]), 'Owner');
      // An ActionRef shared with another plan is read twice at most; keep one copy per id.
      const byId = new Map(rows.map((r) => [Number(r.ID ?? r.Id), r]));
      return toStored([...byId.values()]);
    }
  }

  /** Progress Updates is read through its indexed PlanItemId. */
  async idsWithHistory(ids: number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const rows = await this.readWhere(LIST.progressUpdates, ['ID', 'PlanItemId'], orFilters('PlanItemId', ids));
    return new Set(rows.map((r) => Number(r.PlanItemId)));
  }

  /** SharePoint's refusal of a duplicate in a unique field, and a stale ETag, are another writer's doing. */
  collisionsOf(error: unknown): number[] | null {
    if (!(error instanceof BatchError)) return null;
    const collided = error.failures.filter((f) => f.status === 412 || (f.status === 500 && /duplicate values/i.test(f.message)));
    return collided.length === error.failures.length ? collided.map((f) => f.index) : null;
  }

  /** Recycles rather than deletes, so a repair a person disagrees with can be undone from the recycle bin. */
  async recycle(ids: number[]): Promise<void> {
    await runBatched(this.sp, ids.map((id) => ({
      describe: `recycle item ${id}`,
      run: async (b: SPFI) => { await b.web.lists.getByTitle(LIST.planItems).items.getById(id).recycle(); },
    })));
  }

  /** Looks keys up through the indexed ImportKey field. */
  async existingImportKeys(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await this.readWhere(LIST.progressUpdates, ['ID', 'ImportKey'], orFilters('ImportKey', keys));
    return new Set(rows.map((r) => String(r.ImportKey)));
  }

  /** Imported notes are confirmed at once (not Pending): no item change has to follow them. */
  async addImportedUpdates(updates: ImportedUpdate[]): Promise<void> {
    await runBatched(this.sp, updates.map((u) => ({
      describe: `add imported progress note for item ${u.planItemId}`,
      run: async (b: SPFI) => {
        await b.web.lists.getByTitle(LIST.progressUpdates).items.add({
          Title: u.title.slice(0, 255),
          PlanItemId: u.planItemId,
          Status: u.status,
          RAG: u.rag,
          PercentComplete: u.percentComplete,
          Comment: u.comment,
          UpdatedAt: u.updatedAt,
          ImportKey: u.importKey,
          Pending: false,
        });
      },
    })));
  }
}
