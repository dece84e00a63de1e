import type { NewPlanItem, PlanItem } from '../../../src/domain/plan-item';
import type { ItemChange, PlanRepository } from '../../../src/domain/ports';
import type { ImportedUpdate, ImportStore, StoredAction } from '../../../src/importer/import-store';

/**
 * A PlanRepository in memory, for testing the import rules without a server. It stores
 * what saveMany is given, as SharePoint would, and can fail part-way like a batch can.
 */
export class MemoryPlanRepository implements PlanRepository, ImportStore {
  items: PlanItem[] = [];
  saves = 0;
  /** Fail the next saveMany after writing this many adds (a batch failing part-way). */
  failAfterAdds: number | null = null;
  /** Ids of items stored before PlanActionKey existed (an older version's import). */
  unkeyed = new Set<number>();
  /** Ids with Progress Updates rows. */
  withHistory = new Set<number>();
  recycled: number[] = [];
  imported: ImportedUpdate[] = [];
  private nextId = 1;

  async findActions(plan: string, actionRefs: string[]): Promise<StoredAction[]> {
    return (await this.findByActionRefs(plan, actionRefs)).map((item) => ({ item, keyed: !this.unkeyed.has(item.id) }));
  }

  async idsWithHistory(ids: number[]): Promise<Set<number>> {
    return new Set(ids.filter((id) => this.withHistory.has(id)));
  }

  async recycle(ids: number[]): Promise<void> {
    this.recycled.push(...ids);
    this.items = this.items.filter((i) => !ids.includes(i.id));
  }

  async existingImportKeys(keys: string[]): Promise<Set<string>> {
    const stored = new Set(this.imported.map((u) => u.importKey));
    return new Set(keys.filter((k) => stored.has(k)));
  }

  async addImportedUpdates(updates: ImportedUpdate[]): Promise<void> {
    this.imported.push(...updates);
  }

  collisionsOf(): null {
    return null;
  }

  async findByActionRefs(plan: string, actionRefs: string[]): Promise<PlanItem[]> {
    const wanted = new Set(actionRefs);
    return this.items.filter((i) => i.plan === plan && wanted.has(i.actionRef)).map((i) => ({ ...i }));
  }

  async saveMany(adds: NewPlanItem[], changes: ItemChange[]): Promise<{ addedIds: number[]; changed: number }> {
    this.saves++;
    const addedIds: number[] = [];
    for (const add of adds) {
      if (this.failAfterAdds !== null && addedIds.length >= this.failAfterAdds) {
        this.failAfterAdds = null;
        throw new Error('Batch failed: 429 Too Many Requests');
      }
      const id = this.nextId++;
      const { ownerId, ...fields } = add;
      this.items.push({
        id, etag: `"${id},1"`, owner: ownerId ? { id: ownerId, title: `User ${ownerId}`, email: null } : null,
        latestUpdate: '', lastUpdated: null, percentComplete: 0, status: 'Not started', rag: null, completedDate: null,
        ...fields,
      } as PlanItem);
      addedIds.push(id);
    }
    for (const change of changes) {
      const item = this.items.find((i) => i.id === change.id);
      if (!item || item.etag !== change.etag) throw new Error(`412 stale etag for ${change.id}`);
      const { ownerId, ...fields } = change.fields;
      if (fields.plan !== undefined && fields.actionRef !== undefined) this.unkeyed.delete(item.id);
      Object.assign(item, fields, ownerId !== undefined ? { owner: ownerId ? { id: ownerId, title: `User ${ownerId}`, email: null } : null } : {});
      item.etag = `"${item.id},${Number(item.etag.split(',')[1].replace('"', '')) + 1}"`;
    }
    return { addedIds, changed: changes.length };
  }

  query(): never { throw new Error('not used by the importer'); }
  getById(): never { throw new Error('not used by the importer'); }
  updateStatus(): never { throw new Error('not used by the importer'); }
  history(): never { throw new Error('not used by the importer'); }
  updatesSince(): never { throw new Error('not used by the importer'); }
}
