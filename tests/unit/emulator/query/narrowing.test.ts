import { indexedNarrowing, parseODataFilter, type FieldRef, type FilterExpr } from '../../../../src/emulator/query';

// Plan Items' indexed fields (manifest/lists.json): Plan, ActionRef, DueDate, Status, RAG, SteeringGroup.
const INDEXED = new Set(['Plan', 'ActionRef', 'DueDate', 'Status', 'RAG', 'SteeringGroup']);
const isIndexed = (ref: FieldRef): boolean => INDEXED.has(ref.name);

/** The narrowing of an OData filter over the Plan Items indexes. */
const narrow = (filter: string | FilterExpr): FilterExpr | null =>
  indexedNarrowing(typeof filter === 'string' ? parseODataFilter(filter) : filter, isIndexed);

describe('indexedNarrowing', () => {
  it('keeps eq, lt, le, gt and ge on an indexed field', () => {
    for (const op of ['eq', 'lt', 'le', 'gt', 'ge']) {
      const text = `DueDate ${op} '2024-05-31'`;
      expect(narrow(text)).toEqual(parseODataFilter(text));
    }
  });

  it('does not narrow on an unindexed field', () => {
    expect(narrow("Title eq 'x'")).toBeNull();
    expect(narrow("startswith(Title,'x')")).toBeNull();
  });

  it('does not narrow with ne, substringof or not, even on an indexed field', () => {
    expect(narrow("Status ne 'Completed'")).toBeNull();
    expect(narrow("substringof('x',Plan)")).toBeNull();
    expect(narrow("not (Status eq 'Completed')")).toBeNull();
  });

  it('narrows with startswith, in, isnull, isnotnull, eq null and ne null on an indexed field', () => {
    expect(narrow("startswith(ActionRef,'R1')")).toEqual({ kind: 'startswith', field: { name: 'ActionRef' }, value: 'R1' });
    const inList: FilterExpr = { kind: 'in', field: { name: 'RAG' }, values: [{ type: 'string', value: 'Red' }] };
    expect(narrow(inList)).toEqual(inList);
    expect(narrow({ kind: 'isnull', field: { name: 'DueDate' } })).toEqual({ kind: 'isnull', field: { name: 'DueDate' } });
    expect(narrow({ kind: 'isnotnull', field: { name: 'DueDate' } })).toEqual({ kind: 'isnotnull', field: { name: 'DueDate' } });
    expect(narrow('DueDate eq null')).toEqual(parseODataFilter('DueDate eq null'));
    expect(narrow('DueDate ne null')).toEqual(parseODataFilter('DueDate ne null'));
    expect(narrow({ kind: 'isnull', field: { name: 'Title' } })).toBeNull();
  });

  it('keeps the narrowing conjunct of an and', () => {
    expect(narrow("Plan eq 'P' and Title eq 'x'")).toEqual(parseODataFilter("Plan eq 'P'"));
    expect(narrow("Title eq 'x' and Status eq 'Open'")).toEqual(parseODataFilter("Status eq 'Open'"));
  });

  it('keeps both conjuncts when both narrow, dropping the ones that do not', () => {
    expect(narrow("Plan eq 'P' and Title eq 'x' and DueDate lt '2024-01-01'")).toEqual(parseODataFilter("Plan eq 'P' and DueDate lt '2024-01-01'"));
  });

  it('returns null for an and where nothing narrows', () => {
    expect(narrow("Title eq 'x' and Status ne 'Open'")).toBeNull();
  });

  it('narrows an or only when both sides narrow', () => {
    expect(narrow("Status eq 'Open' or RAG eq 'Red'")).toEqual(parseODataFilter("Status eq 'Open' or RAG eq 'Red'"));
    expect(narrow("Status eq 'Open' or Title eq 'x'")).toBeNull();
    expect(narrow("(Plan eq 'P' and Title eq 'x') or RAG eq 'Red'")).toEqual(parseODataFilter("Plan eq 'P' or RAG eq 'Red'"));
  });

  it('narrows the overdue query through DueDate', () => {
    expect(narrow("DueDate lt '2024-06-01' and Status ne 'Completed' and Status ne 'Cancelled'")).toEqual(parseODataFilter("DueDate lt '2024-06-01'"));
  });
});
