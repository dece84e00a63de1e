import type { NewPlanItem, PlanItem } from '../../../src/domain/plan-item';
import type { ItemChange, PlanRepository } from '../../../src/domain/ports';

/**
 * A PlanRepository in memory, for testing the import rules without a server. It stores
 * what saveMany is given, as SharePoint would, and can fail part-way like a batch can.
 */
export class MemoryPlanRepository implements PlanRepository {
  items: PlanItem[] = [];
  saves = 0;
  /** Fail the next saveMany after writing this many adds (a batch failing part-way). */
  failAfterAdds: number | null = null;
  private nextId = 1;

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
