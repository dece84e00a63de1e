import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { register } from '../../../src/cli/commands/import';
import { importIntoSite } from '../../../src/cli/site-import';
import { IMPORTED_PREFIX } from '../../../src/importer/imported-progress';
import { importPlan } from '../../../src/importer/import-plan';
import { parseOwnersCsv } from '../../../src/importer/owners-file';
import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import { serialiseImportMapping, type ImportMapping } from '../../../src/importer/row-kinds';
import type { ParsedPlan } from '../../../src/importer/table';
import { LIST } from '../../../src/sharepoint/list-names';
import { SharePointOwnerAliases } from '../../../src/sharepoint/owner-aliases-repository';
import { SharePointPlans } from '../../../src/sharepoint/plans-repository';
import { startTestSite, type TestSite } from '../../support/test-site';

const SAMPLE = path.resolve(__dirname, '../../../sample');
const PLAN_FILE = path.join(SAMPLE, 'bame-inequalities-commission.txt');
const TODAY = '2026-11-24';
const users = readFileSync(path.join(SAMPLE, 'users.csv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [name, email] = line.split(',');
  return { name, email };
});
const parseSample = (plan: string) => parsePlanFile(new Uint8Array(readFileSync(PLAN_FILE)), 'bame-inequalities-commission.txt', { plan });
const ownersFile = () => parseOwnersCsv(readFileSync(path.join(SAMPLE, 'owners.csv'), 'utf8'));

