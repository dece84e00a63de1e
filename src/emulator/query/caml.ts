import { QuerySyntaxError, type CamlQuery, type CompareOp, type FieldRef, type FilterExpr, type Literal, type OrderBy } from './ast';
import { normalizeDateTime } from './dates';
import { parseXmlTree, type XmlElement } from './xml-tree';

/** A parsed CAML view: the query plus what a view adds beyond filtering. */
export type ParsedCaml = CamlQuery & {
  /** `<GroupBy>` fields; grouping is presentation, not a filter. */
  groupBy: OrderBy[];
  /** `<RowLimit Paged="TRUE">`: the caller pages instead of stopping at the limit. */
  paged: boolean;
};

const WHAT = 'CAML';
const COMPARISONS: Record<string, CompareOp> = { Eq: 'eq', Neq: 'ne', Lt: 'lt', Leq: 'le', Gt: 'gt', Geq: 'ge' };
const CONDITIONS = [...Object.keys(COMPARISONS), 'IsNull', 'IsNotNull', 'BeginsWith', 'Contains', 'In', 'And', 'Or'];
// SharePoint view schema elements that do not change which rows come back.
const IGNORED_VIEW_CHILDREN = new Set(['Aggregations', 'Toolbar', 'JSLink', 'XslLink', 'ViewData', 'ViewStyle', 'ParameterBindings', 'Method', 'QueryOptions']);

/**
 * Parses CAML as sent to `getitems` or stored in a view: a `<View>` (with `<Query>`,
 * `<ViewFields>`, `<RowLimit>`), a bare `<Query>`, or a bare `<Where>`. Throws
 * `QuerySyntaxError` naming the element for malformed XML, unknown elements and
 * missing parts.
 */
export function parseCaml(viewXml: string): ParsedCaml {
  if (viewXml.trim() === '') return { where: null, orderBy: [], groupBy: [], rowLimit: null, paged: false, viewFields: [] };
  const root = parseXmlTree(viewXml, WHAT);
  const result: ParsedCaml = { where: null, orderBy: [], groupBy: [], rowLimit: null, paged: false, viewFields: [] };
  switch (root.name) {
    case 'View':
      readView(root, result);
      break;
    case 'Query':
      readQuery(root, result);
      break;
    case 'Where':
      result.where = readWhere(root);
      break;
    default:
      throw error(root, `unknown root element <${root.name}>; expected <View>, <Query> or <Where>`);
  }
  return result;
}

function readView(view: XmlElement, result: ParsedCaml): void {
  for (const child of view.children) {
    switch (child.name) {
      case 'Query':
        readQuery(child, result);
        break;
      case 'ViewFields':
        result.viewFields = child.children.map((ref) => readFieldRef(ref, 'ViewFields').name);
        break;
      case 'RowLimit': {
        const limit = child.text.trim();
        if (!/^\d+$/.test(limit)) throw error(child, `<RowLimit> must hold a whole number, found '${limit}'`);
        result.rowLimit = Number(limit);
        result.paged = isTrue(child.attrs.Paged);
        break;
      }
      default:
        if (!IGNORED_VIEW_CHILDREN.has(child.name)) throw unknown(child, 'View', ['Query', 'ViewFields', 'RowLimit']);
    }
  }
}

function readQuery(query: XmlElement, result: ParsedCaml): void {
  for (const child of query.children) {
    switch (child.name) {
      case 'Where':
        result.where = readWhere(child);
        break;
      case 'OrderBy':
        result.orderBy = child.children.map((ref) => readSortField(ref, 'OrderBy'));
        break;
      case 'GroupBy':
        result.groupBy = child.children.map((ref) => readSortField(ref, 'GroupBy'));
        break;
      default:
        throw unknown(child, 'Query', ['Where', 'OrderBy', 'GroupBy']);
    }
  }
}

function readWhere(where: XmlElement): FilterExpr | null {
  if (where.children.length === 0) return null;
  if (where.children.length > 1) throw error(where.children[1], '<Where> takes one condition; combine conditions with <And> or <Or>');
  return readCondition(where.children[0], 'Where');
}

function readCondition(element: XmlElement, parent: string): FilterExpr {
  const op = COMPARISONS[element.name];
  if (op) return readComparison(element, op);
  switch (element.name) {
    case 'And':
    case 'Or': {
      if (element.children.length !== 2) {
        throw error(element, `<${element.name}> takes exactly two conditions, found ${element.children.length}; nest <${element.name}> for more`);
      }
      const kind = element.name === 'And' ? 'and' : 'or';
      return { kind, left: readCondition(element.children[0], element.name), right: readCondition(element.children[1], element.name) };
    }
    case 'IsNull':
    case 'IsNotNull': {
      const { field } = readOperands(element, { value: false });
      return { kind: element.name === 'IsNull' ? 'isnull' : 'isnotnull', field };
    }
    case 'BeginsWith':
    case 'Contains': {
      const { value } = readOperands(element, { value: true });
      if (!value || value.literal.type !== 'string') throw error(element, `<${element.name}> needs a text <Value>`);
      return { kind: element.name === 'BeginsWith' ? 'startswith' : 'contains', field: value.field, value: value.literal.value };
    }
    case 'In': {
      const { fieldRef, field } = readOperands(element, { value: false, values: true });
      const valuesElement = element.children.find((child) => child.name === 'Values');
      const values = (valuesElement?.children ?? []).map((child) => {
        if (child.name !== 'Value') throw unknown(child, 'Values', ['Value']);
        return readValue(child, fieldRef);
      });
      if (values.length === 0) throw error(element, '<In> needs a <Values> element with at least one <Value>');
      // A name compared on a person field moves the whole list to Owner/Title.
      const target = values.find((value) => value.field.sub)?.field ?? field;
      return { kind: 'in', field: target, values: values.map((value) => value.literal) };
    }
    default:
      throw unknown(element, parent, CONDITIONS);
  }
}

