import type { NewPlanItem } from '../../src/domain/plan-item';

/** A new action as the importer would produce it, with sensible defaults. */
export function aNewPlanItem(overrides: Partial<NewPlanItem> = {}): NewPlanItem {
  return {
    title: 'Publish the equality objectives',
    plan: 'Test Plan',
    section: 'Theme 1: Leadership',
    actionRef: 'T1-1',
    actionDetails: 'Publish the equality objectives on the council website.',
    ownerText: 'Head of Policy',
    resource: 'Existing resources',
    startDate: null,
    dueDate: '2026-12-31',
    dueText: 'Dec 2026',
    ongoing: false,
    measure: '',
    steeringGroup: 'Equality Board',
    ...overrides,
  };
}

/** `n` distinct new actions; `each(i)` adjusts the i-th. */
export function manyNewPlanItems(n: number, each: (i: number) => Partial<NewPlanItem> = () => ({})): NewPlanItem[] {
  return Array.from({ length: n }, (_, i) => aNewPlanItem({ actionRef: `A-${i + 1}`, title: `Action ${i + 1}`, ...each(i) }));
}
