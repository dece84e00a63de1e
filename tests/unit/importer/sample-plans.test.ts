import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import type { ParsedPlan } from '../../../src/importer/table';
import { actionStartingWith, pinned, planBytes, type Expected } from './plan-fixtures';

// Every expectation below was worked out by reading the plan text, not from importer output.

const SHARON = 'Sharon Godman Director Strategy, Improvement and Transformation';
const ALI = 'Ali Littlewood Director, HR & Workforce Development';
const VICKY = 'Vicky Clark Director, Growth and Economic Development';

describe('importing the scrutiny review action plan', () => {
  let plan: ParsedPlan;
  beforeAll(async () => {
    plan = await parsePlanFile(planBytes('scrutiny-review-staff-representation.txt'), 'scrutiny-review-staff-representation.txt');
  });

  it('finds the seven actions and no recommendation, comment or page heading as an action', () => {
    expect(plan.items).toHaveLength(7);
    expect(plan.items.some((i) => /^(Recommendation|Comment from service|SCRUTINY REVIEW)/.test(i.action))).toBe(false);
  });

  it.each<[string, Expected]>([
    ['Implement a talent management programme', { section: expect.stringMatching(/^Recommendation 1: The council should adopt a new talent management process/), owner: 'Stuart Young', dueText: 'Sept 2018', dueDate: '2018-09-30', ongoing: false }],
    ['Regular engagement and publicity through staff forums', { section: expect.stringMatching(/^Recommendation 1:/), owner: 'Stuart Young', dueText: 'Oct 2018', dueDate: '2018-10-31', ongoing: false }],
    ['Annual equalities report presented to CMT', { section: expect.stringMatching(/^Recommendation 2: The council to ensure/), owner: 'Stuart Young', dueText: 'Jul 2016', dueDate: '2016-07-31', ongoing: false }],
    ['Undertake a wider full review of staff engagement', { section: expect.stringMatching(/^Recommendation 3 ?: The council should reinvigorate/), owner: 'Stuart Young', dueText: 'Nov 2016', dueDate: '2016-11-30', ongoing: false }],
    ['Undertake a staff survey', { section: expect.stringMatching(/^Recommendation 5: barriers, if any/), owner: 'Stuart Young', dueText: 'May 2017', dueDate: '2017-05-31', ongoing: false }],
    ['Outcome of the Staff Survey report produced and reported to the Equalities Steering Group', { section: expect.stringMatching(/^Recommendation 6 ?: The council's HR service/), owner: 'Stuart Young', dueText: 'July 2017', dueDate: '2017-07-31', ongoing: false }],
    ['Outcome of the Staff Survey report produced and reported to the Corporate Management Team', { section: expect.stringMatching(/^Recommendation 6/), owner: 'Stuart Young', dueText: 'August 2017', dueDate: '2017-08-31', ongoing: false }],
  ])('reads "%s"', (start, expected) => {
    expect(pinned(actionStartingWith(plan.items, start))).toEqual(expected);
  });

  it('keeps the recommendation numbers as ActionRefs, positions counted within each recommendation', () => {
    expect(plan.items.map((i) => i.actionRef)).toEqual(['R1-1', 'R1-2', 'R2-1', 'R3-1', 'R5-1', 'R6-1', 'R6-2']);
  });

  it('warns about the stray fragment on line 18 and the cut-off heading of recommendation 5', () => {
    expect(plan.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: 'scrutiny-review-staff-representation.txt line 18' }),
        expect.objectContaining({ where: 'scrutiny-review-staff-representation.txt line 23', message: expect.stringContaining('Recommendation 5') }),
      ]),
    );
  });
});

