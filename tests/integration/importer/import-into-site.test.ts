import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { register } from '../../../src/cli/commands/import';
import type { NewPlanItem } from '../../../src/domain/plan-item';
import type { ItemChange, PlanRepository } from '../../../src/domain/ports';
import { applyImport } from '../../../src/importer/apply-import';
import { ownerKey, parseOwnersCsv } from '../../../src/importer/owners-file';
import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import { startTestSite, type TestSite } from '../../support/test-site';

const SAMPLE = path.resolve(__dirname, '../../../sample');
const PLAN_FILE = path.join(SAMPLE, 'bame-inequalities-commission.txt');
const TODAY = '2026-11-24';
const users = readFileSync(path.join(SAMPLE, 'users.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [name, email] = line.split(',');
    return { name, email };
  });

const parseSample = (plan: string) => parsePlanFile(new Uint8Array(readFileSync(PLAN_FILE)), 'bame-inequalities-commission.txt', { plan });

/** Resolves the sample owners file through the site, as the CLI does. */
async function ownerIds(t: TestSite): Promise<Map<string, number>> {
  const owners = parseOwnersCsv(readFileSync(path.join(SAMPLE, 'owners.csv'), 'utf8'));
  const ids = new Map<string, number>();
  for (const [key, email] of owners) ids.set(key, (await t.site.ensureUser(email)).id);
  return ids;
}

/** A repository whose saveMany writes the first `n` adds, then fails: a batch failing part-way. */
function failingAfter(repository: PlanRepository, n: number): PlanRepository {
  return Object.assign(Object.create(repository) as PlanRepository, {
    async saveMany(adds: NewPlanItem[], changes: ItemChange[]) {
      await repository.saveMany(adds.slice(0, n), []);
      throw new Error(`$batch failed after ${n} of ${adds.length + changes.length} operations`);
    },
  });
}

describe('importing the sample plan into the embedded SharePoint site', () => {
  let t: TestSite;
  beforeAll(async () => {
    t = await startTestSite({ users: [{ name: 'Plan Admin', email: 'admin@contoso.example' }, ...users] });
  });
  afterAll(() => t.close());

  it('adds every action with owners resolved, then finds nothing to change on a re-import', async () => {
    const plan = 'BAME Commission';
    const ids = await ownerIds(t);
    const first = await applyImport(await parseSample(plan), { repository: t.site.plans, plan, group: 'Race Equality Network', ownerIds: ids });
    expect(first).toMatchObject({ added: 79, updated: 0, unchanged: 0 });
    expect(first.unresolvedOwners).toEqual(expect.arrayContaining(['All Corporate Directors', 'Health & Wellbeing Board']));

    const stored = await t.site.plans.query({ plan }, { today: TODAY });
    expect(stored).toHaveLength(79);
    const pledge = stored.find((i) => i.actionRef === 'R1.A-1')!;
    expect(pledge).toMatchObject({ section: 'R1.A. Race Equality Pledge', dueDate: '2021-07-31', dueText: 'Jul-21', ongoing: false, steeringGroup: 'Race Equality Network', status: 'Not started', resource: 'Existing Resources' });
    expect(pledge.owner?.email).toBe('sharon.godman@contoso.example');
    expect(stored.find((i) => i.actionRef === 'R1.C-1')).toMatchObject({ ongoing: true, dueDate: null, owner: null, ownerText: 'All Corporate Directors' });

    const again = await applyImport(await parseSample(plan), { repository: t.site.plans, plan, ownerIds: ids });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 79 });
  });

  it('never overwrites what an owner entered when the plan is re-imported', async () => {
    const plan = 'BAME Owner Updates';
    await applyImport(await parseSample(plan), { repository: t.site.plans, plan, ownerIds: new Map() });
    const [item] = await t.site.plans.findByActionRefs(plan, ['R.23-1']);
    await t.site.plans.updateStatus(item, { status: 'In progress', rag: 'Amber', percentComplete: 30, comment: 'Coaching pilot under way' }, '2026-11-20T10:00:00Z');
    const summary = await applyImport(await parseSample(plan), { repository: t.site.plans, plan, ownerIds: new Map() });
    expect(summary.unchanged).toBe(79);
    const [after] = await t.site.plans.findByActionRefs(plan, ['R.23-1']);
    expect(after).toMatchObject({ status: 'In progress', rag: 'Amber', percentComplete: 30 });
  });

  it('leaves no duplicates when a batch fails part-way and the same import is run again', async () => {
    const plan = 'BAME Retry';
    await expect(applyImport(await parseSample(plan), { repository: failingAfter(t.site.plans, 40), plan, ownerIds: new Map() })).rejects.toThrow(/failed after 40/);
    expect(await t.site.plans.query({ plan }, { today: TODAY })).toHaveLength(40);
    const retry = await applyImport(await parseSample(plan), { repository: t.site.plans, plan, ownerIds: new Map() });
    expect(retry).toMatchObject({ added: 39, unchanged: 40 });
    const stored = await t.site.plans.query({ plan }, { today: TODAY });
    expect(stored).toHaveLength(79);
    expect(new Set(stored.map((i) => i.actionRef)).size).toBe(79);
  });

  it('imports completely through throttling (429 with Retry-After) without duplicates', async () => {
    const plan = 'BAME Throttled';
    t.emulator.setFaults({ 429: 0.3 });
    try {
      const summary = await applyImport(await parseSample(plan), { repository: t.site.plans, plan, ownerIds: new Map() });
      expect(summary.added).toBe(79);
    } finally {
      t.emulator.setFaults({});
    }
    const stored = await t.site.plans.query({ plan }, { today: TODAY });
    expect(new Set(stored.map((i) => i.actionRef)).size).toBe(79);
    expect(stored).toHaveLength(79);
  });

  it('runs `plan-tracker import` against the site with an owners file and prints the summary', async () => {
    const program = new Command('plan-tracker').exitOverride();
    register(program);
    const out: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
    try {
      await program.parseAsync(['node', 'plan-tracker', 'import', PLAN_FILE, '--site', t.siteUrl, '--plan', 'BAME CLI', '--group', 'Race Equality Network', '--owners', path.join(SAMPLE, 'owners.csv'), '--json']);
    } finally {
      log.mockRestore();
    }
    const summary = JSON.parse(out.join('\n'));
    expect(summary).toMatchObject({ plan: 'BAME CLI', added: 79, updated: 0, unchanged: 0 });
    expect(summary.unresolvedOwners).not.toContain('Sharon Godman Director Strategy, Improvement and Transformation');
    const stored = await t.site.plans.query({ plan: 'BAME CLI' }, { today: TODAY });
    expect(stored.filter((i) => i.owner !== null).length).toBeGreaterThan(30);
    expect(ownerKey('Somen Banerjee , Director of Public Health')).toBe(ownerKey('Somen Banerjee, Director of Public Health'));
  });
});
