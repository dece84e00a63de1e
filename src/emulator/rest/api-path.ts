import { spErrors } from '../sp-error';

/** One segment of a REST path: `getByTitle('Plan Items')` → name `getbytitle`, args `'Plan Items'`. */
export type PathSegment = { name: string; args: string | null; raw: string };

/**
 * Splits the part of a path after `_api/` into segments. It splits on `/` only outside
 * quotes, so a title holding a slash stays whole; names are lower-cased (SharePoint
 * REST names are case-insensitive), arguments are left as written.
 */
export function parseApiPath(path: string): PathSegment[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const segments: string[] = [];
  let current = '';
  let inQuote = false;
  for (const ch of decoded) {
    if (ch === "'") inQuote = !inQuote;
    if (ch === '/' && !inQuote) {
      if (current) segments.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) segments.push(current);
  return segments.map((raw) => {
    const open = raw.indexOf('(');
    if (open < 0 || !raw.endsWith(')')) return { name: raw.toLowerCase(), args: null, raw };
    return { name: raw.slice(0, open).toLowerCase(), args: raw.slice(open + 1, -1), raw };
  });
}

/** `'Bob''s list'` → `Bob's list`; `guid'…'` → the guid; null when the argument is not a quoted string. */
export function stringArg(args: string | null): string | null {
  if (args === null) return null;
  const text = args.trim().replace(/^guid(?=')/i, '');
  // Named form: getbyid(id=5) or ensureuser(logonName='…').
  const value = /^\w+\s*=\s*(.*)$/s.exec(text)?.[1] ?? text;
  if (value.length < 2 || !value.startsWith("'") || !value.endsWith("'")) return null;
  return value.slice(1, -1).replace(/''/g, "'");
}

/** `5` → 5; null when the argument is not a whole number. */
export function numberArg(args: string | null): number | null {
  if (args === null) return null;
  const value = /^\w+\s*=\s*(.*)$/s.exec(args.trim())?.[1] ?? args.trim();
  return /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * Resolves OData parameter aliases: `siteusers(@v)?@v='i:0#.f|membership|a@b'` → the
 * segment's argument becomes `'i:0#.f|membership|a@b'`. An alias with no value in the
 * query is refused as SharePoint refuses it.
 */
export function resolveAliases(path: PathSegment[], search: URLSearchParams): PathSegment[] {
  return path.map((segment) => {
    if (segment.args === null || !segment.args.includes('@')) return segment;
    // Only an alias outside quotes is one: getByEmail('a@b.example') holds none.
    const parts = segment.args.split(/('(?:[^']|'')*')/);
    const args = parts
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part.replace(/@[A-Za-z_]\w*/g, (alias) => {
              const value = search.get(alias);
              if (value === null) throw spErrors.badQuery(`The parameter alias '${alias}' has no value: add ${alias}=<value> to the query string.`);
              return value;
            }),
      )
      .join('');
    return { ...segment, args };
  });
}

/** `displayName='A', showfield='Title'` → { displayname: 'A', showfield: 'Title' } (names lower-cased, strings unquoted). */
export function namedArgs(args: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (args === null) return out;
  const pattern = /\s*(\w+)\s*=\s*('(?:[^']|'')*'|[^,]*)\s*(?:,|$)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(args)) !== null && match[0] !== '') {
    const raw = match[2].trim();
    out[match[1].toLowerCase()] = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  }
  return out;
}
