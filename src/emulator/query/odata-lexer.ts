import { QuerySyntaxError, type FieldRef } from './ast';

/**
 * Tokens of the OData URL query syntax SharePoint REST accepts in `$filter`,
 * `$orderby` and `$select`. Positions are 0-based offsets into the option text so
 * errors can point at the exact character.
 */
export type Token =
  | { type: 'ident'; text: string; pos: number }
  | { type: 'string'; value: string; pos: number; end: number }
  | { type: 'number'; value: number; pos: number; end: number }
  /** A typed literal such as `datetime'2024-05-31T00:00:00Z'`. */
  | { type: 'typed'; prefix: string; value: string; pos: number; end: number }
  | { type: 'punct'; text: '(' | ')' | ',' | '/' | '*'; pos: number }
  | { type: 'end'; pos: number };

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;

/** Raises a syntax error in the uniform "Syntax error at position N in $option: …" form. */
export function syntaxError(option: string, pos: number, detail: string): QuerySyntaxError {
  return new QuerySyntaxError(`Syntax error at position ${pos} in ${option}: ${detail}`, pos);
}

/** Describes a token for an error message ("'eq'", "end of input"). */
export function describeToken(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'end of input';
    case 'ident':
      return `'${token.text}'`;
    case 'punct':
      return `'${token.text}'`;
    case 'number':
      return `number ${token.value}`;
    case 'string':
      return `string '${token.value}'`;
    case 'typed':
      return `${token.prefix} literal`;
  }
}

/** Splits OData option text into tokens; throws `QuerySyntaxError` on an unterminated string or a stray character. */
export function tokenize(text: string, option: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',' || ch === '/' || ch === '*') {
      tokens.push({ type: 'punct', text: ch, pos: i });
      i++;
      continue;
    }
    if (ch === "'") {
      const { value, end } = readQuoted(text, i, option);
      tokens.push({ type: 'string', value, pos: i, end });
      i = end;
      continue;
    }
    if (DIGIT.test(ch) || ((ch === '-' || ch === '+') && DIGIT.test(text[i + 1] ?? ''))) {
      const match = /^[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?[mMdDfFlL]?/.exec(text.slice(i));
      // The regex always matches here because a digit follows the optional sign.
      const raw = match ? match[0] : ch;
      tokens.push({ type: 'number', value: Number(raw.replace(/[mMdDfFlL]$/, '')), pos: i, end: i + raw.length });
      i += raw.length;
      continue;
    }
    if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < text.length && IDENT_PART.test(text[j])) j++;
      const word = text.slice(i, j);
      // `datetime'…'` (and OData's other typed literals) glue a prefix to a quoted string.
      if (text[j] === "'" && /^(datetime|datetimeoffset|guid|time)$/i.test(word)) {
        const { value, end } = readQuoted(text, j, option);
        tokens.push({ type: 'typed', prefix: word.toLowerCase(), value, pos: i, end });
        i = end;
        continue;
      }
      tokens.push({ type: 'ident', text: word, pos: i });
      i = j;
      continue;
    }
    throw syntaxError(option, i, `unexpected character '${ch}'`);
  }
  tokens.push({ type: 'end', pos: text.length });
  return tokens;
}

/** Reads a single-quoted OData string starting at `start`; `''` stands for one apostrophe. */
function readQuoted(text: string, start: number, option: string): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) throw syntaxError(option, start, 'unterminated string literal (missing closing \')');
    const ch = text[i];
    if (ch === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += ch;
    i++;
  }
}

/** A cursor over tokens with the small helpers recursive-descent parsers need. */
export class TokenStream {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    readonly option: string,
  ) {}

  /** The current token, not consumed. */
  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  /** Consumes and returns the current token. */
  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  /** True when the current token is the given punctuation. */
  isPunct(text: string): boolean {
    const token = this.peek();
    return token.type === 'punct' && token.text === text;
  }

  /** True when the current token is the given word, ignoring case. */
  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === 'ident' && token.text.toLowerCase() === word;
  }

  /** Consumes the given punctuation or throws, saying what was expected and where. */
  expectPunct(text: string, context: string): void {
    if (!this.isPunct(text)) throw this.error(`expected '${text}' ${context}, found ${describeToken(this.peek())}`);
    this.next();
  }

  /** A syntax error at the current token. */
  error(detail: string): QuerySyntaxError {
    return syntaxError(this.option, this.peek().pos, detail);
  }
}

/** Reads `Field` or `Field/Sub` (a projected lookup or person field such as `Owner/EMail`). */
export function readFieldRef(stream: TokenStream, context: string): FieldRef {
  const first = stream.peek();
  if (first.type !== 'ident') throw stream.error(`expected a field name ${context}, found ${describeToken(first)}`);
  stream.next();
  if (!stream.isPunct('/')) return { name: first.text };
  stream.next();
  const sub = stream.peek();
  if (sub.type === 'ident' || (sub.type === 'punct' && sub.text === '*')) {
    stream.next();
    return { name: first.text, sub: sub.text };
  }
  throw stream.error(`expected a field name after '${first.text}/', found ${describeToken(sub)}`);
}
