import { parseUrlFilterParams, planFilterToUrlFilters, urlFilterParams } from '../../../src/domain/view-url-filters';

const TODAY = '2026-11-30';
const params = (filter: Parameters<typeof planFilterToUrlFilters>[0]) => urlFilterParams(planFilterToUrlFilters(filter, TODAY).conditions);

describe('view URL filters', () => {
  it('writes one value as FilterField/FilterValue and several as FilterFields/FilterValues joined by ;#', () => {
    expect(params({ rags: ['Red'], section: 'Theme 1: Leadership' })).toEqual([
      ['FilterField1', 'Section'], ['FilterValue1', 'Theme 1: Leadership'],
      ['FilterField2', 'RAG'], ['FilterValue2', 'Red'],
    ]);
    expect(params({ rags: ['Red', 'Amber'] })).toEqual([['FilterFields1', 'RAG'], ['FilterValues1', 'Red;#Amber']]);
  });

  it('filters a person by id, and dates with operators', () => {
    expect(params({ ownerId: 12, dueFrom: '2026-12-01', dueTo: '2027-01-31' })).toEqual([
      ['FilterField1', 'Owner'], ['FilterValue1', '12'], ['FilterLookupId1', '1'],
      ['FilterField2', 'DueDate'], ['FilterValue2', '2026-12-01'], ['FilterOp2', 'Geq'], ['FilterType2', 'DateTime'],
      ['FilterField3', 'DueDate'], ['FilterValue3', '2027-01-31'], ['FilterOp3', 'Leq'], ['FilterType3', 'DateTime'],
    ]);
  });

  it('fixes "overdue" and "due within n days" to dates and narrows the statuses to open ones', () => {
    expect(planFilterToUrlFilters({ overdue: true }, TODAY).conditions).toEqual([
      { field: 'Status', values: ['Not started', 'In progress', 'On hold'] },
      { field: 'DueDate', values: [TODAY], op: 'Lt', type: 'DateTime' },
    ]);
    expect(planFilterToUrlFilters({ dueWithinDays: 30, statuses: ['In progress', 'Completed'] }, TODAY).conditions).toEqual([
      { field: 'Status', values: ['In progress'] },
      { field: 'DueDate', values: [TODAY], op: 'Geq', type: 'DateTime' },
      { field: 'DueDate', values: ['2026-12-30'], op: 'Leq', type: 'DateTime' },
    ]);
  });

  it('names what a URL cannot carry instead of dropping it silently', () => {
    expect(planFilterToUrlFilters({ text: ' housing ', rags: ['Red'] }, TODAY).notCarried).toEqual(['the search for "housing"']);
  });

  it('reads back what it writes (the emulator\'s view page parses the same parameters)', () => {
    const { conditions } = planFilterToUrlFilters({ plan: "O'Brien plan", rags: ['Red', 'Amber'], ownerId: 4, overdue: true }, TODAY);
    const url = new URL('https://contoso.sharepoint.com/sites/plans/Lists/PlanItems/AllItems.aspx');
    for (const [k, v] of urlFilterParams(conditions)) url.searchParams.set(k, v);
    expect(parseUrlFilterParams(url.searchParams)).toEqual(conditions);
  });
});
