import { applyImport } from '../../../src/importer/apply-import';
import { ownerKey } from '../../../src/importer/owners-file';
import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import type { ParsedPlan } from '../../../src/importer/table';
import { MemoryPlanRepository } from './memory-plan-repository';
import { planBytes } from './plan-fixtures';

const PLAN = 'BAME Inequalities Commission';
const parseBame = () => parsePlanFile(planBytes('bame-inequalities-commission.txt'), 'bame-inequalities-commission.txt', { plan: PLAN });
const SHARON = 'Sharon Godman Director Strategy, Improvement and Transformation';

describe('applyImport', () => {
  let parsed: ParsedPlan;
  beforeEach(async () => {
    parsed = await parseBame();
  });

  it('adds every action once, with plan fields, group, resolved owners and defaults', async () => {
    const repository = new MemoryPlanRepository();
    const summary = await applyImport(parsed, { repository, plan: PLAN, group: 'Race Equality Network', ownerIds: new Map([[ownerKey(SHARON), 41]]) });
    expect(summary).toMatchObject({ added: 79, updated: 0, unchanged: 0 });
    expect(repository.saves).toBe(1);
    const pledge = repository.items.find((i) => i.actionRef === 'R1.A-1')!;
    expect(pledge).toMatchObject({ plan: PLAN, section: 'R1.A. Race Equality Pledge', ownerText: SHARON, dueDate: '2021-07-31', dueText: 'Jul-21', steeringGroup: 'Race Equality Network', status: 'Not started' });
    expect(pledge.owner?.id).toBe(41);
    expect(summary.unresolvedOwners).toContain('All Corporate Directors');
    expect(summary.unresolvedOwners).not.toContain(SHARON);
  });

  it('changes nothing when the same plan is imported again', async () => {
    const repository = new MemoryPlanRepository();
    await applyImport(parsed, { repository, plan: PLAN, ownerIds: new Map() });
    const again = await applyImport(await parseBame(), { repository, plan: PLAN, ownerIds: new Map() });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 79 });
    expect(repository.items).toHaveLength(79);
    expect(repository.saves).toBe(1);
  });

  it('updates changed plan fields and adds new actions, but keeps what owners entered', async () => {
    const repository = new MemoryPlanRepository();
    await applyImport(parsed, { repository, plan: PLAN, ownerIds: new Map() });
    const pledge = repository.items.find((i) => i.actionRef === 'R1.A-1')!;
    Object.assign(pledge, { status: 'In progress', rag: 'Amber', percentComplete: 40, latestUpdate: 'Draft pledge out for comment', completedDate: null });
    const revisedText = new TextDecoder()
      .decode(planBytes('bame-inequalities-commission.txt'))
      .replace('Existing Resources\tMay-21\tJul-21', 'Existing Resources\tMay-21\tSep-21')
      .replace('R1.B. Race Equality Network\t\t\t\t\n', 'R1.B. Race Equality Network\t\t\t\t\nPublish the network terms of reference\tExisting Resources\t\tDec-21\tSharon Godman Director Strategy, Improvement and Transformation\n');
    const revised = await parsePlanFile(new TextEncoder().encode(revisedText), 'bame-inequalities-commission.txt', { plan: PLAN });
    const summary = await applyImport(revised, { repository, plan: PLAN, ownerIds: new Map() });
    // The new action lands first in R1.B; the existing R1.B action keeps its item and ref.
    expect(summary).toMatchObject({ added: 1, updated: 1, unchanged: 78 });
    const network = repository.items.filter((i) => i.section === 'R1.B. Race Equality Network');
    expect(network.map((i) => [i.actionRef, i.title.slice(0, 30)])).toEqual([
      ['R1.B-1', 'Set up the Tower Hamlets Race '],
      ['R1.B-2', 'Publish the network terms of r'],
    ]);
    expect(pledge).toMatchObject({ dueText: 'Sep-21', dueDate: '2021-09-30', status: 'In progress', rag: 'Amber', percentComplete: 40, latestUpdate: 'Draft pledge out for comment' });
    expect(repository.items).toHaveLength(80);
  });

  it('keeps a due date an owner revised when the plan’s date text has not changed', async () => {
    const repository = new MemoryPlanRepository();
    await applyImport(parsed, { repository, plan: PLAN, ownerIds: new Map() });
    const pledge = repository.items.find((i) => i.actionRef === 'R1.A-1')!;
    pledge.dueDate = '2021-12-31';
    const summary = await applyImport(await parseBame(), { repository, plan: PLAN, ownerIds: new Map() });
    expect(summary.unchanged).toBe(79);
    expect(pledge.dueDate).toBe('2021-12-31');
  });

  it('leaves no duplicates when a batch fails part-way and the same import is run again', async () => {
    const repository = new MemoryPlanRepository();
    repository.failAfterAdds = 30;
    await expect(applyImport(parsed, { repository, plan: PLAN, ownerIds: new Map() })).rejects.toThrow(/429/);
    expect(repository.items).toHaveLength(30);
    const retry = await applyImport(await parseBame(), { repository, plan: PLAN, ownerIds: new Map() });
    expect(retry).toMatchObject({ added: 49, unchanged: 30 });
    expect(new Set(repository.items.map((i) => i.actionRef)).size).toBe(79);
    expect(repository.items).toHaveLength(79);
  });

  it('writes nothing when any item is invalid', async () => {
    const repository = new MemoryPlanRepository();
    const broken = { ...parsed, items: parsed.items.map((i, n) => (n === 50 ? { ...i, action: ' ' } : i)) };
    await expect(applyImport(broken, { repository, plan: PLAN, ownerIds: new Map() })).rejects.toThrow(/Nothing was imported: .*line \d+: no action text/);
    expect(repository.saves).toBe(0);
  });

  it('shortens text longer than a SharePoint text field and says so', async () => {
    const repository = new MemoryPlanRepository();
    const long = { ...parsed, items: [{ ...parsed.items[0], owner: `${'Director of Everything '.repeat(15)}` }] };
    const summary = await applyImport(long, { repository, plan: PLAN, ownerIds: new Map() });
    expect(repository.items[0].ownerText.length).toBeLessThanOrEqual(255);
    expect(summary.warnings[0].message).toMatch(/Owner is longer than/);
  });

  it('repairs duplicates an older version left: keeps the copy an owner updated, recycles the bare one, keys the keeper', async () => {
    const repository = new MemoryPlanRepository();
    await applyImport(parsed, { repository, plan: PLAN, ownerIds: new Map() });
    const original = repository.items.find((i) => i.actionRef === 'R1.A-1')!;
    // An older version added the same action twice and wrote no keys.
    repository.items.push({ ...original, id: 999, etag: '"999,1"' });
    repository.unkeyed = new Set([original.id, 999]);
    repository.withHistory.add(999);
    const summary = await applyImport(parsed, { repository, plan: PLAN, ownerIds: new Map() });
    expect(summary).toMatchObject({ added: 0, repaired: 1, updated: 1 });
    expect(repository.recycled).toEqual([original.id]);
    expect(repository.items.filter((i) => i.actionRef === 'R1.A-1').map((i) => i.id)).toEqual([999]);
    expect(repository.unkeyed.has(999)).toBe(false);
  });

  it('keeps two copies that both carry history, and says which one it keeps up to date', async () => {
    const repository = new MemoryPlanRepository();
    await applyImport(parsed, { repository, plan: PLAN, ownerIds: new Map() });
    const original = repository.items.find((i) => i.actionRef === 'R1.A-1')!;
    repository.items.push({ ...original, id: 998, etag: '"998,1"' });
    repository.withHistory = new Set([original.id, 998]);
    const summary = await applyImport(parsed, { repository, plan: PLAN, ownerIds: new Map() });
    expect(summary.repaired).toBe(0);
    expect(summary.warnings.map((w) => w.message).join('\n')).toMatch(/R1\.A-1 is stored 2 times/);
    expect(repository.recycled).toEqual([]);
  });

  it('writes progress notes once, tied to their action, dated where the note gives a date', async () => {
    const repository = new MemoryPlanRepository();
    const lone = parsed.items.find((i) => parsed.items.filter((j) => j.section === i.section).length === 1)!;
    const withNotes: ParsedPlan = { ...parsed, progressNotes: [
      { section: lone.section, text: 'March 2024 – consultation closed', completed: false, where: 'line 5' },
      { section: 'R1.A. Race Equality Pledge', text: 'Work under way across the section', completed: false, where: 'line 6' },
    ] };
    const first = await applyImport(withNotes, { repository, plan: PLAN, ownerIds: new Map(), source: 'plan.docx', now: '2026-11-30T09:00:00Z' });
    expect(first.progressNotes).toBe(1);
    expect(repository.imported).toEqual([expect.objectContaining({ title: 'Imported from plan.docx', comment: '[Imported from the plan] March 2024 – consultation closed', updatedAt: '2024-03-01T12:00:00Z' })]);
    expect(first.warnings.map((w) => w.message).join('\n')).toMatch(/could not be tied to one action/);
    const again = await applyImport(withNotes, { repository, plan: PLAN, ownerIds: new Map(), source: 'plan.docx', now: '2026-12-01T09:00:00Z' });
    expect(again.progressNotes).toBe(0);
    expect(repository.imported).toHaveLength(1);
  });
});
