import type { PlanFilter } from './filter-model';
import type { IsoDate, IsoDateTime, NewPlanItem, PlanItem, ProgressUpdate, StatusUpdate } from './plan-item';

/** The clock, passed in wherever a rule needs "today" or "now". */
export type Clock = { now(): Date };

/** A sort key for plan queries (SharePoint internal field names). */
export type PlanOrder = { field: 'DueDate' | 'Title' | 'ID' | 'Section' | 'ActionRef' | 'Modified' | 'LastUpdated'; ascending: boolean };

export type PlanQueryOptions = {
  /** "Today" for date-relative filters such as overdue (yyyy-mm-dd). */
  today: IsoDate;
  orderBy?: PlanOrder[];
  /** Stop after this many rows (otherwise every page is read). */
  top?: number;
};

/** Changes to an existing item, keyed by id, sent with the ETag it was read with. */
export type ItemChange = { id: number; etag: string; fields: Partial<NewPlanItem> };

/** Where plan items live. `SharePointPlanRepository` implements it over PnPjs. */
export interface PlanRepository {
  /** Every item matching the filter, reading all pages (server-side filter). */
  query(filter: PlanFilter, options: PlanQueryOptions): Promise<PlanItem[]>;
  /** One item; throws `NotFoundError` when there is none. */
  getById(id: number): Promise<PlanItem>;
  /** Items of a plan with these ActionRefs (for re-import). */
  findByActionRefs(plan: string, actionRefs: string[]): Promise<PlanItem[]>;
  /** Adds and changes in `$batch` requests of up to 100 operations; returns the ids added, in order. */
  saveMany(adds: NewPlanItem[], changes: ItemChange[]): Promise<{ addedIds: number[]; changed: number }>;
  /**
   * An owner's update: the item MERGE (with the ETag it was read with) and a
   * Progress Updates row, in one `$batch`. Throws `ConflictError` carrying the
   * current item when the ETag is stale — never overwrites silently.
   */
  updateStatus(item: PlanItem, update: StatusUpdate, now: IsoDateTime): Promise<PlanItem>;
  /** The item's progress updates, newest first. */
  history(itemId: number): Promise<ProgressUpdate[]>;
  /** Progress updates created at or after `since`, for digests (server-side filter). */
  updatesSince(since: IsoDateTime, planItemIds?: number[]): Promise<ProgressUpdate[]>;
}

/** The item was changed by someone else since it was read. */
export class ConflictError extends Error {
  constructor(readonly current: PlanItem) {
    super(`"${current.title}" was changed by someone else since you opened it. Review their change, then re-apply yours or discard it.`);
    this.name = 'ConflictError';
  }
}

/** A list or item that does not exist. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
