import type { CompareOp, FieldRef, FilterExpr, Literal } from './ast';
import { normalizeDateTime } from './dates';
import { describeToken, readFieldRef, syntaxError, tokenize, TokenStream } from './odata-lexer';

const OPTION = '$filter';
const COMPARE_OPS: readonly CompareOp[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];

/**
 * Parses a SharePoint REST `$filter` (the OData v3 subset SharePoint supports) into the
 * shared filter AST. Precedence is `not` > `and` > `or`, both binary operators
 * left-associative. Quoted strings stay strings even when they look like dates: only the
 * SQL compiler knows the field's kind and coerces them. Throws `QuerySyntaxError` with the
 * 0-based position of the offending token.
 */
export function parseODataFilter(text: string): FilterExpr {
  const tokens = tokenize(text, OPTION);
  checkNesting(tokens);
  const stream = new TokenStream(tokens, OPTION);
  if (stream.peek().type === 'end') throw stream.error('expected a filter expression, found end of input');
  const expr = parseOr(stream);
  const rest = stream.peek();
  if (rest.type !== 'end') {
    throw stream.error(`expected 'and', 'or' or end of input, found ${describeToken(rest)}`);
  }
  return expr;
}

/** Deepest nesting of parentheses (or run of `not`) a filter may have; SharePoint refuses deeper ones with a 400. */
export const MAX_FILTER_DEPTH = 100;

/** Refuses a filter nested deeper than MAX_FILTER_DEPTH before the recursive parser sees it. */
function checkNesting(tokens: ReturnType<typeof tokenize>): void {
  let depth = 0;
  let nots = 0;
  for (const token of tokens) {
    if (token.type === 'punct' && token.text === '(') depth += 1;
    else if (token.type === 'punct' && token.text === ')') depth -= 1;
    nots = token.type === 'ident' && token.text.toLowerCase() === 'not' ? nots + 1 : 0;
    if (depth > MAX_FILTER_DEPTH || nots > MAX_FILTER_DEPTH) {
      throw syntaxError(OPTION, token.pos, `the expression is nested more than ${MAX_FILTER_DEPTH} levels deep`);
    }
  }
}

function parseOr(stream: TokenStream): FilterExpr {
  let left = parseAnd(stream);
  while (stream.isWord('or')) {
    stream.next();
    left = { kind: 'or', left, right: parseAnd(stream) };
  }
  return left;
}

function parseAnd(stream: TokenStream): FilterExpr {
  let left = parseUnary(stream);
  while (stream.isWord('and')) {
    stream.next();
    left = { kind: 'and', left, right: parseUnary(stream) };
  }
  return left;
}

function parseUnary(stream: TokenStream): FilterExpr {
  // `not` is an operator unless it is a field that happens to be called "Not" (`Not eq 1`).
  if (stream.isWord('not') && !isCompareOp(stream, 1)) {
    stream.next();
    return { kind: 'not', expr: parseUnary(stream) };
  }
  return parsePrimary(stream);
}

function parsePrimary(stream: TokenStream): FilterExpr {
  const token = stream.peek();
  if (token.type === 'punct' && token.text === '(') {
    stream.next();
    const inner = parseOr(stream);
    stream.expectPunct(')', 'to close the parenthesis');
    return inner;
  }
  if (token.type !== 'ident') {
    throw stream.error(`expected a field name, '(' or a function such as startswith, found ${describeToken(token)}`);
  }
  const next = stream.peek(1);
  if (next.type === 'punct' && next.text === '(') return parseFunction(stream);
  return parseComparison(stream);
}

function parseComparison(stream: TokenStream): FilterExpr {
  const field = readFieldRef(stream, 'in the filter');
  const opToken = stream.peek();
  if (!isCompareOp(stream, 0)) {
    throw stream.error(`expected a comparison operator (eq, ne, lt, le, gt, ge) after '${fieldText(field)}', found ${describeToken(opToken)}`);
  }
  stream.next();
  const op = (opToken.type === 'ident' ? opToken.text.toLowerCase() : 'eq') as CompareOp;
  const value = parseValue(stream, op);
  return { kind: 'compare', op, field, value };
}

/** `startswith(Field,'x')`, `substringof('x',Field)`, optionally followed by `eq true|false`. */
function parseFunction(stream: TokenStream): FilterExpr {
  const nameToken = stream.next();
  const name = nameToken.type === 'ident' ? nameToken.text.toLowerCase() : '';
  let expr: FilterExpr;
  if (name === 'startswith') {
    stream.next(); // '('
    const field = readFieldRef(stream, 'as the first argument of startswith');
    stream.expectPunct(',', 'between the arguments of startswith');
    const value = expectString(stream, 'as the second argument of startswith');
    stream.expectPunct(')', 'after the arguments of startswith');
    expr = { kind: 'startswith', field, value };
  } else if (name === 'substringof') {
    stream.next(); // '('
    const value = expectString(stream, 'as the first argument of substringof');
    stream.expectPunct(',', 'between the arguments of substringof');
    const field = readFieldRef(stream, 'as the second argument of substringof');
    stream.expectPunct(')', 'after the arguments of substringof');
    expr = { kind: 'contains', field, value };
  } else {
    const shown = nameToken.type === 'ident' ? nameToken.text : '';
    throw syntaxError(OPTION, nameToken.pos, `unsupported function '${shown}'; SharePoint supports startswith and substringof`);
  }
  // OData v3 clients often write `substringof('x',Title) eq true`.
  if ((stream.isWord('eq') || stream.isWord('ne')) && (stream.isWord('true', 1) || stream.isWord('false', 1))) {
    const negate = stream.isWord('ne') !== stream.isWord('false', 1);
    stream.next();
    stream.next();
    if (negate) expr = { kind: 'not', expr };
  }
  return expr;
}

function parseValue(stream: TokenStream, op: CompareOp): Literal {
  const token = stream.peek();
  switch (token.type) {
    case 'string':
      stream.next();
      return { type: 'string', value: token.value };
    case 'number':
      stream.next();
      return { type: 'number', value: token.value };
    case 'typed': {
      if (token.prefix !== 'datetime' && token.prefix !== 'datetimeoffset') {
        throw stream.error(`${token.prefix} literals are not supported; expected a value after '${op}'`);
      }
      const value = normalizeDateTime(token.value);
      if (value === null) {
        throw stream.error(`'${token.value}' is not a valid date; expected datetime'yyyy-mm-ddThh:mm:ssZ'`);
      }
      stream.next();
      return { type: 'datetime', value };
    }
    case 'ident': {
      const word = token.text.toLowerCase();
      if (word === 'true' || word === 'false') {
        stream.next();
        return { type: 'boolean', value: word === 'true' };
      }
      if (word === 'null') {
        stream.next();
        return { type: 'null' };
      }
      break;
    }
    default:
      break;
  }
  throw stream.error(`expected a value after '${op}', found ${describeToken(token)}`);
}

function expectString(stream: TokenStream, context: string): string {
  const token = stream.peek();
  if (token.type !== 'string') throw stream.error(`expected a quoted string ${context}, found ${describeToken(token)}`);
  stream.next();
  return token.value;
}

function isCompareOp(stream: TokenStream, offset: number): boolean {
  return COMPARE_OPS.some((op) => stream.isWord(op, offset));
}

function fieldText(field: FieldRef): string {
  return field.sub ? `${field.name}/${field.sub}` : field.name;
}
