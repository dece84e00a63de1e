import { parseODataExpand, parseODataOrderBy, parseODataSelect, QuerySyntaxError } from '../../../../src/emulator/query';

describe('parseODataOrderBy', () => {
  it('reads fields with optional directions, ascending by default', () => {
    expect(parseODataOrderBy('DueDate asc,Title desc, ID')).toEqual([
      { field: { name: 'DueDate' }, ascending: true },
      { field: { name: 'Title' }, ascending: false },
      { field: { name: 'ID' }, ascending: true },
    ]);
  });

  it('reads projected fields and upper-case directions', () => {
    expect(parseODataOrderBy('Owner/Title DESC')).toEqual([{ field: { name: 'Owner', sub: 'Title' }, ascending: false }]);
  });

  it('returns no ordering for empty text', () => {
    expect(parseODataOrderBy('  ')).toEqual([]);
  });

  it('reports a missing comma or field with its position', () => {
    expect(() => parseODataOrderBy('DueDate Title')).toThrow(new QuerySyntaxError("Syntax error at position 8 in $orderby: expected 'asc', 'desc', ',' or end of input, found 'Title'", 8));
    expect(() => parseODataOrderBy('DueDate,')).toThrow(/position 8 in \$orderby: expected a field name/);
  });
});

describe('parseODataSelect', () => {
  it('reads a comma list with projections and *', () => {
    expect(parseODataSelect('Id,Title,Owner/Title,Owner/EMail,*')).toEqual([
      { name: 'Id' },
      { name: 'Title' },
      { name: 'Owner', sub: 'Title' },
      { name: 'Owner', sub: 'EMail' },
      { name: '*' },
    ]);
    expect(parseODataSelect('Owner/*')).toEqual([{ name: 'Owner', sub: '*' }]);
  });

  it('returns nothing for empty text', () => {
    expect(parseODataSelect('')).toEqual([]);
  });

  it('reports a stray token with its position', () => {
    expect(() => parseODataSelect('Title Status')).toThrow(/position 6 in \$select: expected ',' or end of input, found 'Status'/);
    expect(() => parseODataSelect("Title,'x'")).toThrow(/position 6 in \$select: expected a field name/);
  });
});

describe('parseODataExpand', () => {
  it('reads lookup and person fields', () => {
    expect(parseODataExpand('Owner, Editor')).toEqual(['Owner', 'Editor']);
  });
});
