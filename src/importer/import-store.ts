import type { IsoDateTime, PlanItem, Rag, Status } from '../domain/plan-item';

/** A stored action as an import sees it: the item, and whether it already carries its unique PlanActionKey. */
export type StoredAction = { item: PlanItem; keyed: boolean };

/** A progress note from the plan, written as a Progress Updates row marked as imported. */
export type ImportedUpdate = {
  planItemId: number;
  /** "Imported from <file>". */
  title: string;
  comment: string;
  status: Status;
  rag: Rag | null;
  percentComplete: number;
  /** When the plan dates the note; otherwise when it was imported. */
  updatedAt: IsoDateTime;
  /** `<PlanActionKey>|<hash of the note>`: the same note is never written twice. */
  importKey: string;
};

/**
 * What an import needs from SharePoint beyond the plan repository: every stored copy of
 * an action (duplicates left by older versions included), which of them carry history,
 * the recycle bin, and imported progress notes.
 */
export interface ImportStore {
  /** Every item of the plan with one of these ActionRefs, duplicates and unkeyed items included. */
  findActions(plan: string, actionRefs: string[]): Promise<StoredAction[]>;
  /** Of these item ids, those with at least one Progress Updates row. */
  idsWithHistory(ids: number[]): Promise<Set<number>>;
  /** Moves items to the site's recycle bin (restorable), not a hard delete. */
  recycle(ids: number[]): Promise<void>;
  /** Of these import keys, those already written. */
  existingImportKeys(keys: string[]): Promise<Set<string>>;
  /**
   * When a write failed only because another writer got there first (a unique-key refusal
   * of an add, a stale ETag on a change): the indexes of those operations in the order
   * `saveMany` was given them (adds, then changes). Null for any other failure.
   */
  collisionsOf(error: unknown): number[] | null;
  /** Writes imported progress notes, in batches. */
  addImportedUpdates(updates: ImportedUpdate[]): Promise<void>;
}

/** Whether an object (a repository, say) also serves as an import store. */
export function isImportStore(value: unknown): value is ImportStore {
  const v = value as Partial<ImportStore> | null;
  return !!v && typeof v.findActions === 'function' && typeof v.collisionsOf === 'function' && typeof v.addImportedUpdates === 'function';
}