describe('importing the BAME inequalities commission action plan', () => {
  let plan: ParsedPlan;
  beforeAll(async () => {
    plan = await parsePlanFile(planBytes('bame-inequalities-commission.txt'), 'bame-inequalities-commission.txt');
  });

  it('finds all 79 actions: 17 anti-racist borough, 9 community leadership, 27 health, 26 education and employment', () => {
    expect(plan.items).toHaveLength(79);
    const count = (prefix: RegExp) => plan.items.filter((i) => prefix.test(i.section)).length;
    expect(count(/^R1\./)).toBe(17);
    expect(count(/^R\.[2-5]\./)).toBe(9);
    expect(count(/^R\.([6-9]|1[0-4])\./)).toBe(27);
    expect(count(/^R\.(1[5-9]|2[0-3])\./)).toBe(26);
  });

  it('takes no recommendation text, outcome or heading as an action', () => {
    const notActions = ['Organisations in Tower Hamlets, especially', 'R1.', 'R.', '→', 'Outcomes', 'Community Leadership', 'Local employers and employment support agencies'];
    for (const start of notActions) expect(plan.items.filter((i) => i.action.startsWith(start))).toEqual([]);
  });

  it.each<[string, Expected]>([
    ['Develop the Tower Hamlets Anti Racist Pledge', { section: 'R1.A. Race Equality Pledge', owner: SHARON, dueText: 'Jul-21', dueDate: '2021-07-31', ongoing: false }],
    ['Set up the Tower Hamlets Race Equality Network', { section: 'R1.B. Race Equality Network', owner: SHARON, dueText: 'May-22', dueDate: '2022-05-31', ongoing: false }],
    ['Ensure decision making in the council is supported', { section: 'R1.C. Targeted Interventions', owner: 'All Corporate Directors', dueText: 'On-going', dueDate: null, ongoing: true }],
    ['Support Black, Asian and Minority Ethnic Staff to attend', { section: 'R1.C. Targeted Interventions', owner: ALI, dueText: 'On-going', dueDate: null, ongoing: true }],
    ['Cultural Leadership Programme which equips', { section: 'R1.C. Targeted Interventions', owner: ALI, dueText: 'Dec-22', dueDate: '2022-12-31', ongoing: false }],
    ["The Council's target for 2021/22", { section: 'R1.D. Targets', owner: ALI, dueText: 'Mar-22', dueDate: '2022-03-31', ongoing: false }],
    ['Develop leadership capacity of Black', { section: 'R.2. Organisational Culture', owner: 'Somen Banerjee, Director of Public Health', dueText: 'Jun-22', dueDate: '2022-06-30', ongoing: false }],
    ['Run diversity and recruitment sessions to increase', { section: 'R.3. Training, Development and Peer Support', owner: 'Children and Families Executive', dueText: 'Jul-22', dueDate: '2022-07-31', ongoing: false }],
    ['Gather information about community leadership positions', { section: 'R.5. Awareness', owner: 'Andreas Christophorou Director, Communications and Marketing/ Sharon', dueText: 'On-going', dueDate: null, ongoing: true }],
    ['3. The Health and Wellbeing Board will carry out more initiatives', { section: 'R.6. Digital Exclusion', owner: 'Health & Wellbeing Board', dueText: 'Mar-22', dueDate: '2022-03-31', ongoing: false }],
    ['The Tower Hamlets Together Borough Plan will be reviewed', { section: 'R.9. Partnership', owner: 'Tower Hamlets Together', dueText: 'Dec-21', dueDate: '2021-12-31', ongoing: false }],
    ['The Tower Hamlets Together Board will invest in an anti-racism', { section: 'R.9. Partnership', owner: 'Tower Hamlets Together', dueText: 'Dec-21', dueDate: '2021-12-31', ongoing: false }],
    ['The Tower Hamlets Together Board will deliver the THT Workforce', { section: 'R.10. Representation', owner: 'Tower Hamlets Together', dueText: 'Apr-22', dueDate: '2022-04-30', ongoing: false }],
    ['Health and Wellbeing Board partners will continue to undertake', { section: 'R.13. Co-designed Services', owner: 'Health & Wellbeing Board', dueText: 'Jan-22', dueDate: '2022-01-31', ongoing: false }],
    ['The Health and Wellbeing Board and Tower Hamlets Together Board commit to working', { section: 'R.14. Communication', owner: 'Tower Hamlets Together', dueText: 'Ongoing', dueDate: null, ongoing: true }],
    ["Assemble a leaders' forum", { section: 'R.16. Testing & Assessment', owner: 'Growth & Economic Development Board', dueText: 'On-going', dueDate: null, ongoing: true }],
    ['Tower Hamlets Canary Wharf Further Education Trust meeting Q3', { section: 'R.18. Bursary Scheme', owner: VICKY, dueText: 'Q3 21/21', dueDate: '2021-12-31', ongoing: false }],
    ['Develop a shared approach across the Partnership', { section: 'R.21. Representation', owner: SHARON, dueText: 'Apr-23', dueDate: '2023-04-30', ongoing: false }],
    ['Deliver a comprehensive Schools Leadership Programme', { section: 'R.22.Diversity in Schools', owner: 'Tracey Smith Executive Director, THEP', dueText: 'Apr-25', dueDate: '2025-04-30', ongoing: false }],
    ["Create a 'safe space' within the council", { section: 'R.23. Safe Space', owner: ALI, dueText: 'Mar-24', dueDate: '2024-03-31', ongoing: false }],
  ])('reads "%s"', (start, expected) => {
    expect(pinned(actionStartingWith(plan.items, start))).toEqual(expected);
  });

  it('reads start dates and resources, including rows whose cells the extraction shifted', () => {
    const pledge = actionStartingWith(plan.items, 'Develop the Tower Hamlets Anti Racist Pledge');
    expect([pledge.startDate, pledge.resource]).toEqual(['2021-05-01', 'Existing Resources']);
    const invest = actionStartingWith(plan.items, 'The Tower Hamlets Together Board will invest in an anti-racism');
    expect([invest.startDate, invest.resource]).toEqual(['2021-07-01', 'Existing Resources']);
    const network = actionStartingWith(plan.items, 'Set up the Tower Hamlets Race Equality Network');
    expect(network.resource).toBe('£60,000');
  });

  it('uses the plan’s recommendation references for ActionRefs', () => {
    expect(actionStartingWith(plan.items, 'Enable anonymised application process in LBTH e-recruitment system and ensure diverse').actionRef).toBe('R1.C-3');
    expect(new Set(plan.items.map((i) => i.actionRef)).size).toBe(79);
  });

  it('warns about the financial year written 21/21 on line 172', () => {
    expect(plan.warnings).toContainEqual({ where: 'bame-inequalities-commission.txt line 172', message: expect.stringContaining('21/21') });
  });
});

