import { spErrors } from '../sp-error';

/**
 * The part of SharePoint's calculated-column formulas a list app uses: numbers, "text",
 * `[Column]` (or a bare column name) references, + - * / arithmetic, `&` and
 * CONCATENATE, comparisons (= <> < > <= >=), IF, AND, OR, NOT, ISBLANK. Anything else is
 * refused as SharePoint refuses a formula it cannot take; TODAY/NOW/ME with its own
 * "volatile functions" message. A formula is checked when the field is made and
 * evaluated when an item is written, so its value is stored and can be filtered on.
 */
export type Formula =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'ref'; name: string }
  | { kind: 'unary'; op: '-'; operand: Formula }
  | { kind: 'binary'; op: string; left: Formula; right: Formula }
  | { kind: 'call'; name: string; args: Formula[] };

type Token = { type: 'num' | 'str' | 'ref' | 'name' | 'op' | '(' | ')' | ','; text: string };

const FUNCTIONS = new Set(['IF', 'AND', 'OR', 'NOT', 'CONCATENATE', 'ISBLANK']);
const VOLATILE = new Set(['TODAY', 'NOW', 'ME']);
const MAX_DEPTH = 32;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (/[0-9.]/.test(ch)) {
      const match = /^[0-9]*\.?[0-9]+/.exec(text.slice(i));
      if (!match) throw spErrors.unsupportedFormula(`unreadable number at ${i}`);
      tokens.push({ type: 'num', text: match[0] });
      i += match[0].length;
    } else if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw spErrors.unsupportedFormula('a text in quotes is not closed');
      tokens.push({ type: 'str', text: text.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '[') {
      const end = text.indexOf(']', i + 1);
      if (end < 0) throw spErrors.unsupportedFormula('a [column] reference is not closed');
      tokens.push({ type: 'ref', text: text.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ type: 'name', text: match[0] });
      i += match[0].length;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch, text: ch });
      i += 1;
    } else {
      const two = text.slice(i, i + 2);
      const op = ['<>', '<=', '>='].includes(two) ? two : ch;
      if (!['+', '-', '*', '/', '&', '=', '<', '>', '<>', '<=', '>='].includes(op)) throw spErrors.unsupportedFormula(`'${ch}' at ${i}`);
      tokens.push({ type: 'op', text: op });
      i += op.length;
    }
  }
  return tokens;
}

const LEVELS: string[][] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];

/** Parses a formula (with or without its leading `=`), refusing what is outside the subset. */
export function parseFormula(text: string): Formula {
  const source = text.trim().replace(/^=/, '');
  if (!source) throw spErrors.unsupportedFormula('the formula is empty');
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (type: Token['type']) => {
    const token = tokens[pos];
    if (!token || token.type !== type) throw spErrors.unsupportedFormula(`expected '${type}'`);
    pos += 1;
    return token;
  };
  const level = (n: number, depth: number): Formula => {
    if (depth > MAX_DEPTH) throw spErrors.unsupportedFormula('the formula is nested too deeply');
    if (n === LEVELS.length) return unary(depth);
    let left = level(n + 1, depth + 1);
    while (peek()?.type === 'op' && LEVELS[n].includes(peek().text)) {
      const op = tokens[pos++].text;
      left = { kind: 'binary', op, left, right: level(n + 1, depth + 1) };
    }
    return left;
  };
  const unary = (depth: number): Formula => {
    const token = peek();
    if (!token) throw spErrors.unsupportedFormula('the formula ends too early');
    pos += 1;
    switch (token.type) {
      case 'num':
        return { kind: 'number', value: Number(token.text) };
      case 'str':
        return { kind: 'text', value: token.text };
      case 'ref':
        return { kind: 'ref', name: token.text };
      case 'op':
        if (token.text === '-') return { kind: 'unary', op: '-', operand: unary(depth + 1) };
        if (token.text === '+') return unary(depth + 1);
        break;
      case '(': {
        const inner = level(0, depth + 1);
        expect(')');
        return inner;
      }
      case 'name': {
        const upper = token.text.toUpperCase();
        if (VOLATILE.has(upper)) throw spErrors.volatileFormula();
        if (peek()?.type === '(') {
          if (!FUNCTIONS.has(upper)) throw spErrors.unsupportedFormula(`the function ${token.text} is not supported by the embedded server`);
          pos += 1;
          const args: Formula[] = [];
          if (peek()?.type !== ')') {
            args.push(level(0, depth + 1));
            while (peek()?.type === ',') {
              pos += 1;
              args.push(level(0, depth + 1));
            }
          }
          expect(')');
          return { kind: 'call', name: upper, args };
        }
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'number', value: upper === 'TRUE' ? 1 : 0 };
        return { kind: 'ref', name: token.text };
      }
      default:
        break;
    }
    throw spErrors.unsupportedFormula(`unexpected '${token.text}'`);
  };
  const formula = level(0, 0);
  if (pos < tokens.length) throw spErrors.unsupportedFormula(`unexpected '${tokens[pos].text}'`);
  return formula;
}