describe('importing a plan as one plan of the site (Plans row, lease, owner aliases, progress notes)', () => {
  let t: TestSite;
  let plans: SharePointPlans;
  beforeAll(async () => {
    t = await startTestSite({ users: [{ name: 'Plan Admin', email: 'admin@contoso.example' }, ...users] });
    plans = new SharePointPlans(t.site.sp);
  });
  afterAll(() => t.close());

  it('records the plan in the Plans list and remembers owners-file links as aliases that the next import reuses', async () => {
    const plan = 'BAME Aliases';
    const first = await importIntoSite(t.site, await parseSample(plan), { source: 'bame.txt', group: 'Equality Board', ownersFile: ownersFile(), holder: 'test' });
    expect(first.summary.added).toBe(79);
    const row = await plans.findByName(plan);
    expect(row).toMatchObject({ name: plan, sourceFile: 'bame.txt', steeringGroup: 'Equality Board', status: 'Active' });
    expect(row?.lastImported).toBeTruthy();
    const aliases = await new SharePointOwnerAliases(t.site.sp).all();
    expect(aliases.size).toBeGreaterThanOrEqual(4);

    // Another plan naming the same owners, imported with no owners file: the aliases link them.
    const other = 'BAME Aliases Reused';
    const second = await importIntoSite(t.site, await parseSample(other), { source: 'bame.txt', holder: 'test' });
    const before = await t.site.plans.query({ plan }, { today: TODAY });
    const after = await t.site.plans.query({ plan: other }, { today: TODAY });
    const owners = (items: typeof before) => items.map((i) => `${i.actionRef}:${i.owner?.email ?? '-'}`).sort();
    expect(owners(after)).toEqual(owners(before));
    expect(second.toConfirm.map((p) => p.text)).not.toContain('Sharon Godman Director Strategy, Improvement and Transformation');
  });

  it('links full names without an owners file and lists what needs a person to confirm', async () => {
    const plan = 'BAME Names';
    const { toConfirm } = await importIntoSite(t.site, await parseSample(plan), { source: 'bame.txt', holder: 'test' });
    const stored = await t.site.plans.query({ plan }, { today: TODAY });
    // "Somen Banerjee, Director of Public Health" names a site user in full.
    expect(stored.find((i) => i.ownerText.startsWith('Somen Banerjee'))?.owner?.email).toMatch(/somen/i);
    expect(stored.filter((i) => i.ownerText.startsWith('Health & Wellbeing Board')).every((i) => i.owner === null)).toBe(true);
    expect(toConfirm.every((p) => !p.confident)).toBe(true);
  });

  it('waits for, then refuses, an import of a plan another import holds; takes over an expired lease and says so', async () => {
    const plan = 'BAME Leased';
    await plans.upsert({ name: plan });
    const held = await plans.takeImportLease(plan, 'another importer', 'their-token');
    expect(held.taken).toBe(true);
    const parsed = await parseSample(plan);
    await expect(importPlan(parsed, { repository: t.site.plans, plans, ownerIds: new Map(), holder: 'me', waitMs: 0 })).rejects.toThrow(/being imported by another importer/);
    expect(await t.site.plans.query({ plan }, { today: TODAY })).toHaveLength(0);

    // Their lease runs out (they died): the next import takes it over at once.
    await plans.takeImportLease(plan, 'another importer', 'their-token', -1000);
    const summary = await importPlan(parsed, { repository: t.site.plans, plans, ownerIds: new Map(), holder: 'me', waitMs: 0 });
    expect(summary.added).toBe(79);
    expect(summary.tookOverFrom?.holder).toBe('another importer');
    // Released at the end: a third import need not wait.
    expect((await plans.takeImportLease(plan, 'third', 'third-token')).taken).toBe(true);
  });

  it('writes progress notes as imported Progress Updates rows, dated where the plan dates them, once', async () => {
    const plan = 'BAME Progress';
    const sample = await parseSample(plan);
    const section = sample.items.find((i) => sample.items.filter((j) => j.section === i.section).length === 1)!;
    const parsed: ParsedPlan = { ...sample, progressNotes: [{ section: section.section, text: '12/03/2024: pledge drafted and agreed by CMT', completed: false, where: 'bame.txt line 9' }] };
    const first = await importIntoSite(t.site, parsed, { source: 'bame.txt', holder: 'test' });
    expect(first.summary.progressNotes).toBe(1);
    const [item] = await t.site.plans.findByActionRefs(plan, [section.actionRef]);
    const history = await t.site.plans.history(item.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ comment: `${IMPORTED_PREFIX}12/03/2024: pledge drafted and agreed by CMT`, created: expect.stringMatching(/^2024-03-12/) });
    const rows = (await t.site.sp.web.lists.getByTitle(LIST.progressUpdates).items.select('Title').filter(`PlanItemId eq ${item.id}`)()) as { Title: string }[];
    expect(rows.map((r) => r.Title)).toEqual(['Imported from bame.txt']);

    const again = await importIntoSite(t.site, parsed, { source: 'bame.txt', holder: 'test' });
    expect(again.summary.progressNotes).toBe(0);
    expect(await t.site.plans.history(item.id)).toHaveLength(1);
  });

  it('leaves each ActionRef once when three imports of one plan run at once under the lease', async () => {
    const plan = 'BAME Three';
    const parsed = await parseSample(plan);
    const sessions = await Promise.all([1, 2, 3].map(() => t.sessionAs('admin@contoso.example')));
    await Promise.all(sessions.map((s, i) => importIntoSite(s, parsed, { source: 'bame.txt', holder: `importer ${i}` })));
    const stored = await t.site.plans.query({ plan }, { today: TODAY });
    expect(stored).toHaveLength(79);
    expect(new Set(stored.map((i) => i.actionRef)).size).toBe(79);
  });

  it('`plan-tracker import` reads a revised plan with the mapping saved for it', async () => {
    const plan = 'BAME Mapped';
    const detected = (await parseSample(plan)).mappings.find((m) => Object.values(m.mapping).includes('action'))!;
    const columns = Object.fromEntries(Object.entries(detected.mapping).map(([index, role]) => [role, Number(index)])) as ImportMapping['columns'];
    await plans.upsert({ name: plan, importMapping: serialiseImportMapping({ columns }) });
    const out: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
    try {
      const program = new Command('plan-tracker').exitOverride();
      register(program);
      await program.parseAsync(['node', 'plan-tracker', 'import', PLAN_FILE, '--site', t.siteUrl, '--plan', plan, '--json']);
    } finally {
      log.mockRestore();
    }
    const result = JSON.parse(out.join('\n')) as { added: number; reusedSavedMapping: boolean };
    expect(result).toMatchObject({ added: 79, reusedSavedMapping: true });
    expect((await plans.findByName(plan))?.importMapping).toContain('"action"');
  });
});
