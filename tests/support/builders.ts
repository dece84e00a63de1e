import type { Person, PlanItem, ProgressUpdate, StatusUpdate } from '../../src/domain/plan-item';

/**
 * Test data builders: sensible defaults, override only what a test is about
 * (`aPlanItem({ dueDate: '2024-05-31' })`). Ids count up per test file so items differ.
 */

let nextId = 1;
const newId = () => nextId++;

/** A site user; defaults to an ordinary action owner. */
export function aPerson(overrides: Partial<Person> = {}): Person {
  return { id: 7, title: 'Alex Morgan', email: 'alex.morgan@example.gov.uk', ...overrides };
}

/** An open action (In progress, Green), undated, never updated, with no resolved owner. */
export function aPlanItem(overrides: Partial<PlanItem> = {}): PlanItem {
  const id = overrides.id ?? newId();
  return {
    id,
    etag: `"${id},1"`,
    title: `Action ${id}`,
    plan: 'Climate Action Plan 2026',
    section: '1. Buildings and energy',
    actionRef: `R1.${id}`,
    actionDetails: `Deliver action ${id} of the plan.`,
    owner: null,
    ownerText: 'Head of Sustainability',
    resource: 'Existing resources',
    startDate: null,
    dueDate: null,
    dueText: '',
    ongoing: false,
    status: 'In progress',
    rag: 'Green',
    percentComplete: 0,
    latestUpdate: '',
    lastUpdated: null,
    measure: '',
    steeringGroup: 'Climate Board',
    completedDate: null,
    ...overrides,
  };
}

/** An owner's update that keeps an action In progress and Green, with a note. */
export function aStatusUpdate(overrides: Partial<StatusUpdate> = {}): StatusUpdate {
  return { status: 'In progress', rag: 'Green', percentComplete: 50, comment: 'Work is on track.', ...overrides };
}

/** A Progress Updates row: an In progress, Green update with no status or RAG change. */
export function aProgressUpdate(overrides: Partial<ProgressUpdate> = {}): ProgressUpdate {
  return {
    id: newId(),
    planItemId: 1,
    status: 'In progress',
    rag: 'Green',
    percentComplete: 50,
    comment: 'Work is on track.',
    author: aPerson(),
    created: '2026-11-02T09:00:00Z',
    dueDate: null,
    previousStatus: 'In progress',
    previousRag: 'Green',
    ...overrides,
  };
}