/** The column names a formula refers to, for checking them against the list's fields. */
export function formulaRefs(formula: Formula): string[] {
  switch (formula.kind) {
    case 'ref':
      return [formula.name];
    case 'unary':
      return formulaRefs(formula.operand);
    case 'binary':
      return [...formulaRefs(formula.left), ...formulaRefs(formula.right)];
    case 'call':
      return formula.args.flatMap(formulaRefs);
    default:
      return [];
  }
}

/** A value while a formula runs: numbers, text, booleans, dates (as ISO text) or empty. */
export type FormulaValue = number | string | boolean | null;

const DAY_MS = 86_400_000;

function isIsoDate(value: FormulaValue): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value);
}

function asNumber(value: FormulaValue): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  const text: string = value;
  if (isIsoDate(text)) return Date.parse(text) / DAY_MS;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new FormulaValueError(`'${text}' is not a number`);
  return n;
}

function asText(value: FormulaValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** A value the formula cannot work with (text where a number is needed): SharePoint shows #VALUE!. */
export class FormulaValueError extends Error {}

/**
 * Evaluates a formula against an item's values (`lookup` finds a column by internal name
 * or title). Date arithmetic works in days, as in SharePoint: `[Due]+7` is a week later.
 */
export function evaluateFormula(formula: Formula, lookup: (name: string) => FormulaValue): FormulaValue {
  const run = (f: Formula): FormulaValue => evaluateFormula(f, lookup);
  switch (formula.kind) {
    case 'number':
      return formula.value;
    case 'text':
      return formula.value;
    case 'ref':
      return lookup(formula.name);
    case 'unary':
      return -asNumber(run(formula.operand));
    case 'binary': {
      const left = run(formula.left);
      const right = run(formula.right);
      switch (formula.op) {
        case '&':
          return asText(left) + asText(right);
        case '+':
        case '-': {
          const sum = formula.op === '+' ? asNumber(left) + asNumber(right) : asNumber(left) - asNumber(right);
          // A date plus days is a date; a date minus a date is a number of days.
          const dated = isIsoDate(left) !== isIsoDate(right) || (formula.op === '+' && (isIsoDate(left) || isIsoDate(right)));
          return dated ? new Date(Math.round(sum * DAY_MS)).toISOString().replace(/\.\d{3}Z$/, 'Z') : sum;
        }
        case '*':
          return asNumber(left) * asNumber(right);
        case '/': {
          const divisor = asNumber(right);
          if (divisor === 0) throw new FormulaValueError('division by zero');
          return asNumber(left) / divisor;
        }
        default:
          return compare(formula.op, left, right);
      }
    }
    case 'call':
      return callFunction(formula.name, formula.args.map(run));
  }
}

function compare(op: string, left: FormulaValue, right: FormulaValue): boolean {
  const numeric = typeof left === 'number' || typeof right === 'number' || typeof left === 'boolean' || typeof right === 'boolean';
  const a = numeric ? asNumber(left) : asText(left).toLowerCase();
  const b = numeric ? asNumber(right) : asText(right).toLowerCase();
  switch (op) {
    case '=':
      return a === b;
    case '<>':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    default:
      return a >= b;
  }
}

function truthy(value: FormulaValue): boolean {
  if (typeof value === 'string') return value.toUpperCase() === 'TRUE' || (value !== '' && Number(value) !== 0 && !Number.isNaN(Number(value)));
  return Boolean(value);
}

function callFunction(name: string, args: FormulaValue[]): FormulaValue {
  switch (name) {
    case 'IF':
      if (args.length < 2 || args.length > 3) throw new FormulaValueError('IF takes 2 or 3 arguments');
      return truthy(args[0]) ? args[1] : (args[2] ?? false);
    case 'AND':
      return args.every(truthy);
    case 'OR':
      return args.some(truthy);
    case 'NOT':
      return !truthy(args[0] ?? null);
    case 'CONCATENATE':
      return args.map(asText).join('');
    default:
      return args[0] === null || args[0] === '' || args[0] === undefined;
  }
}
