import type { ImportLease } from '../domain/import-lease';
import type { PlanRecord, PlanRecordInput } from '../domain/plan-record';
import { applyImport, type ApplyOptions, type ImportSummary } from './apply-import';
import { ImportError, type ParsedPlan } from './table';

/** The Plans list as an import uses it: the plan's row, and its import lease. */
export type PlansCatalog = {
  findByName(name: string): Promise<PlanRecord | null>;
  upsert(input: PlanRecordInput): Promise<PlanRecord>;
  takeImportLease(name: string, holder: string, token: string): Promise<{ taken: true; tookOverFrom: ImportLease | null } | { taken: false; heldBy: ImportLease }>;
  releaseImportLease(name: string, token: string): Promise<void>;
};

export type PlanImportOptions = Omit<ApplyOptions, 'plan'> & {
  plans: PlansCatalog;
  /** Who is importing, shown to another importer that has to wait ("jane@… (CLI)"). */
  holder: string;
  /** The mapping the user confirmed, as the JSON text the Plans row keeps; saved with the plan. */
  importMapping?: string;
  /** How long to wait for another import of the same plan to finish. */
  waitMs?: number;
  /** Waiting between looks at the lease (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
};

export type PlanImportSummary = ImportSummary & { plan: PlanRecord; tookOverFrom: ImportLease | null };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Imports a parsed plan as one plan of the site: its Plans row is created or updated
 * (source file, steering group, the mapping the user confirmed, last imported), and the
 * writes happen under the plan's import lease, so a second import of the same plan waits
 * for the first instead of racing it (the unique PlanActionKey still guards any that do).
 */
export async function importPlan(parsed: ParsedPlan, options: PlanImportOptions): Promise<PlanImportSummary> {
  const name = parsed.plan.trim();
  if (!name) throw new ImportError('The plan has no name. Give it one (--plan in the CLI) and import again.');
  await options.plans.upsert({ name, sourceFile: options.source ?? '', ...(options.group ? { steeringGroup: options.group } : {}) });
  const token = `${options.holder}#${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const sleep = options.sleep ?? defaultSleep;
  const deadline = Date.now() + (options.waitMs ?? 150_000);
  let outcome = await options.plans.takeImportLease(name, options.holder, token);
  while (!outcome.taken) {
    if (Date.now() >= deadline) {
      throw new ImportError(`Plan '${name}' is being imported by ${outcome.heldBy.holder} (until ${outcome.heldBy.expiresAt}). Nothing was written; try again when that import has finished.`);
    }
    await sleep(500);
    outcome = await options.plans.takeImportLease(name, options.holder, token);
  }
  try {
    const summary = await applyImport(parsed, { ...options, plan: name });
    const plan = await options.plans.upsert({
      name,
      lastImported: options.now ?? new Date().toISOString(),
      ...(options.importMapping !== undefined ? { importMapping: options.importMapping } : {}),
    });
    return { ...summary, plan, tookOverFrom: outcome.tookOverFrom };
  } finally {
    await options.plans.releaseImportLease(name, token);
  }
}
