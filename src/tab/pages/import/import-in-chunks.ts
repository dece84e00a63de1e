import type { NewPlanItem } from '../../../domain/plan-item';
import type { ItemChange, PlanRepository } from '../../../domain/ports';
import { isImportStore } from '../../../importer/import-store';
import { importPlan, type PlanImportOptions, type PlanImportSummary } from '../../../importer/import-plan';
import type { ParsedPlan } from '../../../importer/table';
import { BatchError, type BatchFailure } from '../../../sharepoint/batch';

/** How far an import has got: writes done of writes planned. */
export type ImportProgress = { done: number; total: number };

/** SharePoint takes 100 operations in one `$batch`. */
export const IMPORT_CHUNK = 100;

/**
 * Imports a parsed plan with progress, as one plan of the site (its Plans row, under its
 * import lease: see `importPlan`). `applyImport` runs once over the whole plan (its
 * ActionRef reconciliation and duplicate checks look at the whole plan, and a section may
 * straddle two chunks); only its writes are split, into `$batch`es of 100, reporting
 * progress after each. A chunk that fails does not stop the others; failures come back
 * together, numbered as in the whole write, so `applyImport` can tell another import's
 * collisions (re-read and update) from real errors.
 */
export async function importInChunks(
  parsed: ParsedPlan,
  options: PlanImportOptions,
  onProgress: (progress: ImportProgress) => void,
  chunkSize: number = IMPORT_CHUNK,
): Promise<PlanImportSummary> {
  const real = options.repository;
  const store = options.store ?? (isImportStore(real) ? real : undefined);
  const chunked: PlanRepository = Object.assign(Object.create(real) as PlanRepository, {
    async saveMany(adds: NewPlanItem[], changes: ItemChange[]) {
      const operations: ({ add: NewPlanItem } | { change: ItemChange })[] = [...adds.map((add) => ({ add })), ...changes.map((change) => ({ change }))];
      const total = operations.length;
      const addedIds: number[] = [];
      const failures: BatchFailure[] = [];
      onProgress({ done: 0, total });
      for (let start = 0; start < total; start += chunkSize) {
        const chunk = operations.slice(start, start + chunkSize);
        const chunkAdds = chunk.flatMap((op) => ('add' in op ? [op.add] : []));
        const chunkChanges = chunk.flatMap((op) => ('change' in op ? [op.change] : []));
        try {
          addedIds.push(...(await real.saveMany(chunkAdds, chunkChanges)).addedIds);
        } catch (error) {
          if (!(error instanceof BatchError)) throw error;
          failures.push(...error.failures.map((f) => ({ ...f, index: f.index + start })));
        }
        onProgress({ done: Math.min(start + chunkSize, total), total });
      }
      if (failures.length) throw new BatchError(failures, total);
      return { addedIds, changed: changes.length };
    },
  });
  return importPlan(parsed, { ...options, repository: chunked, store });
}
