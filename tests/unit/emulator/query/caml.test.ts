import { parseCaml, QuerySyntaxError, type FilterExpr, type Literal } from '../../../../src/emulator/query';

/** The `<Where>` of a CAML fragment. */
const where = (xml: string): FilterExpr | null => parseCaml(`<Where>${xml}</Where>`).where;

/** A `<FieldRef>` + `<Value>` comparison element. */
const cmp = (element: string, field: string, type: string, value: string, fieldAttrs = ''): string =>
  `<${element}><FieldRef Name="${field}"${fieldAttrs}/><Value Type="${type}">${value}</Value></${element}>`;

/** The parse error for `xml`, failing the test when it parses. */
function syntaxErrorOf(xml: string): QuerySyntaxError {
  try {
    parseCaml(xml);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${xml} not to parse`);
}

const text = (value: string): Literal => ({ type: 'string', value });

describe('parseCaml', () => {
  it('reads a whole view: query, order, view fields and a paged row limit', () => {
    const xml = `<View Scope="RecursiveAll">
      <Query>
        <Where>${cmp('Eq', 'Status', 'Choice', 'In progress')}</Where>
        <OrderBy><FieldRef Name="DueDate" Ascending="FALSE"/><FieldRef Name="Title"/></OrderBy>
        <GroupBy Collapse="TRUE"><FieldRef Name="Owner"/></GroupBy>
      </Query>
      <ViewFields><FieldRef Name="Title"/><FieldRef Name="DueDate"/></ViewFields>
      <RowLimit Paged="TRUE">100</RowLimit>
    </View>`;
    expect(parseCaml(xml)).toEqual({
      where: { kind: 'compare', op: 'eq', field: { name: 'Status' }, value: text('In progress') },
      orderBy: [
        { field: { name: 'DueDate' }, ascending: false },
        { field: { name: 'Title' }, ascending: true },
      ],
      groupBy: [{ field: { name: 'Owner' }, ascending: true }],
      viewFields: ['Title', 'DueDate'],
      rowLimit: 100,
      paged: true,
    });
  });

  it('reads a bare Query and a bare Where', () => {
    expect(parseCaml(`<Query><Where>${cmp('Gt', 'PercentComplete', 'Number', '50')}</Where></Query>`).where).toEqual({
      kind: 'compare',
      op: 'gt',
      field: { name: 'PercentComplete' },
      value: { type: 'number', value: 50 },
    });
    expect(parseCaml(`<Where>${cmp('Lt', 'ID', 'Counter', '10')}</Where>`).where).toMatchObject({ op: 'lt', value: { type: 'number', value: 10 } });
  });

  it('returns no filter for an empty view, query or where', () => {
    expect(parseCaml('')).toMatchObject({ where: null, orderBy: [], rowLimit: null, paged: false });
    expect(parseCaml('<View/>').where).toBeNull();
    expect(parseCaml('<View><Query></Query></View>').where).toBeNull();
    expect(parseCaml('<Where></Where>').where).toBeNull();
    expect(parseCaml('<View><RowLimit>5</RowLimit></View>')).toMatchObject({ rowLimit: 5, paged: false });
  });

  it('maps every comparison element', () => {
    const ops = { Eq: 'eq', Neq: 'ne', Lt: 'lt', Leq: 'le', Gt: 'gt', Geq: 'ge' };
    for (const [element, op] of Object.entries(ops)) {
      expect(where(cmp(element, 'Title', 'Text', 'x'))).toEqual({ kind: 'compare', op, field: { name: 'Title' }, value: text('x') });
    }
  });

  it('accepts the Value before the FieldRef', () => {
    expect(where('<Eq><Value Type="Text">x</Value><FieldRef Name="Title"/></Eq>')).toEqual({
      kind: 'compare',
      op: 'eq',
      field: { name: 'Title' },
      value: text('x'),
    });
  });

  it('reads IsNull, IsNotNull, BeginsWith and Contains', () => {
    expect(where('<IsNull><FieldRef Name="DueDate"/></IsNull>')).toEqual({ kind: 'isnull', field: { name: 'DueDate' } });
    expect(where('<IsNotNull><FieldRef Name="DueDate"/></IsNotNull>')).toEqual({ kind: 'isnotnull', field: { name: 'DueDate' } });
    expect(where(cmp('BeginsWith', 'ActionRef', 'Text', 'R1.'))).toEqual({ kind: 'startswith', field: { name: 'ActionRef' }, value: 'R1.' });
    expect(where(cmp('Contains', 'ActionDetails', 'Note', 'budget'))).toEqual({ kind: 'contains', field: { name: 'ActionDetails' }, value: 'budget' });
  });

  it('reads In with its Values', () => {
    const xml = '<In><FieldRef Name="RAG"/><Values><Value Type="Choice">Red</Value><Value Type="Choice">Amber</Value></Values></In>';
    expect(where(xml)).toEqual({ kind: 'in', field: { name: 'RAG' }, values: [text('Red'), text('Amber')] });
  });

  it('nests And and Or in document order', () => {
    const xml = `<Or><And>${cmp('Eq', 'A', 'Text', 'a')}${cmp('Eq', 'B', 'Text', 'b')}</And>${cmp('Eq', 'C', 'Text', 'c')}</Or>`;
    const eq = (name: string, value: string): FilterExpr => ({ kind: 'compare', op: 'eq', field: { name }, value: text(value) });
    expect(where(xml)).toEqual({ kind: 'or', left: { kind: 'and', left: eq('A', 'a'), right: eq('B', 'b') }, right: eq('C', 'c') });
  });

  it('decodes XML entities and CDATA in values', () => {
    expect(where(cmp('Eq', 'OwnerText', 'Text', 'O&apos;Brien &amp; Co &lt;Ltd&gt; &#39;x&#x27;'))).toMatchObject({ value: text("O'Brien & Co <Ltd> 'x'") });
    expect(where(cmp('Eq', 'Title', 'Text', '<![CDATA[a < b & c]]>'))).toMatchObject({ value: text('a < b & c') });
  });

  it('converts Number, Integer, Counter and Boolean values', () => {
    expect(where(cmp('Eq', 'PercentComplete', 'Number', ' 12.5 '))).toMatchObject({ value: { type: 'number', value: 12.5 } });
    expect(where(cmp('Eq', 'ID', 'Integer', '7'))).toMatchObject({ value: { type: 'number', value: 7 } });
    expect(where(cmp('Eq', 'Ongoing', 'Boolean', '1'))).toMatchObject({ value: { type: 'boolean', value: true } });
    expect(where(cmp('Eq', 'Ongoing', 'Boolean', 'FALSE'))).toMatchObject({ value: { type: 'boolean', value: false } });
  });

  it('compares DateTime values by date unless IncludeTimeValue is TRUE', () => {
    expect(where(cmp('Eq', 'DueDate', 'DateTime', '2024-05-31T10:00:00Z'))).toMatchObject({ value: { type: 'datetime', value: '2024-05-31T00:00:00Z' } });
    expect(where(cmp('Eq', 'DueDate', 'DateTime', '2024-05-31'))).toMatchObject({ value: { type: 'datetime', value: '2024-05-31T00:00:00Z' } });
    const withTime = '<Geq><FieldRef Name="LastUpdated"/><Value Type="DateTime" IncludeTimeValue="TRUE">2024-05-31T10:00:00Z</Value></Geq>';
    expect(where(withTime)).toMatchObject({ value: { type: 'datetime', value: '2024-05-31T10:00:00Z' } });
  });

  it('reads Today with OffsetDays or Offset', () => {
    expect(where(cmp('Leq', 'DueDate', 'DateTime', '<Today OffsetDays="-30"/>'))).toMatchObject({ value: { type: 'today', offsetDays: -30 } });
    expect(where(cmp('Leq', 'DueDate', 'DateTime', '<Today Offset="14"/>'))).toMatchObject({ value: { type: 'today', offsetDays: 14 } });
    expect(where(cmp('Lt', 'DueDate', 'DateTime', '<Today/>'))).toMatchObject({ value: { type: 'today', offsetDays: 0 } });
  });

  it('reads UserID as the current user, with or without Type="Integer"', () => {
    expect(where(cmp('Eq', 'Owner', 'Integer', '<UserID/>'))).toEqual({ kind: 'compare', op: 'eq', field: { name: 'Owner' }, value: { type: 'me' } });
    expect(where(cmp('Eq', 'Owner', 'Integer', '<UserID Type="Integer"/>', ' LookupId="TRUE"'))).toMatchObject({ value: { type: 'me' } });
  });

  it('compares person fields on the id with LookupId="TRUE" and on the name without', () => {
    expect(where(cmp('Eq', 'Owner', 'User', '5', ' LookupId="TRUE"'))).toEqual({
      kind: 'compare',
      op: 'eq',
      field: { name: 'Owner' },
      value: { type: 'number', value: 5 },
    });
    expect(where(cmp('Eq', 'Owner', 'User', 'Pat O&apos;Brien'))).toEqual({
      kind: 'compare',
      op: 'eq',
      field: { name: 'Owner', sub: 'Title' },
      value: text("Pat O'Brien"),
    });
    expect(where(cmp('Contains', 'Owner', 'User', 'Pat'))).toEqual({ kind: 'contains', field: { name: 'Owner', sub: 'Title' }, value: 'Pat' });
  });

  it('reports malformed XML with its position', () => {
    const error = syntaxErrorOf('<Where><Eq><FieldRef Name="A"></Eq></Where>');
    expect(error.position).toBe(30);
    expect(error.message).toMatch(/^Syntax error at position 30 in CAML: malformed XML: .*FieldRef/);
    expect(syntaxErrorOf('<Where><Eq>').message).toMatch(/malformed XML/);
  });

  it('names an unknown element and where it is', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['<Select/>', 0, /unknown root element <Select>/],
      ['<View><Filter/></View>', 6, /unknown element <Filter> in <View>/],
      ['<Query><Having/></Query>', 7, /unknown element <Having> in <Query>/],
      ['<Where><DateRangesOverlap/></Where>', 7, /unknown element <DateRangesOverlap> in <Where>; expected one of <Eq>/],
      [`<Where><And>${cmp('Eq', 'A', 'Text', 'a')}<Like/></And></Where>`, 69, /unknown element <Like> in <And>/],
      [`<Where>${cmp('Eq', 'DueDate', 'DateTime', '<Now/>')}</Where>`, 60, /unknown element <Now> in <Value>/],
      ['<View><ViewFields><Field Name="A"/></ViewFields></View>', 18, /unknown element <Field> in <ViewFields>; expected one of <FieldRef>/],
    ];
    for (const [xml, position, message] of cases) {
      const error = syntaxErrorOf(xml);
      expect({ xml, position: error.position }).toEqual({ xml, position });
      expect(error.message).toMatch(message);
    }
  });

  it('reports missing or extra parts of a condition', () => {
    expect(syntaxErrorOf(`<Where><And>${cmp('Eq', 'A', 'Text', 'a')}</And></Where>`).message).toMatch(/<And> takes exactly two conditions, found 1/);
    expect(syntaxErrorOf(`<Where><Or>${cmp('Eq', 'A', 'Text', 'a').repeat(3)}</Or></Where>`).message).toMatch(/<Or> takes exactly two conditions, found 3/);
    expect(syntaxErrorOf(`<Where>${cmp('Eq', 'A', 'Text', 'a').repeat(2)}</Where>`).message).toMatch(/<Where> takes one condition/);
    expect(syntaxErrorOf('<Where><Eq><FieldRef Name="A"/></Eq></Where>').message).toMatch(/<Eq> needs a <Value>/);
    expect(syntaxErrorOf('<Where><Eq><Value Type="Text">a</Value></Eq></Where>').message).toMatch(/<Eq> needs a <FieldRef/);
    expect(syntaxErrorOf('<Where><IsNull><FieldRef/></IsNull></Where>').message).toMatch(/<FieldRef> in <IsNull> needs a Name attribute/);
    expect(syntaxErrorOf('<Where><IsNull><FieldRef Name="A"/><Value Type="Text">x</Value></IsNull></Where>').message).toMatch(/unexpected <Value> in <IsNull>/);
    expect(syntaxErrorOf('<Where><In><FieldRef Name="A"/><Values/></In></Where>').message).toMatch(/<In> needs a <Values> element with at least one <Value>/);
  });

  it('reports values that do not fit their Type', () => {
    expect(syntaxErrorOf(`<Where>${cmp('Eq', 'A', 'Number', 'ten')}</Where>`).message).toMatch(/<Value Type="Number"> must be a number, found 'ten'/);
    expect(syntaxErrorOf(`<Where>${cmp('Eq', 'A', 'Boolean', 'yes')}</Where>`).message).toMatch(/Boolean.*must be 1, 0, TRUE or FALSE/);
    expect(syntaxErrorOf(`<Where>${cmp('Eq', 'A', 'DateTime', 'May-21')}</Where>`).message).toMatch(/must be an ISO date/);
    expect(syntaxErrorOf(`<Where>${cmp('Eq', 'A', 'DateTime', '<Today OffsetDays="soon"/>')}</Where>`).message).toMatch(/<Today> offset must be a whole number/);
    expect(syntaxErrorOf('<View><RowLimit>all</RowLimit></View>').message).toMatch(/<RowLimit> must hold a whole number/);
  });
});
