import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/recycle-bin';
import { changedFields, describeEdit, type ActionEdit, type BulkEdit } from '../domain/action-edit';
import type { IsoDateTime, PlanItem } from '../domain/plan-item';
import { ConflictError, NotFoundError } from '../domain/ports';
import { messageOf, statusOf } from './batch';
import { LIST } from './list-names';
import { fromIsoDate, toSpFields } from './plan-item-mapping';

type Row = Record<string, unknown>;
type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
const idOf = (row: unknown) => Number((row as { Id?: number; ID?: number }).Id ?? (row as { ID?: number }).ID);

/** The Progress Updates row that records a manager's change: the item's status as it stands, the change in words. */
function auditRowFor(item: PlanItem, edit: ActionEdit | BulkEdit, now: IsoDateTime, comment: string): Row {
  const changes = changedFields(item, edit);
  const status = changes.status ?? item.status;
  return {
    Title: `${item.actionRef || item.id}: edited`.slice(0, 255),
    PlanItemId: item.id,
    Status: status,
    RAG: item.rag,
    PreviousStatus: item.status,
    PreviousRAG: item.rag ?? '',
    PercentComplete: item.percentComplete,
    Comment: comment,
    RevisedDueDate: 'dueDate' in changes ? fromIsoDate(changes.dueDate ?? null) : null,
    UpdatedAt: now,
    Pending: false,
  };
}

/**
 * Managers' changes to the plan itself — edit, bulk edit, delete (to the recycle bin) and
 * undo — each leaving a Progress Updates row, so nothing changes without a trace. Owners'
 * progress updates stay with the plan repository's `updateStatus`.
 */
export class SharePointPlanEditing {
  constructor(private readonly sp: SPFI) {}

  private list(title: string, sp: SPFI = this.sp) {
    return sp.web.lists.getByTitle(title);
  }

  /**
   * Saves a manager's edit of one action (its ETag guards against a change made meanwhile)
   * with its history row, in one `$batch`. If the item refuses, the history row is taken back.
   */
  async edit(item: PlanItem, edit: ActionEdit, now: IsoDateTime): Promise<void> {
    const fields = toSpFields(changedFields(item, edit));
    const [batched, send] = this.sp.batched();
    const audit = settle(this.list(LIST.progressUpdates, batched).items.add(auditRowFor(item, edit, now, describeEdit(item, edit))).then(idOf));
    const merge = settle(this.list(LIST.planItems, batched).items.getById(item.id).update(fields, item.etag));
    await send();
    const [auditResult, mergeResult] = await Promise.all([audit, merge]);
    if (!mergeResult.ok) {
      if (auditResult.ok) await this.list(LIST.progressUpdates).items.getById(auditResult.value).delete().catch(() => undefined);
      if (statusOf(mergeResult.error) === 412) throw new ConflictError(item);
      if (statusOf(mergeResult.error) === 404) throw new NotFoundError(`Action ${item.id} no longer exists. It may have been deleted.`);
      throw mergeResult.error;
    }
    if (!auditResult.ok) throw new Error(`"${item.title}" was changed, but its history row was refused: ${messageOf(auditResult.error)}.`);
  }

  /**
   * One change to many actions: every item's MERGE and history row go in a single `$batch`
   * request (PnPjs splits past 100 parts). Returns the ids SharePoint refused, with why.
   */
  async bulkEdit(items: readonly PlanItem[], edit: BulkEdit, now: IsoDateTime): Promise<{ failed: { id: number; message: string }[] }> {
    const [batched, send] = this.sp.batched({ maxRequests: 100 } as never);
    const parts = items.flatMap((item) => {
      const changes = changedFields(item, edit);
      if (!Object.keys(changes).length) return [];
      const row = auditRowFor(item, edit, now, describeEdit(item, edit));
      return [{
        item,
        merge: settle(this.list(LIST.planItems, batched).items.getById(item.id).update(toSpFields(changes), item.etag)),
        audit: settle(this.list(LIST.progressUpdates, batched).items.add(row).then(idOf)),
      }];
    });
    await send();
    const failed: { id: number; message: string }[] = [];
    for (const part of parts) {
      const [merge, audit] = await Promise.all([part.merge, part.audit]);
      if (merge.ok) continue;
      failed.push({ id: part.item.id, message: statusOf(merge.error) === 412 ? 'changed by someone else meanwhile' : messageOf(merge.error) });
      if (audit.ok) await this.list(LIST.progressUpdates).items.getById(audit.value).delete().catch(() => undefined);
    }
    return { failed };
  }

  /** Sends an action to the site's recycle bin (restorable there, and from the tab for a while); returns the recycle bin id. */
  async recycle(item: PlanItem, now: IsoDateTime): Promise<string> {
    const recycleId = await this.list(LIST.planItems).items.getById(item.id).recycle();
    await this.list(LIST.progressUpdates).items.add({
      Title: `${item.actionRef || item.id}: deleted`.slice(0, 255), PlanItemId: item.id, Status: item.status, RAG: item.rag,
      PreviousStatus: item.status, PreviousRAG: item.rag ?? '', PercentComplete: item.percentComplete,
      Comment: `Deleted (sent to the recycle bin): ${item.title}`, UpdatedAt: now, Pending: false,
    });
    return String(recycleId);
  }

  /** Brings a recycled action back from the recycle bin, with a history row saying so. */
  async restore(item: PlanItem, recycleId: string, now: IsoDateTime): Promise<void> {
    await this.sp.web.recycleBin.getById(recycleId).restore();
    await this.list(LIST.progressUpdates).items.add({
      Title: `${item.actionRef || item.id}: restored`.slice(0, 255), PlanItemId: item.id, Status: item.status, RAG: item.rag,
      PreviousStatus: item.status, PreviousRAG: item.rag ?? '', PercentComplete: item.percentComplete,
      Comment: 'Restored from the recycle bin.', UpdatedAt: now, Pending: false,
    });
  }
}
