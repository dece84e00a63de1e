import { toIsoDate } from '../../../src/domain/dates';
import { matchesFilter } from '../../../src/domain/match-filter';
import type { PlanItem } from '../../../src/domain/plan-item';
import { readRows } from '../../../src/tab/pages/plan/plan-rows';
import { emptyBar, planViewQuery, type PlanBarFilter } from '../../../src/tab/pages/plan/plan-state';
import { SAVED_VIEWS } from '../../../src/tab/pages/plan/saved-views';
import { daysFromToday, TEST_USERS } from '../../e2e/support/seed';
import { GENERATED_GROUPS, GENERATED_SECTIONS, seedGeneratedPlan } from '../../e2e/support/generated-plan';
import type { SiteSession } from '../../../src/sharepoint/open-site';
import { startTestSite, type TestSite } from '../../support/test-site';

const PLAN = 'Large plan';
/** Row ids in ascending order, duplicates kept (so a row returned twice fails). */
const ids = (rows: PlanItem[]) => rows.map((r) => r.id).sort((a, b) => a - b);
const PLAN_SIZE = 6000;

describe('plan view filters on a 6,000-action plan with the list view threshold at 5,000', () => {
  let t: TestSite;
  let all: PlanItem[];
  let ownerId: number;
  let owner: SiteSession;
  const today = toIsoDate(new Date());

  beforeAll(async () => {
    t = await startTestSite({ users: TEST_USERS, threshold: 5000 });
    const owners = await seedGeneratedPlan(t.site, PLAN_SIZE, { plan: PLAN, seed: 11 });
    ownerId = owners[2].id;
    // The tab's session acts as that owner, so "My actions" and "me" mean the same person everywhere.
    owner = await t.sessionAs(owners[2].email!);
    // The truth: every row, read in ID order (always allowed), checked with the domain rule.
    all = await t.site.plans.query({}, { today, orderBy: [{ field: 'ID', ascending: true }] });
  }, 180_000);
  afterAll(() => t?.close());

  it('really is past the threshold: the plan alone is refused by the server', async () => {
    expect(all).toHaveLength(PLAN_SIZE);
    await expect(t.site.plans.query({ plan: PLAN }, { today })).rejects.toThrow(/threshold/i);
  });

  const bars: [string, Partial<PlanBarFilter>][] = [
    ['nothing (the whole plan)', {}],
    ['owner', { ownerId: -1 }],
    ['one status', { statuses: ['In progress'] }],
    ['several statuses', { statuses: ['Not started', 'On hold', 'Cancelled'] }],
    ['RAG Red', { rags: ['Red'] }],
    ['RAG Amber or Green', { rags: ['Amber', 'Green'] }],
    ['section', { section: GENERATED_SECTIONS[3] }],
    ['due in the next 30 days', { dueWithinDays: 30 }],
    ['due from / to', { dueFrom: daysFromToday(-60), dueTo: daysFromToday(60) }],
    ['overdue', { overdue: true }],
    ['free text', { text: "o'brien" }],
    ['overdue + Red + owner', { overdue: true, rags: ['Red'], ownerId: -1 }],
    ['free text + section', { text: 'publish', section: GENERATED_SECTIONS[0] }],
  ];

  it.each(bars)('filter by %s returns exactly the matching rows and is not refused', async (_name, patch) => {
    const bar = { ...emptyBar(), ...patch, ...(patch.ownerId ? { ownerId } : {}) };
    for (const scope of [{}, { plan: PLAN }, { plan: PLAN, steeringGroup: GENERATED_GROUPS[1] }]) {
      const query = planViewQuery({ view: 'All actions', bar, ...scope }, SAVED_VIEWS);
      const result = await readRows({ plans: owner.plans, currentUserId: ownerId }, query.filter, { today, orderBy: query.orderBy });
      const expected = all.filter((i) => matchesFilter(i, query.filter, { today, currentUserId: ownerId }));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(result.rows)).toEqual(ids(expected));
    }
  });

  it('reads through an index where one narrows enough, and scans the list only when SharePoint refuses', async () => {
    const source = { plans: owner.plans, currentUserId: ownerId };
    const run = (bar: Partial<PlanBarFilter>) => {
      const query = planViewQuery({ view: 'All actions', bar: { ...emptyBar(), ...bar }, plan: PLAN }, SAVED_VIEWS);
      return readRows(source, query.filter, { today, orderBy: query.orderBy });
    };
    expect((await run({ ownerId })).via).toBe('server');
    expect((await run({ section: GENERATED_SECTIONS[1] })).via).toBe('server');
    expect((await run({})).via).toBe('list-scan');
    // The first screen is asked for with $top; a refusal still yields every matching row at once.
    const query = planViewQuery({ view: 'All actions', bar: emptyBar(), plan: PLAN }, SAVED_VIEWS);
    const first = await readRows(source, query.filter, { today, orderBy: query.orderBy, top: 60 });
    expect(first).toMatchObject({ via: 'list-scan', complete: true });
    expect(first.rows).toHaveLength(PLAN_SIZE);
    const narrow = await readRows(source, { ...query.filter, ownerId }, { today, orderBy: query.orderBy, top: 60 });
    expect(narrow).toMatchObject({ via: 'server', complete: false });
    expect(narrow.rows).toHaveLength(60);
  });

  it('answers each saved view of the whole list too', async () => {
    for (const view of SAVED_VIEWS) {
      const query = planViewQuery({ view: view.title, bar: emptyBar() }, SAVED_VIEWS);
      const result = await readRows({ plans: owner.plans, currentUserId: ownerId }, query.filter, { today, orderBy: query.orderBy });
      const expected = all.filter((i) => matchesFilter(i, query.filter, { today, currentUserId: ownerId }));
      expect(ids(result.rows)).toEqual(ids(expected));
    }
  });
});
