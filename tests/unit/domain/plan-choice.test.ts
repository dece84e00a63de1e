import type { PlanRecord } from '../../../src/domain/plan-record';
import { findPlan, planChoices } from '../../../src/domain/plan-choice';

let nextId = 1;
function aPlan(overrides: Partial<PlanRecord> = {}): PlanRecord {
  return {
    id: nextId++, name: 'Housing Plan 2025', description: '', steeringGroup: '', lead: null, leadText: '', status: 'Active',
    sourceFile: '', importMapping: '', lastImported: null, ...overrides,
  };
}

describe('plan-choice', () => {
  const plans = [aPlan({ name: 'Zero Waste' }), aPlan({ name: 'Climate 2030' }), aPlan({ name: 'Old Equality Plan', status: 'Archived' })];

  it('offers active plans by name and hides archived ones', () => {
    expect(planChoices(plans, null).map((c) => c.label)).toEqual(['Climate 2030', 'Zero Waste']);
  });

  it('shows an archived plan only while it is the chosen one, marked archived', () => {
    expect(planChoices(plans, 'old equality plan').map((c) => c.label)).toEqual(['Climate 2030', 'Zero Waste', 'Old Equality Plan (archived)']);
  });

  it('finds a plan ignoring case, and nothing for a name no plan has', () => {
    expect(findPlan(plans, 'ZERO WASTE')?.name).toBe('Zero Waste');
    expect(findPlan(plans, 'Zero Wast')).toBeNull();
    expect(planChoices(plans, 'Zero Wast').map((c) => c.name)).toEqual(['Climate 2030', 'Zero Waste']);
  });
});
