import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import type { ParsedItem } from '../../../src/importer/table';

// Issue 12 part 2: layouts as they come. Each plan below is written the way councils lay
// theirs out; the expectations are what a person reads from it.
const tsv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
const read = async (lines: string[], name = 'plan.tsv') => parsePlanFile(tsv(lines), name);
const brief = (items: ParsedItem[]) => items.map((i) => [i.action, i.owner, i.dueDate]);

describe('layouts as they come', () => {
  it('reads question-style headers with footnote markers', async () => {
    const plan = await read([
      'What will we do?\tWho is responsible?*\tWhen will it be done?¹',
      'Publish the pay gap report\tHead of HR\t31/03/2025',
      '* Officers named as at April 2024',
    ]);
    expect(brief(plan.items)).toEqual([['Publish the pay gap report', 'Head of HR', '2025-03-31']]);
  });

  it('reads a header split over two lines, and the same header repeated on the next page', async () => {
    const plan = await read([
      'Action\tResponsible\tCompletion',
      '\tofficer\tdate',
      'Publish the pay gap report\tHead of HR\t31/03/2025',
      'Page 2',
      'Action\tResponsible\tCompletion',
      '\tofficer\tdate',
      'Review the flexible working policy\tHR Manager\tJune 2025',
    ]);
    expect(brief(plan.items)).toEqual([
      ['Publish the pay gap report', 'Head of HR', '2025-03-31'],
      ['Review the flexible working policy', 'HR Manager', '2025-06-30'],
    ]);
    expect(plan.rows.map((r) => r.kind)).toEqual(['header', 'header', 'action', 'furniture', 'header', 'header', 'action']);
  });

  it('takes the recommendation as the action when there is no action column', async () => {
    const plan = await read([
      'No.\tRecommendation\tLead officer\tTimescale',
      '1\tThat the council publishes a workforce equality report each year\tHead of HR\tJuly 2025',
      '2\tThat all members complete equality training\tMonitoring Officer\tQ3 2025/26',
    ]);
    expect(brief(plan.items)).toEqual([
      ['That the council publishes a workforce equality report each year', 'Head of HR', '2025-07-31'],
      ['That all members complete equality training', 'Monitoring Officer', '2025-12-31'],
    ]);
  });

  it('gives the action to the officer when a politician and an officer are both named', async () => {
    const plan = await read([
      'Action\tCabinet Member\tLead Officer\tDeadline',
      'Open the new family hub\tCllr A Khan\tDirector of Children’s Services\tSept 2025',
    ]);
    expect(plan.items[0]).toMatchObject({ owner: 'Director of Children’s Services', dueDate: '2025-09-30', context: 'Cllr A Khan' });
  });

  it('reads a plan with no header row from its columns’ content', async () => {
    const plan = await read([
      'Carbon Reduction Action Plan 2024',
      '1.1\tReplace street lights with LED units across the borough\tHead of Highways\tMarch 2025',
      '1.2\tFit solar panels to the civic centre roof\tEstates Manager\tQ2 2025/26',
      '1.3\tMove the pool fleet to electric vehicles\tFleet Manager\t2026/27',
    ]);
    expect(brief(plan.items)).toEqual([
      ['Replace street lights with LED units across the borough', 'Head of Highways', '2025-03-31'],
      ['Fit solar panels to the civic centre roof', 'Estates Manager', '2025-09-30'],
      ['Move the pool fleet to electric vehicles', 'Fleet Manager', '2027-03-31'],
    ]);
    expect(plan.items.map((i) => i.actionRef)).toEqual(['1.1', '1.2', '1.3']);
  });

  it('keeps a progress table between two action tables as notes, not actions', async () => {
    const plan = await read([
      'Action\tOwner\tDue date',
      'Review the complaints policy\tHead of Customer Services\tJune 2024',
      'Progress to date\tDate',
      'Policy drafted and shared with staff forum\tMay 2024',
      'Action\tOwner\tDue date',
      'Train front-line staff on the new policy\tHead of Customer Services\tSept 2024',
    ]);
    expect(brief(plan.items)).toEqual([
      ['Review the complaints policy', 'Head of Customer Services', '2024-06-30'],
      ['Train front-line staff on the new policy', 'Head of Customer Services', '2024-09-30'],
    ]);
    expect(plan.progressNotes.map((n) => n.text)).toEqual(['Policy drafted and shared with staff forum\nMay 2024']);
  });

  it('keeps bulleted sub-actions and multi-line cells in one action', async () => {
    const csv = [
      'Action,Lead,By when',
      '"Improve the Local Offer website:',
      '• add a search by age',
      '• publish the SEND ranges",SEND Service Manager,Spring 2025',
      'Run termly parent forums,Parent Carer Forum Chair,Termly',
    ].join('\n');
    const plan = await parsePlanFile(new TextEncoder().encode(csv), 'send.csv');
    expect(plan.items.map((i) => i.action)).toEqual(['Improve the Local Offer website:\n• add a search by age\n• publish the SEND ranges', 'Run termly parent forums']);
    expect(plan.items.map((i) => [i.dueDate, i.ongoing])).toEqual([['2025-05-31', false], [null, true]]);
  });

  it('reads section headings as numbered paragraphs and as a column', async () => {
    const paragraphs = await read([
      'Action\tOwner\tDue',
      '1. Housing',
      'Build 200 homes\tHead of Housing\t2026/27',
      '2. Transport',
      'Open the new bus route\tTransport Lead\tMay-25',
    ]);
    const column = await read([
      'Theme\tAction\tOwner\tDue',
      'Housing\tBuild 200 homes\tHead of Housing\t2026/27',
      'Transport\tOpen the new bus route\tTransport Lead\tMay-25',
    ]);
    expect(paragraphs.items.map((i) => i.section)).toEqual(['1. Housing', '2. Transport']);
    expect(column.items.map((i) => i.section)).toEqual(['Housing', 'Transport']);
  });

  it('reads a date written inside a phrase and a status written in the date column', async () => {
    const plan = await read([
      'Action\tOwner\tTarget',
      'Report the review to Cabinet\tChief Executive\tReport to Cabinet by 28 February 2025',
      'Appoint an equality lead\tHead of HR\tCompleted',
      'Set up the board\tHead of Policy\tD 04',
    ]);
    expect(plan.items.map((i) => [i.dueDate, i.status])).toEqual([['2025-02-28', null], [null, 'Completed'], [null, null]]);
    expect(plan.warnings).toContainEqual({ where: 'plan.tsv line 4', message: "Due date: 'D 04' is not a date I can read; no date set." });
  });
});
