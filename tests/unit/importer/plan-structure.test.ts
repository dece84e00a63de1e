import { parsePlanFile } from '../../../src/importer/parse-plan-file';

const tsv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));

describe('structure detection on plans it has never seen', () => {
  it('reads a Recommendation | Action | Target Completion Date | SRO table and keeps "Actions taken" tables as progress notes', async () => {
    const plan = await parsePlanFile(
      tsv([
        'Recommendation\tAction\tTarget Completion Date\tSenior Responsible Officer',
        'Recommendation 1: Improve housing repairs\tProcure a new repairs contract\t31/03/2024\tHead of Housing',
        '\tPublish repair times monthly\tMonthly\tHead of Housing',
        'Actions taken',
        'Repairs backlog reviewed in June',
        'Completed',
        'Tenant panel set up',
        'Recommendation\tAction\tTarget Completion Date\tSenior Responsible Officer',
        'Recommendation 2: Listen to tenants\tRun quarterly tenant surveys\tQ2 2024/25\tDirector of Communities',
      ]),
      'housing.tsv',
    );
    expect(plan.items.map((i) => [i.section, i.actionRef, i.owner, i.dueDate, i.ongoing])).toEqual([
      ['Recommendation 1: Improve housing repairs', 'R1-1', 'Head of Housing', '2024-03-31', false],
      ['Recommendation 1: Improve housing repairs', 'R1-2', 'Head of Housing', null, true],
      ['Recommendation 2: Listen to tenants', 'R2-1', 'Director of Communities', '2024-09-30', false],
    ]);
    expect(plan.progressNotes).toEqual([
      { section: 'Recommendation 1: Improve housing repairs', text: 'Repairs backlog reviewed in June', completed: true, where: 'housing.tsv line 5' },
      { section: 'Recommendation 1: Improve housing repairs', text: 'Tenant panel set up', completed: true, where: 'housing.tsv line 7' },
    ]);
  });

  it('reads "Initiatives already in train" as notes in progress, not completed', async () => {
    const plan = await parsePlanFile(
      tsv(['Action\tLead\tBy when', 'Theme: Health', 'Open two new clinics\tDr A Patel\tSpring 2025', 'Initiatives already in train', 'Outreach van running since May']),
      'health.txt',
    );
    expect(plan.progressNotes).toEqual([{ section: 'Theme: Health', text: 'Outreach van running since May', completed: false, where: 'health.txt line 5' }]);
    expect(plan.items).toHaveLength(1);
  });

  it('reads a narrative Priority / Outcomes / Actions / Lead / How measured plan', async () => {
    const plan = await parsePlanFile(
      tsv([
        'Priority\tOutcomes\tActions\tLead\tHow will this be measured\tTimescale',
        'Priority 1 Safer streets\tFewer incidents\t1.1 Install lighting on the canal path\tCommunity Safety Manager\tIncidents reported per quarter\tDec 2024',
        '\t\t1.2 Train wardens\tCommunity Safety Manager\tWardens trained\tJan to March 25',
      ]),
      'safety.tsv',
    );
    expect(plan.items.map((i) => [i.section, i.actionRef, i.measure, i.context, i.dueDate])).toEqual([
      ['Priority 1 Safer streets', '1.1', 'Incidents reported per quarter', 'Fewer incidents', '2024-12-31'],
      ['Priority 1 Safer streets', '1.2', 'Wardens trained', '', '2025-03-31'],
    ]);
  });

  it('rejoins an owner and date that slipped onto the next line, and a continuation line', async () => {
    const plan = await parsePlanFile(
      tsv([
        'Action\tOwner\tDue date\tRAG\tStatus',
        'Review the procurement policy so that social value\t\t\t',
        '\tJo Bloggs\tMar-24\tA\tIn progress',
        'Agree the funding with partners and\tSam Smith\tDec 2024\tG\tComplete',
        'publish the agreement\t\t\t',
      ]),
      'slips.tsv',
    );
    expect(plan.items.map((i) => [i.action, i.owner, i.dueDate, i.rag, i.status])).toEqual([
      ['Review the procurement policy so that social value', 'Jo Bloggs', '2024-03-31', 'Amber', 'In progress'],
      ['Agree the funding with partners and publish the agreement', 'Sam Smith', '2024-12-31', 'Green', 'Completed'],
    ]);
  });

  it('ignores repeated headers, page numbers and running headings', async () => {
    const plan = await parsePlanFile(
      tsv([
        'COUNCIL ACTION PLAN 2024 – PAGE HEADING TEXT',
        'Action\tResponsible officer\tBy when',
        'Write the strategy\tHead of Policy\tJune 2024',
        '2',
        'COUNCIL ACTION PLAN 2024 – PAGE HEADING TEXT',
        'Action\tResponsible officer\tBy when',
        'Consult residents\tHead of Policy\tSept 2024',
        'Page 3 of 3',
      ]),
      'furniture.txt',
    );
    expect(plan.items.map((i) => i.action)).toEqual(['Write the strategy', 'Consult residents']);
    expect(plan.warnings).toEqual([]);
  });

  it('exposes the detected column mapping and accepts an override', async () => {
    const bytes = tsv(['Task\tWho\tWhen', 'Write the strategy\tHead of Policy\tJune 2024']);
    const detected = await parsePlanFile(bytes, 'm.tsv');
    expect(detected.mappings).toEqual([{ source: 'm.tsv', header: ['Task', 'Who', 'When'], mapping: { 0: 'action', 1: 'owner', 2: 'due' } }]);
    const overridden = await parsePlanFile(bytes, 'm.tsv', { mapping: { 0: 'action', 1: 'resource', 2: 'due' } });
    expect([overridden.items[0].owner, overridden.items[0].resource]).toEqual(['', 'Head of Policy']);
  });

  it('makes a readable title and keeps the full text', async () => {
    const long = `Deliver a comprehensive programme of training for every manager in the council, covering recruitment, induction, appraisal and the handling of grievances, with refreshers every two years. Then review it.`;
    const plan = await parsePlanFile(tsv(['Action\tOwner\tDue', `${long}\tHR\t2025`]), 't.tsv');
    expect(plan.items[0].title.length).toBeLessThanOrEqual(150);
    expect(plan.items[0].title).toMatch(/^Deliver a comprehensive programme of training .*…$/);
    expect(plan.items[0].title).not.toMatch(/\s…$/);
    expect(plan.items[0].action).toBe(long);
  });

  it('gives actions with no ref a section hash that does not move when another section grows', async () => {
    const base = ['Action\tOwner\tDue', 'Housing', 'Fix roofs\tA\t2025', 'Transport', 'Add buses\tB\t2025'];
    const before = await parsePlanFile(tsv(base), 'h.tsv');
    const after = await parsePlanFile(tsv([...base.slice(0, 3), 'Insulate lofts\tA\t2026', ...base.slice(3)]), 'h.tsv');
    const ref = (p: typeof before, action: string) => p.items.find((i) => i.action === action)!.actionRef;
    expect(ref(after, 'Add buses')).toBe(ref(before, 'Add buses'));
    expect(ref(after, 'Fix roofs')).toBe(ref(before, 'Fix roofs'));
    expect(ref(before, 'Add buses')).toMatch(/^S[0-9A-Z]+-1$/);
  });
});
