import type { FieldRef, OrderBy } from './ast';
import { describeToken, readFieldRef, tokenize, TokenStream } from './odata-lexer';

/**
 * Parses `$orderby`: `DueDate asc,Title desc`, `Owner/Title`. Direction defaults to
 * ascending, as in OData. An empty text means no ordering.
 */
export function parseODataOrderBy(text: string): OrderBy[] {
  const stream = new TokenStream(tokenize(text, '$orderby'), '$orderby');
  const result: OrderBy[] = [];
  if (stream.peek().type === 'end') return result;
  for (;;) {
    const field = readFieldRef(stream, 'in $orderby');
    let ascending = true;
    if (stream.isWord('asc') || stream.isWord('desc')) {
      ascending = stream.isWord('asc');
      stream.next();
    }
    result.push({ field, ascending });
    if (stream.peek().type === 'end') return result;
    if (!stream.isPunct(',')) throw stream.error(`expected 'asc', 'desc', ',' or end of input, found ${describeToken(stream.peek())}`);
    stream.next();
  }
}

/**
 * Parses `$select`: a comma list of fields, `*` for all fields, `Owner/Title` for a
 * projected person field (`Owner/*` is `{ name: 'Owner', sub: '*' }`). `*` comes back as
 * `{ name: '*' }`. An empty text means no `$select` (the caller returns its defaults).
 */
export function parseODataSelect(text: string): FieldRef[] {
  return parseFieldList(text, '$select');
}

/** Parses `$expand`: a comma list of lookup or person fields (`Owner,Editor`). */
export function parseODataExpand(text: string): string[] {
  return parseFieldList(text, '$expand').map((ref) => (ref.sub ? `${ref.name}/${ref.sub}` : ref.name));
}

function parseFieldList(text: string, option: string): FieldRef[] {
  const stream = new TokenStream(tokenize(text, option), option);
  const result: FieldRef[] = [];
  if (stream.peek().type === 'end') return result;
  for (;;) {
    if (stream.isPunct('*')) {
      stream.next();
      result.push({ name: '*' });
    } else {
      result.push(readFieldRef(stream, `in ${option}`));
    }
    if (stream.peek().type === 'end') return result;
    if (!stream.isPunct(',')) throw stream.error(`expected ',' or end of input, found ${describeToken(stream.peek())}`);
    stream.next();
  }
}
