import { plansForPicker, type PlanRecord } from './plan-record';

/** One entry of the plan picker. */
export type PlanChoice = {
  /** The plan's name as Plan Items carry it. */
  name: string;
  /** What the picker shows, e.g. "Housing Plan (archived)". */
  label: string;
};

const sameName = (a: string, b: string) => a.trim().localeCompare(b.trim(), 'en-GB', { sensitivity: 'accent' }) === 0;

/** The Plans row with this name (ignoring case, as SharePoint compares text), or null. */
export function findPlan(plans: readonly PlanRecord[], name: string): PlanRecord | null {
  return plans.find((p) => sameName(p.name, name)) ?? null;
}

/**
 * What the picker offers: active plans by name; an archived plan only while it is the one
 * chosen (so a link to it still says where you are). A chosen name with no row is not
 * offered: the page says plainly that no such plan exists instead.
 */
export function planChoices(plans: readonly PlanRecord[], current: string | null): PlanChoice[] {
  const chosen = current ? findPlan(plans, current) : null;
  const shown = plansForPicker([...plans]).map((p) => ({ name: p.name, label: p.name }));
  if (chosen && chosen.status === 'Archived') shown.push({ name: chosen.name, label: `${chosen.name} (archived)` });
  return shown;
}
