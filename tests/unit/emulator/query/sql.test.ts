import Database from 'better-sqlite3';
import {
  compileFilterToSql,
  compileOrderByToSql,
  parseCaml,
  parseODataFilter,
  parseODataOrderBy,
  QueryTypeError,
  type FieldInfo,
  type FieldRef,
  type FilterExpr,
  type SqlContext,
} from '../../../../src/emulator/query';

/** A small Plan Items table stored the way the emulator stores lists. */
function aPlanItemsTable(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE users (id INTEGER PRIMARY KEY, title TEXT, email TEXT);
    CREATE TABLE items (ID INTEGER PRIMARY KEY, Title TEXT, Status TEXT, PercentComplete REAL,
      Ongoing INTEGER, DueDate TEXT, OwnerId INTEGER, Notes TEXT);
  `);
  db.prepare('INSERT INTO users VALUES (?, ?, ?)').run(5, "Pat O'Brien", 'pat@council.gov');
  db.prepare('INSERT INTO users VALUES (?, ?, ?)').run(7, 'Sam Lee', 'sam@council.gov');
  const insert = db.prepare('INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  insert.run(1, 'Alpha plan', 'Completed', 100, 1, '2024-05-31T00:00:00Z', 5, "O'Brien's note");
  insert.run(2, 'beta', 'In progress', 50, 0, '2024-06-15T00:00:00Z', 7, '50% done');
  insert.run(3, 'Gamma', null, null, null, null, null, null);
  insert.run(4, '', '', 0, 0, '2024-05-30T00:00:00Z', 5, 'under_score');
  insert.run(5, 'ALPHA two', 'Not started', 10, 1, '2024-07-01T12:30:00Z', 7, null);
  return db;
}

const FIELDS: Record<string, FieldInfo['kind']> = {
  ID: 'counter',
  Title: 'text',
  Status: 'choice',
  PercentComplete: 'number',
  Ongoing: 'boolean',
  DueDate: 'datetime',
  Notes: 'note',
};

/** Resolves fields like the server: `Owner`, `OwnerId` and `Owner/Id` share a column; `Owner/EMail` is a subquery. */
function aContext(overrides: Partial<SqlContext> = {}): SqlContext {
  return {
    currentUserId: 7,
    today: '2024-06-01',
    resolve(ref: FieldRef) {
      if (ref.name === 'Owner' || ref.name === 'OwnerId') {
        if (!ref.sub || ref.sub === 'Id') return { sql: 'OwnerId', field: { internalName: 'Owner', kind: 'user', indexed: true } };
        const column = { Title: 'title', EMail: 'email' }[ref.sub];
        if (column) return { sql: `SELECT ${column} FROM users WHERE users.id = items.OwnerId`, field: { internalName: `Owner/${ref.sub}`, kind: 'text', indexed: false } };
      }
      const kind = ref.sub ? undefined : FIELDS[ref.name];
      if (!kind) throw new Error(`Column '${ref.name}' does not exist`);
      return { sql: ref.name, field: { internalName: ref.name, kind, indexed: false } };
    },
    ...overrides,
  };
}

const db = aPlanItemsTable();

/** The ids of the rows a filter (OData text or AST) selects, in id order. */
function ids(filter: string | FilterExpr, context = aContext()): number[] {
  const expr = typeof filter === 'string' ? parseODataFilter(filter) : filter;
  const { sql, params } = compileFilterToSql(expr, context);
  return db
    .prepare(`SELECT ID FROM items WHERE ${sql} ORDER BY ID`)
    .all(...params)
    .map((row) => (row as { ID: number }).ID);
}

/** The ids in the order an `$orderby` sorts them (ties broken by id). */
function sorted(orderBy: string): number[] {
  const { sql } = compileOrderByToSql(parseODataOrderBy(orderBy), aContext());
  return db
    .prepare(`SELECT ID FROM items ORDER BY ${sql}, ID`)
    .all()
    .map((row) => (row as { ID: number }).ID);
}

afterAll(() => db.close());

describe('compileFilterToSql', () => {
  describe('text, note and choice fields', () => {
    it('compares eq case-insensitively', () => {
      expect(ids("Status eq 'completed'")).toEqual([1]);
      expect(ids("Title eq 'BETA'")).toEqual([2]);
    });

    it('treats null and the empty string alike for eq', () => {
      expect(ids('Status eq null')).toEqual([3, 4]);
      expect(ids("Status eq ''")).toEqual([3, 4]);
    });

    it('includes empty values in ne, and ne null means "has a value"', () => {
      expect(ids("Status ne 'Completed'")).toEqual([2, 3, 4, 5]);
      expect(ids('Status ne null')).toEqual([1, 2, 5]);
      expect(ids("Status ne ''")).toEqual([1, 2, 5]);
    });

    it('orders text case-insensitively and never matches empty values with lt', () => {
      expect(ids("Title lt 'b'")).toEqual([1, 5]);
      expect(ids("Title ge 'b'")).toEqual([2, 3]);
    });

    it('matches startswith and substringof case-insensitively', () => {
      expect(ids("startswith(Title,'alpha')")).toEqual([1, 5]);
      expect(ids("substringof('PLAN',Title)")).toEqual([1]);
    });

    it('matches LIKE wildcards and apostrophes literally', () => {
      expect(ids("substringof('%',Notes)")).toEqual([2]);
      expect(ids("substringof('_',Notes)")).toEqual([4]);
      expect(ids("substringof('''',Notes)")).toEqual([1]);
      expect(ids("startswith(Notes,'O''Brien')")).toEqual([1]);
    });

    it('binds values as parameters, so quotes cannot break out', () => {
      const { sql, params } = compileFilterToSql(parseODataFilter("Title eq 'x'' OR 1=1 --'"), aContext());
      expect(sql).not.toContain('1=1');
      expect(params).toEqual(["x' OR 1=1 --"]);
      expect(ids("Title eq 'x'' OR 1=1 --'")).toEqual([]);
    });

    it('refuses a number compared with a text field', () => {
      expect(() => ids('Title eq 5')).toThrow(QueryTypeError);
      expect(() => ids('Title eq 5')).toThrow(/'Title' \(text\) with the number 5: expected a quoted string/);
    });
  });

  describe('number and counter fields', () => {
    it('compares numbers, accepting numeric strings', () => {
      expect(ids('PercentComplete ge 50')).toEqual([1, 2]);
      expect(ids("PercentComplete eq '50'")).toEqual([2]);
      expect(ids('ID le 2')).toEqual([1, 2]);
    });

    it('includes empty values in ne and matches them with eq null', () => {
      expect(ids('PercentComplete ne 100')).toEqual([2, 3, 4, 5]);
      expect(ids('PercentComplete eq null')).toEqual([3]);
      expect(ids('PercentComplete ne null')).toEqual([1, 2, 4, 5]);
    });

    it('refuses ordering against null and non-numbers', () => {
      expect(() => ids('PercentComplete lt null')).toThrow(/'lt' cannot compare 'PercentComplete' with an empty value/);
      expect(() => ids("PercentComplete eq 'half'")).toThrow(/expected a number/);
      expect(() => ids('PercentComplete eq true')).toThrow(QueryTypeError);
    });
  });

  describe('boolean fields', () => {
    it('accepts true/false, 1/0 and their string forms', () => {
      expect(ids('Ongoing eq true')).toEqual([1, 5]);
      expect(ids('Ongoing eq 1')).toEqual([1, 5]);
      expect(ids('Ongoing eq 0')).toEqual([2, 4]);
      expect(ids("Ongoing eq 'false'")).toEqual([2, 4]);
      expect(ids("Ongoing eq 'TRUE'")).toEqual([1, 5]);
    });

    it('includes empty values in ne', () => {
      expect(ids('Ongoing ne true')).toEqual([2, 3, 4]);
    });

    it('refuses anything else', () => {
      expect(() => ids("Ongoing eq 'maybe'")).toThrow(/expected true, false, 1 or 0/);
      expect(() => ids('Ongoing eq 2')).toThrow(QueryTypeError);
    });
  });

  describe('datetime fields', () => {
    it('compares datetime literals', () => {
      expect(ids("DueDate lt datetime'2024-06-01T00:00:00Z'")).toEqual([1, 4]);
      expect(ids("DueDate le datetime'2024-06-15T01:00:00+02:00'")).toEqual([1, 4]);
    });

    it('coerces quoted ISO strings, with or without time, zone or milliseconds', () => {
      expect(ids("DueDate eq '2024-05-31'")).toEqual([1]);
      expect(ids("DueDate eq '2024-05-31T00:00:00'")).toEqual([1]);
      expect(ids("DueDate ge '2024-07-01T12:30:00.000Z'")).toEqual([5]);
    });

    it('matches empty dates only with eq null and ne', () => {
      expect(ids('DueDate eq null')).toEqual([3]);
      expect(ids("DueDate ne '2024-05-31'")).toEqual([2, 3, 4, 5]);
    });

    it('resolves today with an offset against ctx.today, across a month boundary', () => {
      const yesterday: FilterExpr = { kind: 'compare', op: 'lt', field: { name: 'DueDate' }, value: { type: 'today', offsetDays: -1 } };
      expect(ids(yesterday)).toEqual([4]);
      const inThirtyDays: FilterExpr = { kind: 'compare', op: 'le', field: { name: 'DueDate' }, value: { type: 'today', offsetDays: 30 } };
      expect(ids(inThirtyDays, aContext({ today: '2024-06-01' }))).toEqual([1, 2, 4]);
      expect(ids(inThirtyDays, aContext({ today: '2024-06-02' }))).toEqual([1, 2, 4, 5]);
    });

    it('refuses text that is not a date', () => {
      expect(() => ids("DueDate eq 'soon'")).toThrow(/'DueDate' \(datetime\) with 'soon': expected a date/);
      expect(() => ids("DueDate eq '2024-02-30'")).toThrow(QueryTypeError);
      expect(() => ids('DueDate eq 5')).toThrow(QueryTypeError);
    });
  });

  describe('person fields', () => {
    it('compares Owner, OwnerId and Owner/Id on the user id', () => {
      expect(ids('OwnerId eq 5')).toEqual([1, 4]);
      expect(ids('Owner eq 5')).toEqual([1, 4]);
      expect(ids('Owner/Id eq 7')).toEqual([2, 5]);
      expect(ids("OwnerId eq '7'")).toEqual([2, 5]);
    });

    it('compares projected e-mail and name through the subquery', () => {
      expect(ids("Owner/EMail eq 'SAM@council.gov'")).toEqual([2, 5]);
      expect(ids("Owner/Title eq 'Pat O''Brien'")).toEqual([1, 4]);
      expect(ids("startswith(Owner/Title,'sam')")).toEqual([2, 5]);
      expect(ids('Owner/EMail eq null')).toEqual([3]);
    });

    it('resolves me to the current user', () => {
      const mine: FilterExpr = { kind: 'compare', op: 'eq', field: { name: 'Owner' }, value: { type: 'me' } };
      expect(ids(mine)).toEqual([2, 5]);
      expect(ids(mine, aContext({ currentUserId: 5 }))).toEqual([1, 4]);
    });

    it('refuses a name compared with the id column, pointing at Owner/Title', () => {
      expect(() => ids("Owner eq 'Pat'")).toThrow(/expected a user id \(compare Owner\/Title or Owner\/EMail/);
      expect(() => ids("startswith(Owner,'P')")).toThrow(/applies to text fields only; 'Owner' is a user field/);
    });
  });

  describe('logic', () => {
    it('applies and before or', () => {
      expect(ids("Status eq 'Completed' or Status eq 'In progress' and Ongoing eq true")).toEqual([1]);
      expect(ids("(Status eq 'Completed' or Status eq 'In progress') and Ongoing eq false")).toEqual([2]);
    });

    it('makes not the complement, including rows whose value is empty', () => {
      expect(ids('PercentComplete lt 50')).toEqual([4, 5]);
      expect(ids('not (PercentComplete lt 50)')).toEqual([1, 2, 3]);
      expect(ids("not (PercentComplete lt 50 or Status eq 'Completed')")).toEqual([2, 3]);
      expect(ids("not startswith(Title,'a')")).toEqual([2, 3, 4]);
    });

    it('matches in-lists, with null meaning empty', () => {
      const values = (...literals: Array<string | null>): FilterExpr => ({
        kind: 'in',
        field: { name: 'Status' },
        values: literals.map((value) => (value === null ? { type: 'null' as const } : { type: 'string' as const, value })),
      });
      expect(ids(values('Completed', 'not started'))).toEqual([1, 5]);
      expect(ids(values('Completed', null))).toEqual([1, 3, 4]);
      expect(ids(values())).toEqual([]);
    });

    it('matches isnull and isnotnull, counting empty text as null', () => {
      expect(ids({ kind: 'isnull', field: { name: 'Title' } })).toEqual([4]);
      expect(ids({ kind: 'isnotnull', field: { name: 'Title' } })).toEqual([1, 2, 3, 5]);
      expect(ids({ kind: 'isnull', field: { name: 'PercentComplete' } })).toEqual([3]);
      expect(ids({ kind: 'isnotnull', field: { name: 'Notes' } })).toEqual([1, 2, 4]);
    });

    it('lets an unknown field error from resolve through', () => {
      expect(() => ids("Nope eq 'x'")).toThrow("Column 'Nope' does not exist");
    });
  });
});

describe('compileFilterToSql with CAML views', () => {
  /** The ids a CAML view's `<Where>` selects. */
  const camlIds = (xml: string, context = aContext()): number[] => {
    const { where } = parseCaml(xml);
    if (!where) throw new Error('the view has no <Where>');
    return ids(where, context);
  };

  it('selects "My actions" with UserID', () => {
    expect(camlIds('<Where><Eq><FieldRef Name="Owner" LookupId="TRUE"/><Value Type="Integer"><UserID/></Value></Eq></Where>')).toEqual([2, 5]);
  });

  it('selects a person by display name without LookupId', () => {
    expect(camlIds('<Where><Eq><FieldRef Name="Owner"/><Value Type="User">pat o&apos;brien</Value></Eq></Where>')).toEqual([1, 4]);
  });

  it('selects "Due in 30 days" and still open with Today offsets', () => {
    const xml = `<View><Query><Where><And>
      <And>
        <Geq><FieldRef Name="DueDate"/><Value Type="DateTime"><Today/></Value></Geq>
        <Leq><FieldRef Name="DueDate"/><Value Type="DateTime"><Today OffsetDays="30"/></Value></Leq>
      </And>
      <Neq><FieldRef Name="Status"/><Value Type="Choice">Completed</Value></Neq>
    </And></Where></Query></View>`;
    expect(camlIds(xml, aContext({ today: '2024-06-01' }))).toEqual([2]);
    expect(camlIds(xml, aContext({ today: '2024-06-02' }))).toEqual([2, 5]);
  });

  it('selects with In and IsNull', () => {
    expect(camlIds('<Where><Or><In><FieldRef Name="Status"/><Values><Value Type="Choice">completed</Value></Values></In><IsNull><FieldRef Name="Status"/></IsNull></Or></Where>')).toEqual([1, 3, 4]);
  });
});

describe('compileOrderByToSql', () => {
  it('sorts empty values first ascending and last descending', () => {
    expect(sorted('Status asc')).toEqual([3, 4, 1, 2, 5]);
    expect(sorted('Status desc')).toEqual([5, 2, 1, 4, 3]);
    expect(sorted('PercentComplete')).toEqual([3, 4, 5, 2, 1]);
  });

  it('sorts text case-insensitively', () => {
    expect(sorted('Title')).toEqual([4, 1, 5, 2, 3]);
  });

  it('sorts by several keys and by projected fields', () => {
    expect(sorted('Ongoing desc,DueDate desc')).toEqual([5, 1, 2, 4, 3]);
    expect(sorted('Owner/Title desc,ID desc')).toEqual([5, 2, 4, 1, 3]);
  });

  it('returns empty SQL for no ordering', () => {
    expect(compileOrderByToSql([], aContext())).toEqual({ sql: '' });
  });
});
