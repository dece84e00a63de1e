import type { IsoDateTime, Person } from './plan-item';

/** Whether a plan is in use or kept but hidden. */
export type PlanLifecycle = 'Active' | 'Archived';

/** One plan: a row of the Plans list, the home every page of the tab picks a plan from. */
export type PlanRecord = {
  id: number;
  /** The plan's name; Plan Items carry it in their Plan field. */
  name: string;
  description: string;
  steeringGroup: string;
  lead: Person | null;
  leadText: string;
  status: PlanLifecycle;
  sourceFile: string;
  /** The import mapping a user confirmed, as JSON text (the importer owns its shape). */
  importMapping: string;
  lastImported: IsoDateTime | null;
};

/** What is needed to create or change a plan's row. */
export type PlanRecordInput = Partial<Omit<PlanRecord, 'id' | 'lead'>> & { name: string; leadId?: number | null };

/** The plans a picker offers: active ones first by name, archived ones only when asked for. */
export function plansForPicker(plans: PlanRecord[], includeArchived = false): PlanRecord[] {
  return plans
    .filter((p) => includeArchived || p.status !== 'Archived')
    .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name, 'en-GB') : a.status === 'Active' ? -1 : 1));
}