describe('importing the equality improvement plan (one cell per line)', () => {
  let plan: ParsedPlan;
  const S1 = '1. Leadership and organisational commitment to equality and diversity';
  const S2 = '2. Understanding and working with our communities';
  const S3 = '3. Responsive services and customer care';
  const S4 = 'SECTION Four: Diverse and Engaged Workforce';
  beforeAll(async () => {
    plan = await parsePlanFile(planBytes('equality-improvement-plan.txt'), 'equality-improvement-plan.txt');
  });

  it('finds 84 actions in the four objectives: 12, 21, 14 and 37', () => {
    expect(plan.items).toHaveLength(84);
    expect([S1, S2, S3, S4].map((s) => plan.items.filter((i) => i.section === s).length)).toEqual([12, 21, 14, 37]);
  });

  it.each<[string, Expected & { rag: string | null }]>([
    ['Increase diversity of membership of the Corporate Equality', { section: S1, owner: 'Equalities Team', dueText: '', dueDate: null, ongoing: false, rag: 'Green' }],
    ['Consider and address training needs of the group', { section: S1, owner: 'CEDIS, Equalities Team/CB', dueText: 'Nov 2022 & Ongoing', dueDate: '2022-11-30', ongoing: true, rag: 'Amber' }],
    ['Review the Council’s main organisational plans', { section: S1, owner: 'Business Intelligence/Equalities Team', dueText: '2023', dueDate: '2023-12-31', ongoing: false, rag: 'Amber' }],
    ['Present the Equality Improvement Plan to the Corporate PDS panel', { section: S1, owner: 'Democratic Services, Equalities Team', dueText: 'Sept 2022 & Ongoing', dueDate: '2022-09-30', ongoing: true, rag: 'Green' }],
    ['We have ensured that new Community Engagement Guidance', { section: S2, owner: 'Communities Team/Equalities Team', dueText: 'complete', dueDate: null, ongoing: false, rag: 'Green' }],
    ['We need to improve our feedback', { section: S2, owner: 'Corporate Comms Team Communities Team', dueText: 'Under development', dueDate: null, ongoing: false, rag: 'Amber' }],
    ['A Twitter account will be set up for the Race Panel', { section: S2, owner: 'Race Panel, Comms Team', dueText: 'TBC', dueDate: null, ongoing: false, rag: null }],
    ['We need to support political groups to undertake outreach', { section: S2, owner: 'Democratic Services/ Equalities Team', dueText: 'Jan 23', dueDate: '2023-01-31', ongoing: false, rag: 'Red' }],
    ['Review the EIA template to increase the focus', { section: S3, owner: 'Equalities Team', dueText: 'Jan 2022', dueDate: '2022-01-31', ongoing: false, rag: 'Amber' }],
    ['Equalities Team are feeding into the new strategy', { section: S3, owner: 'Customer Services/Business Change Hub, Equalities Team', dueText: 'Sept 22', dueDate: '2022-09-30', ongoing: false, rag: 'Amber' }],
    ['Intranet pages to be updated as well as the website', { section: S3, owner: 'Corporate governance/IT Digital Team/Equalities Team', dueText: 'Dec 22', dueDate: '2022-12-31', ongoing: false, rag: 'Red' }],
    ['Ensure equality issues are managed when Agile Service', { section: S3, owner: 'Business Change Hub', dueText: 'Oct 22 & Ongoing', dueDate: '2022-10-31', ongoing: true, rag: 'Amber' }],
    ['We will examine our current workforce profile data', { section: S4, owner: 'HR/Equalities Team/CEDIS', dueText: '2023', dueDate: '2023-12-31', ongoing: false, rag: 'Amber' }],
    ['As above, we will set profile targets', { section: S4, owner: 'Director of People & Policy', dueText: 'April 23 & Ongoing', dueDate: '2023-04-30', ongoing: true, rag: 'Amber' }],
    ['Conduct an overarching equalities audit', { section: S4, owner: 'OD/IT/Equalities Team', dueText: 'Sept 22', dueDate: '2022-09-30', ongoing: false, rag: 'Amber' }],
    ['Review recruitment and selection course materials', { section: S4, owner: 'HR', dueText: 'Oct 22 & Ongoing', dueDate: '2022-10-31', ongoing: true, rag: 'Amber' }],
    ['Menopause staff support group established', { section: S4, owner: 'HR/Staff Engagement', dueText: 'Ongoing', dueDate: null, ongoing: true, rag: 'Amber' }],
    ['Include H&B incident reporting on the CEDIS Group forward agenda', { section: S4, owner: 'HR', dueText: 'Bi-annual', dueDate: null, ongoing: true, rag: 'Amber' }],
  ])('reads "%s"', (start, { rag, ...expected }) => {
    const item = actionStartingWith(plan.items, start);
    expect(pinned(item)).toEqual(expected);
    expect(item.rag).toBe(rag);
  });

  it('keeps evidence with its action and marks "Complete" actions completed', () => {
    const guidance = actionStartingWith(plan.items, 'Review intranet pages and templates');
    expect(guidance.status).toBe('Completed');
    expect(guidance.context).toMatch(/^We’re embedding equality considerations in our procurement/);
  });

  it('names the rows a person should check', () => {
    const where = plan.warnings.map((w) => w.where);
    expect(where).toEqual(expect.arrayContaining(['equality-improvement-plan.txt line 91', 'equality-improvement-plan.txt line 208', 'equality-improvement-plan.txt line 743']));
  });
});
