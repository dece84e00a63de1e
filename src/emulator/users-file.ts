import fs from 'node:fs';

/**
 * A person to seed as a site user. `group` places them in a site group: `owners`,
 * `members`, `visitors` (the site's three), `none`, or any group's title (made when
 * missing); without it they are Members (the first user is the site owner).
 */
export type SeedUser = { name: string; email: string; group?: string };

/**
 * Reads a users file: a JSON array of `{ name, email, group? }`, or CSV lines
 * `name,email[,group]` (a header line `name,email…` is skipped; a cell may be quoted).
 * Throws naming the line that cannot be read.
 */
export function readUsersFile(file: string): SeedUser[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the users file '${file}' (${(error as Error).message}); pass --users with a JSON or CSV file of name,email.`);
  }
  return parseUsers(text, file);
}

/** Parses the text of a users file (see readUsersFile). */
export function parseUsers(text: string, label = 'users file'): SeedUser[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new Error(`The ${label} is not valid JSON (${(error as Error).message}); write an array like [{"name":"Jane Doe","email":"jane@contoso.example"}].`);
    }
    return (parsed as unknown[]).map((entry, i) => {
      const { name, email, group } = (entry ?? {}) as { name?: unknown; email?: unknown; group?: unknown };
      if (typeof name !== 'string' || typeof email !== 'string' || !email.includes('@')) {
        throw new Error(`Entry ${i + 1} of the ${label} needs a "name" and an "email".`);
      }
      if (group !== undefined && (typeof group !== 'string' || !group.trim())) {
        throw new Error(`Entry ${i + 1} of the ${label} has a "group" that is not a group name; use "owners", "members", "visitors", "none" or a group's title.`);
      }
      return withGroup({ name: name.trim(), email: email.trim() }, typeof group === 'string' ? group : '');
    });
  }
  const users: SeedUser[] = [];
  trimmed.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = splitCsvLine(line);
    if (i === 0 && cells[1]?.toLowerCase() === 'email') return;
    const [name, email, group] = cells;
    if (!name || !email || !email.includes('@') || cells.length > 3) throw new Error(`Line ${i + 1} of the ${label} is not 'name,email' or 'name,email,group': '${line}'.`);
    users.push(withGroup({ name, email }, group ?? ''));
  });
  return users;
}

function withGroup(user: SeedUser, group: string): SeedUser {
  return group.trim() ? { ...user, group: group.trim() } : user;
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(current.trim());
      current = '';
    } else current += ch;
  }
  cells.push(current.trim());
  return cells;
}
