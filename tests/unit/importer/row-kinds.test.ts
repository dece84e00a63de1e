import { parsePlanFile } from '../../../src/importer/parse-plan-file';
import { parseImportMapping, parseMapOption, rowKey, serialiseImportMapping, type ImportMapping } from '../../../src/importer/row-kinds';
import type { ParsedPlan } from '../../../src/importer/table';

const tsv = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));

const PLAN = tsv([
  'Housing Improvement Plan 2024',
  'Ref\tAction\tLead officer\tTarget date',
  'Theme 1: Repairs',
  '1.1\tProcure a new repairs contract\tHead of Housing\t31/03/2024',
  '1.2\tPublish repair times monthly\tHousing Performance Manager\tMay-24',
  'Page 2 of 3',
  'Ref\tAction\tLead officer\tTarget date',
  'Theme 2: Tenants',
  '2.1\tRun quarterly tenant surveys\tDirector of Communities\tQ2 2024/25',
  'Actions taken',
  'Tenant panel set up in June',
]);

const kinds = (plan: ParsedPlan) => plan.rows.map((r) => [r.where, r.kind]);

describe('row kinds and reasons', () => {
  it('gives every non-blank row a kind and a reason', async () => {
    const plan = await parsePlanFile(PLAN, 'housing.tsv');
    expect(kinds(plan)).toEqual([
      ['housing.tsv line 1', 'heading'],
      ['housing.tsv line 2', 'header'],
      ['housing.tsv line 3', 'heading'],
      ['housing.tsv line 4', 'action'],
      ['housing.tsv line 5', 'action'],
      ['housing.tsv line 6', 'furniture'],
      ['housing.tsv line 7', 'header'],
      ['housing.tsv line 8', 'heading'],
      ['housing.tsv line 9', 'action'],
      ['housing.tsv line 10', 'header'],
      ['housing.tsv line 11', 'progress'],
    ]);
    expect(plan.rows[6].reason).toBe('repeats the header row (a new page or table)');
    expect(plan.rows[3].reason).toBe('action text with an owner and a date');
    expect(plan.rows.every((r) => r.reason.length > 5)).toBe(true);
    expect(plan.items.map((i) => i.actionRef)).toEqual(['1.1', '1.2', '2.1']);
  });

  it('changing a row to commentary drops its action; changing a heading to an action adds one', async () => {
    const first = await parsePlanFile(PLAN, 'housing.tsv');
    const surveyRow = first.rows.find((r) => r.where === 'housing.tsv line 9')!;
    const titleRow = first.rows.find((r) => r.where === 'housing.tsv line 1')!;
    const mapping: ImportMapping = {
      columns: {},
      rowKinds: { [rowKey(surveyRow.tableIndex, surveyRow.rowIndex)]: 'commentary', [rowKey(titleRow.tableIndex, titleRow.rowIndex)]: 'action' },
    };
    const changed = await parsePlanFile(PLAN, 'housing.tsv', { importMapping: mapping });
    expect(changed.items.map((i) => i.action)).toEqual(['Housing Improvement Plan 2024', 'Procure a new repairs contract', 'Publish repair times monthly']);
    expect(changed.rows.find((r) => r.where === 'housing.tsv line 9')).toMatchObject({ kind: 'commentary', reason: 'set by hand', overridden: true });
  });

  it('changing a progress row to an action imports it; changing an action row to a heading starts a section', async () => {
    const first = await parsePlanFile(PLAN, 'housing.tsv');
    const key = (where: string) => {
      const row = first.rows.find((r) => r.where === where)!;
      return rowKey(row.tableIndex, row.rowIndex);
    };
    const changed = await parsePlanFile(PLAN, 'housing.tsv', { importMapping: { columns: {}, rowKinds: { [key('housing.tsv line 11')]: 'action', [key('housing.tsv line 4')]: 'heading' } } });
    expect(changed.items.map((i) => [i.section, i.action])).toEqual([
      ['1.1 Procure a new repairs contract Head of Housing 31/03/2024', 'Publish repair times monthly'],
      ['Theme 2: Tenants', 'Run quarterly tenant surveys'],
      ['Theme 2: Tenants', 'Tenant panel set up in June'],
    ]);
    expect(changed.progressNotes).toEqual([]);
  });

  it('a column mapping changes what each column is read as', async () => {
    const changed = await parsePlanFile(PLAN, 'housing.tsv', { importMapping: { columns: { ref: 0, action: 1, resource: 2, due: 3 } } });
    expect(changed.items.map((i) => [i.owner, i.resource])).toEqual([
      ['', 'Head of Housing'],
      ['', 'Housing Performance Manager'],
      ['', 'Director of Communities'],
    ]);
  });
});

describe('ImportMapping as saved in the Plans list', () => {
  it('round-trips through JSON text', () => {
    const mapping: ImportMapping = { columns: { action: 1, owner: 2, due: 3 }, rowKinds: { '0:4': 'commentary' } };
    expect(parseImportMapping(serialiseImportMapping(mapping))).toEqual(mapping);
    expect(JSON.parse(serialiseImportMapping({ columns: { action: 0 } }))).toEqual({ version: 1, columns: { action: 0 } });
  });

  it.each([
    ['not JSON', 'action=2', /it is not JSON/],
    ['no columns', '{"rows":{}}', /it has no columns/],
    ['an unknown role', '{"columns":{"boss":1}}', /"boss" is not a column role/],
    ['a negative column', '{"columns":{"action":-1}}', /column of "action" is not a column number/],
    ['a bad row key', '{"columns":{"action":1},"rowKinds":{"x":"action"}}', /"x" is not a row key/],
    ['an unknown kind', '{"columns":{"action":1},"rowKinds":{"0:1":"maybe"}}', /"maybe" is not a row kind/],
  ])('refuses saved text with %s, saying what to do', (_what, text, message) => {
    expect(() => parseImportMapping(text)).toThrow(message);
    expect(() => parseImportMapping(text)).toThrow(/Import the plan without it and confirm the columns again/);
  });
});

describe('--map', () => {
  it('reads role=column pairs counted from 1', () => {
    expect(parseMapOption('action=2, owner=4,due=5')).toEqual({ action: 1, owner: 3, due: 4 });
  });

  it.each([
    ['owner=4', /must name the action column/],
    ['action=2,boss=3', /"boss" is not a column role/],
    ['action=0', /columns are counted from 1/],
    ['action=2,action=3', /"action" is given twice/],
    ['action:2', /"action:2" is not role=column/],
  ])('refuses %s with a message', (text, message) => {
    expect(() => parseMapOption(text)).toThrow(message);
  });
});
