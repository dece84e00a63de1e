import { parseODataFilter, QuerySyntaxError, type FilterExpr } from '../../../../src/emulator/query';

/** The parse error for `text`, failing the test when it parses. */
function syntaxErrorOf(text: string): QuerySyntaxError {
  try {
    parseODataFilter(text);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" not to parse`);
}

const eq = (name: string, value: string): FilterExpr => ({ kind: 'compare', op: 'eq', field: { name }, value: { type: 'string', value } });

describe('parseODataFilter', () => {
  it('parses every comparison operator', () => {
    for (const op of ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const) {
      expect(parseODataFilter(`PercentComplete ${op} 50`)).toEqual({
        kind: 'compare',
        op,
        field: { name: 'PercentComplete' },
        value: { type: 'number', value: 50 },
      });
    }
  });

  it('reads operators and keywords case-insensitively', () => {
    expect(parseODataFilter("Status EQ 'A' AND Plan Eq 'B'")).toEqual({ kind: 'and', left: eq('Status', 'A'), right: eq('Plan', 'B') });
  });

  it('binds and tighter than or', () => {
    expect(parseODataFilter("A eq 'a' or B eq 'b' and C eq 'c'")).toEqual({
      kind: 'or',
      left: eq('A', 'a'),
      right: { kind: 'and', left: eq('B', 'b'), right: eq('C', 'c') },
    });
  });

  it('lets parentheses override precedence', () => {
    expect(parseODataFilter("(A eq 'a' or B eq 'b') and C eq 'c'")).toEqual({
      kind: 'and',
      left: { kind: 'or', left: eq('A', 'a'), right: eq('B', 'b') },
      right: eq('C', 'c'),
    });
  });

  it('groups a chain of and to the left', () => {
    expect(parseODataFilter("A eq 'a' and B eq 'b' and C eq 'c'")).toEqual({
      kind: 'and',
      left: { kind: 'and', left: eq('A', 'a'), right: eq('B', 'b') },
      right: eq('C', 'c'),
    });
  });

  it('binds not tighter than and', () => {
    expect(parseODataFilter("not A eq 'a' and B eq 'b'")).toEqual({
      kind: 'and',
      left: { kind: 'not', expr: eq('A', 'a') },
      right: eq('B', 'b'),
    });
    expect(parseODataFilter("not (A eq 'a' and B eq 'b')")).toEqual({
      kind: 'not',
      expr: { kind: 'and', left: eq('A', 'a'), right: eq('B', 'b') },
    });
    expect(parseODataFilter("not not A eq 'a'")).toEqual({ kind: 'not', expr: { kind: 'not', expr: eq('A', 'a') } });
  });

  it('treats a field called Not as a field when a comparison follows', () => {
    expect(parseODataFilter("Not eq 'x'")).toEqual(eq('Not', 'x'));
  });

  it('unescapes doubled apostrophes in strings', () => {
    expect(parseODataFilter("OwnerText eq 'O''Brien'")).toEqual(eq('OwnerText', "O'Brien"));
    expect(parseODataFilter("Title eq ''''")).toEqual(eq('Title', "'"));
    expect(parseODataFilter("Title eq ''")).toEqual(eq('Title', ''));
  });

  it('keeps keywords inside strings as text', () => {
    expect(parseODataFilter("Title eq 'a and b or not c'")).toEqual(eq('Title', 'a and b or not c'));
  });

  it('parses numbers, booleans and null', () => {
    expect(parseODataFilter('A eq -3.5')).toMatchObject({ value: { type: 'number', value: -3.5 } });
    expect(parseODataFilter('A eq 1e3')).toMatchObject({ value: { type: 'number', value: 1000 } });
    expect(parseODataFilter('A eq true')).toMatchObject({ value: { type: 'boolean', value: true } });
    expect(parseODataFilter('A eq false')).toMatchObject({ value: { type: 'boolean', value: false } });
    expect(parseODataFilter('A eq null')).toMatchObject({ value: { type: 'null' } });
  });

  it('keeps quoted dates as strings for the compiler to coerce', () => {
    expect(parseODataFilter("DueDate lt '2024-05-31'")).toMatchObject({ value: { type: 'string', value: '2024-05-31' } });
  });

  it('normalises datetime literals to YYYY-MM-DDTHH:MM:SSZ', () => {
    const cases: Array<[string, string]> = [
      ["datetime'2024-05-31T00:00:00Z'", '2024-05-31T00:00:00Z'],
      ["datetime'2024-05-31T00:00:00'", '2024-05-31T00:00:00Z'],
      ["datetime'2024-05-31'", '2024-05-31T00:00:00Z'],
      ["datetime'2024-05-31T10:15:30.123Z'", '2024-05-31T10:15:30Z'],
      ["datetime'2024-05-31T01:00:00+02:00'", '2024-05-30T23:00:00Z'],
    ];
    for (const [literal, value] of cases) {
      expect(parseODataFilter(`DueDate ge ${literal}`)).toMatchObject({ value: { type: 'datetime', value } });
    }
  });

  it('reads projected person fields', () => {
    expect(parseODataFilter("Owner/EMail eq 'a@b.org'")).toMatchObject({ field: { name: 'Owner', sub: 'EMail' } });
    expect(parseODataFilter('Owner/Id eq 5')).toMatchObject({ field: { name: 'Owner', sub: 'Id' } });
    expect(parseODataFilter('OwnerId eq 5')).toMatchObject({ field: { name: 'OwnerId' } });
  });

  it('parses startswith and substringof', () => {
    expect(parseODataFilter("startswith(Title,'Rev')")).toEqual({ kind: 'startswith', field: { name: 'Title' }, value: 'Rev' });
    expect(parseODataFilter("substringof('O''B', OwnerText)")).toEqual({ kind: 'contains', field: { name: 'OwnerText' }, value: "O'B" });
  });

  it('accepts the OData v3 "eq true" / "eq false" suffix on functions', () => {
    const contains: FilterExpr = { kind: 'contains', field: { name: 'Title' }, value: 'x' };
    expect(parseODataFilter("substringof('x',Title) eq true")).toEqual(contains);
    expect(parseODataFilter("substringof('x',Title) eq false")).toEqual({ kind: 'not', expr: contains });
    expect(parseODataFilter("substringof('x',Title) ne true")).toEqual({ kind: 'not', expr: contains });
    expect(parseODataFilter("substringof('x',Title) ne false")).toEqual(contains);
  });

  it('reports what was expected and where', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['', 0, /expected a filter expression/],
      ['Status eq ', 10, /expected a value after 'eq', found end of input/],
      ["Status eq and Plan eq 'x'", 10, /expected a value after 'eq', found 'and'/],
      ['Status', 6, /expected a comparison operator .* after 'Status'/],
      ["Status is 'x'", 7, /expected a comparison operator/],
      ["Status eq 'x' and", 17, /expected a field name/],
      ["(Status eq 'x'", 14, /expected '\)'/],
      ["Status eq 'x' Plan eq 'y'", 14, /expected 'and', 'or' or end of input, found 'Plan'/],
      ["Title eq 'abc", 9, /unterminated string/],
      ['Status ~ 1', 7, /unexpected character '~'/],
      ["endswith(Title,'x')", 0, /unsupported function 'endswith'/],
      ["startswith(Title 'x')", 17, /expected ',' between the arguments of startswith/],
      ["substringof(Title,'x')", 12, /expected a quoted string as the first argument of substringof/],
      ["DueDate lt datetime'2024-02-30'", 11, /not a valid date/],
      ["Owner/'x' eq 1", 6, /expected a field name after 'Owner\/'/],
      [") eq 1", 0, /expected a field name, '\(' or a function/],
    ];
    for (const [text, position, message] of cases) {
      const error = syntaxErrorOf(text);
      expect({ text, position: error.position }).toEqual({ text, position });
      expect(error.message).toMatch(message);
      expect(error.message).toContain(`Syntax error at position ${position} in $filter`);
    }
  });
});
