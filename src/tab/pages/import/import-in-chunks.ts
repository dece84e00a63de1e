import type { NewPlanItem } from '../../../domain/plan-item';
import type { ItemChange, PlanRepository } from '../../../domain/ports';
import { applyImport, type ApplyOptions, type ImportSummary } from '../../../importer/apply-import';
import type { ParsedPlan } from '../../../importer/table';

/** How far an import has got: writes done of writes planned. */
export type ImportProgress = { done: number; total: number };

/** SharePoint takes 100 operations in one `$batch`. */
export const IMPORT_CHUNK = 100;

/**
 * Imports a parsed plan with progress. Calling `applyImport` per chunk of parsed items
 * would not be safe: its ActionRef reconciliation (a moved action keeps its stored ref,
 * a new one takes the next free ref in its section) and its duplicate-ref check look at
 * the whole plan, and a section may straddle two chunks. So `applyImport` runs once over
 * the whole plan against a repository that reads through to SharePoint but records the
 * writes instead of making them; those writes are then made in `$batch`es of 100,
 * reporting progress after each. The result is the same set of adds and changes one
 * `saveMany` would make; a failure part-way leaves what was written, and importing the
 * same file again adds no duplicates (items are found by ActionRef).
 */
export async function importInChunks(
  parsed: ParsedPlan,
  options: ApplyOptions,
  onProgress: (progress: ImportProgress) => void,
  chunkSize: number = IMPORT_CHUNK,
): Promise<ImportSummary> {
  const real = options.repository;
  let planned: { adds: NewPlanItem[]; changes: ItemChange[] } = { adds: [], changes: [] };
  const recording: PlanRepository = {
    query: (filter, queryOptions) => real.query(filter, queryOptions),
    getById: (id) => real.getById(id),
    findByActionRefs: (plan, refs) => real.findByActionRefs(plan, refs),
    saveMany: async (adds, changes) => {
      planned = { adds, changes };
      return { addedIds: [], changed: 0 };
    },
    updateStatus: (item, update, now) => real.updateStatus(item, update, now),
    history: (itemId) => real.history(itemId),
    updatesSince: (since, ids) => real.updatesSince(since, ids),
  };
  const summary = await applyImport(parsed, { ...options, repository: recording });

  const total = planned.adds.length + planned.changes.length;
  onProgress({ done: 0, total });
  let done = 0;
  // Adds first, then changes, each chunk one `$batch`.
  const operations: ({ add: NewPlanItem } | { change: ItemChange })[] = [
    ...planned.adds.map((add) => ({ add })),
    ...planned.changes.map((change) => ({ change })),
  ];
  for (let start = 0; start < operations.length; start += chunkSize) {
    const chunk = operations.slice(start, start + chunkSize);
    const adds = chunk.flatMap((op) => ('add' in op ? [op.add] : []));
    const changes = chunk.flatMap((op) => ('change' in op ? [op.change] : []));
    await real.saveMany(adds, changes);
    done += chunk.length;
    onProgress({ done, total });
  }
  return summary;
}
