import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyImport } from '../../../src/importer/apply-import';
import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import { LIST } from '../../../src/sharepoint/list-names';
import { startTestSite, type TestSite } from '../../support/test-site';

const PLAN_FILE = path.resolve(__dirname, '../../../sample/bame-inequalities-commission.txt');
const TODAY = '2026-11-24';
const parseSample = (plan: string) => parsePlanFile(new Uint8Array(readFileSync(PLAN_FILE)), 'bame-inequalities-commission.txt', { plan });

describe('imports of one plan that run at the same time', () => {
  let t: TestSite;
  beforeAll(async () => {
    t = await startTestSite();
  });
  afterAll(() => t.close());

  it('leaves each ActionRef once when three imports of one plan run at once (SharePoint refuses the second add)', async () => {
    const plan = 'BAME Concurrent';
    const sessions = await Promise.all([1, 2, 3].map(() => t.sessionAs('admin@contoso.example')));
    const parsed = await parseSample(plan);
    const summaries = await Promise.all(sessions.map((s) => applyImport(parsed, { repository: s.plans, plan, ownerIds: new Map() })));

    const stored = await t.site.plans.query({ plan }, { today: TODAY });
    expect(stored).toHaveLength(79);
    expect(new Set(stored.map((i) => i.actionRef)).size).toBe(79);
    // Every action was added by exactly one of the three; the others updated or found it.
    expect(summaries.reduce((n, s) => n + s.added, 0)).toBe(79);
    // The three read before any wrote, so the later writers met SharePoint's refusal and re-read.
    expect(summaries.reduce((n, s) => n + s.collisions, 0)).toBeGreaterThan(0);
    const again = await applyImport(parsed, { repository: t.site.plans, plan, ownerIds: new Map() });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 79, repaired: 0 });
  });

  it('refuses a second item with the same plan and ActionRef at SharePoint, whatever the case or spacing', async () => {
    const plan = 'Key Check';
    await t.site.plans.saveMany([{ title: 'One', plan, section: 'S', actionRef: 'K-1', actionDetails: 'One', ownerText: '', resource: '', startDate: null, dueDate: null, dueText: '', ongoing: false, measure: '', steeringGroup: '' }], []);
    await expect(t.site.plans.saveMany([{ title: 'Two', plan: ' key  check ', section: 'S', actionRef: 'k-1', actionDetails: 'Two', ownerText: '', resource: '', startDate: null, dueDate: null, dueText: '', ongoing: false, measure: '', steeringGroup: '' }], []))
      .rejects.toThrow(/duplicate values/i);
  });

  it('repairs duplicates an older version left: keeps the copy with history, recycles the bare one, and keys the keeper', async () => {
    const plan = 'BAME Legacy';
    const parsed = await parseSample(plan);
    const items = t.site.sp.web.lists.getByTitle(LIST.planItems).items;
    // Two copies of one action with no PlanActionKey, as imports before the key wrote them.
    const legacy = { Title: 'Legacy', Plan: plan, Section: parsed.items[0].section, ActionRef: parsed.items[0].actionRef, ActionDetails: parsed.items[0].action };
    const bare = (await items.add(legacy)) as { Id: number };
    const withHistory = (await items.add(legacy)) as { Id: number };
    await t.site.sp.web.lists.getByTitle(LIST.progressUpdates).items.add({ Title: 'note', PlanItemId: withHistory.Id, Status: 'In progress', Comment: 'Started', UpdatedAt: '2026-11-01T10:00:00Z' });

    const summary = await applyImport(parsed, { repository: t.site.plans, plan, ownerIds: new Map() });
    expect(summary).toMatchObject({ added: 78, repaired: 1 });
    expect(summary.warnings.map((w) => w.message).join('\n')).toMatch(/Removed 1 duplicate/);
    const copies = await t.site.plans.findByActionRefs(plan, [parsed.items[0].actionRef]);
    expect(copies.map((c) => c.id)).toEqual([withHistory.Id]);
    await expect(t.site.plans.getById(bare.Id)).rejects.toThrow(/does not exist/);
    // The keeper now carries its key: a plain add of the same action is refused by SharePoint.
    await expect(t.site.plans.saveMany([{ title: 'Again', plan, section: 'S', actionRef: parsed.items[0].actionRef, actionDetails: 'x', ownerText: '', resource: '', startDate: null, dueDate: null, dueText: '', ongoing: false, measure: '', steeringGroup: '' }], []))
      .rejects.toThrow(/duplicate values/i);
  });
});