function readComparison(element: XmlElement, op: CompareOp): FilterExpr {
  const { value } = readOperands(element, { value: true });
  if (!value) throw error(element, `<${element.name}> needs a <Value>`);
  return { kind: 'compare', op, field: value.field, value: value.literal };
}

type ReadValue = { field: FieldRef; literal: Literal };

/** The `<FieldRef>` and (optionally) `<Value>` / `<Values>` of a condition, in either order. */
function readOperands(
  element: XmlElement,
  expects: { value: boolean; values?: boolean },
): { fieldRef: XmlElement; field: FieldRef; value: ReadValue | null } {
  let fieldRef: XmlElement | null = null;
  let valueElement: XmlElement | null = null;
  for (const child of element.children) {
    if (child.name === 'FieldRef' && !fieldRef) fieldRef = child;
    else if (child.name === 'Value' && expects.value && !valueElement) valueElement = child;
    else if (child.name === 'Values' && expects.values) continue;
    else {
      const allowed = ['FieldRef', ...(expects.value ? ['Value'] : []), ...(expects.values ? ['Values'] : [])];
      throw error(child, `unexpected <${child.name}> in <${element.name}>; expected ${allowed.map((name) => `<${name}>`).join(' and ')}`);
    }
  }
  if (!fieldRef) throw error(element, `<${element.name}> needs a <FieldRef Name="…"/>`);
  const field = readFieldRef(fieldRef, element.name);
  return { fieldRef, field, value: valueElement ? readValue(valueElement, fieldRef) : null };
}

/**
 * Converts `<Value Type="…">` to a literal. A person or lookup compared by text (no
 * `LookupId="TRUE"`) compares the display name, so the field becomes `Owner/Title`.
 */
function readValue(value: XmlElement, fieldRef: XmlElement): ReadValue {
  const field: FieldRef = { name: fieldRef.attrs.Name };
  const byId = isTrue(fieldRef.attrs.LookupId);
  const type = value.attrs.Type ?? 'Text';
  const child = value.children[0];
  if (value.children.length > 1) throw error(value.children[1], '<Value> holds text or one of <Today/>, <UserID/>');
  if (child) {
    if (child.name === 'UserID') return { field, literal: { type: 'me' } };
    if (child.name === 'Today') return { field, literal: { type: 'today', offsetDays: readOffset(child) } };
    throw unknown(child, 'Value', ['Today', 'UserID']);
  }
  const text = value.text;
  switch (type) {
    case 'Number':
    case 'Integer':
    case 'Counter':
    case 'Currency':
      return { field, literal: { type: 'number', value: readNumber(value, text) } };
    case 'Boolean': {
      const word = text.trim().toLowerCase();
      if (!['1', '0', 'true', 'false'].includes(word)) throw error(value, `<Value Type="Boolean"> must be 1, 0, TRUE or FALSE, found '${text}'`);
      return { field, literal: { type: 'boolean', value: word === '1' || word === 'true' } };
    }
    case 'DateTime': {
      const normalised = normalizeDateTime(text);
      if (normalised === null) throw error(value, `<Value Type="DateTime"> must be an ISO date such as 2024-05-31, found '${text}'`);
      // Without IncludeTimeValue="TRUE" SharePoint compares the date part only.
      const literal = isTrue(value.attrs.IncludeTimeValue) ? normalised : `${normalised.slice(0, 10)}T00:00:00Z`;
      return { field, literal: { type: 'datetime', value: literal } };
    }
    case 'User':
    case 'Lookup':
      if (byId) return { field, literal: { type: 'number', value: readNumber(value, text) } };
      return { field: { name: field.name, sub: 'Title' }, literal: { type: 'string', value: text } };
    default:
      // Text, Note, Choice, Computed, URL, … compare as text.
      return { field, literal: { type: 'string', value: text } };
  }
}

function readFieldRef(element: XmlElement, parent: string): FieldRef {
  if (element.name !== 'FieldRef') throw unknown(element, parent, ['FieldRef']);
  const name = element.attrs.Name;
  if (!name) throw error(element, `<FieldRef> in <${parent}> needs a Name attribute`);
  return { name };
}

function readSortField(element: XmlElement, parent: string): OrderBy {
  const field = readFieldRef(element, parent);
  const ascending = element.attrs.Ascending === undefined || !/^(false|0)$/i.test(element.attrs.Ascending);
  return { field, ascending };
}

function readOffset(today: XmlElement): number {
  const raw = today.attrs.OffsetDays ?? today.attrs.Offset ?? '0';
  if (!/^\s*[-+]?\d+\s*$/.test(raw)) throw error(today, `<Today> offset must be a whole number of days, found '${raw}'`);
  return Number(raw);
}

function readNumber(value: XmlElement, text: string): number {
  const number = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(number)) throw error(value, `<Value Type="${value.attrs.Type}"> must be a number, found '${text}'`);
  return number;
}

function isTrue(attribute: string | undefined): boolean {
  return attribute !== undefined && /^(true|1)$/i.test(attribute.trim());
}

function unknown(element: XmlElement, parent: string, expected: string[]): QuerySyntaxError {
  return error(element, `unknown element <${element.name}> in <${parent}>; expected one of ${expected.map((name) => `<${name}>`).join(', ')}`);
}

function error(element: XmlElement, detail: string): QuerySyntaxError {
  return new QuerySyntaxError(`Syntax error at position ${element.pos} in ${WHAT}: ${detail}`, element.pos);
}
