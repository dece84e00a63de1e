/** A site user an owner text may name. */
export type SiteUser = { id: number; title: string; email: string | null; jobTitle?: string };

/** A remembered decision about an owner text: this person, or keep it as text. */
export type OwnerAlias = { text: string; personId: number | null; keepAsText: boolean };

/** How a person was found in an owner text: from a remembered alias, by full name, a near spelling, a first or last name alone, or a job title. */
export type MatchHow = 'alias' | 'name' | 'fuzzy' | 'partial-name' | 'job-title';

/** What the importer proposes for one distinct owner text. */
export type OwnerProposal = {
  text: string;
  /** People found, in the order the text names them (the first becomes the Owner). */
  people: (SiteUser & { how: MatchHow })[];
  /** `team`: a board, team or group — kept as text. */
  kind: 'alias' | 'people' | 'team' | 'unknown';
  /** True when it may be applied without a person confirming it: an alias, or full names only. */
  confident: boolean;
};

/** How owner texts are compared: case, spacing and punctuation around them do not matter. */
export function ownerKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/ ,/g, ',').replace(/^[\s,;/]+|[\s,;/.]+$/g, '').trim();
}

const tokens = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9']+/).filter(Boolean);

/** Words that make an owner a body of people rather than a person. */
const GROUP_WORDS = /\b(board|team|group|committee|partnership|network|forum|panel|directors|together|services?|council|all|department|directorate|healthwatch|trust|leads|officers|managers)\b/i;

/** Edit distance of two short words, stopping early once it passes `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length];
}

/** Where `name`'s words appear in a row in `words` (exactly, or each within one edit when fuzzy); -1 when they do not. */
function findWords(words: string[], name: string[], fuzzy: boolean): number {
  if (!name.length) return -1;
  for (let start = 0; start + name.length <= words.length; start++) {
    const hit = name.every((n, k) => (fuzzy && n.length >= 4 ? distance(words[start + k], n, 1) <= 1 : words[start + k] === n));
    if (hit) return start;
  }
  return -1;
}

/**
 * Proposes people for one owner text, given the site's users and remembered aliases.
 * Full names found anywhere in the text are matches ("Sharon Godman Director Strategy…");
 * near spellings, a first or last name alone (when only one user has it) and job titles
 * are proposals a person confirms. Boards, teams and groups with no person in them are
 * kept as text. Several people in one cell are all returned, in the order written.
 */
export function proposeOwner(text: string, users: SiteUser[], aliases: Map<string, OwnerAlias>): OwnerProposal {
  const alias = aliases.get(ownerKey(text));
  if (alias) {
    const person = alias.personId === null ? undefined : users.find((u) => u.id === alias.personId);
    return { text, people: person && !alias.keepAsText ? [{ ...person, how: 'alias' }] : [], kind: 'alias', confident: true };
  }
  const words = tokens(text);
  const found = new Map<number, { user: SiteUser; how: MatchHow; at: number }>();
  const note = (user: SiteUser, how: MatchHow, at: number) => {
    if (at >= 0 && !found.has(user.id)) found.set(user.id, { user, how, at });
  };
  for (const user of users) note(user, 'name', findWords(words, tokens(user.title), false));
  for (const user of users) note(user, 'fuzzy', findWords(words, tokens(user.title), true));
  for (const user of users) {
    const title = user.jobTitle ? tokens(user.jobTitle) : [];
    if (title.length >= 2) note(user, 'job-title', findWords(words, title, false));
  }
  // A lone first or last name ("…/ Sharon") names a person only when one user has it.
  const claimed = new Set([...found.values()].flatMap(({ user, at }) => tokens(user.title).map((_, k) => at + k)));
  words.forEach((word, at) => {
    if (claimed.has(at) || word.length < 3) return;
    const holders = users.filter((u) => tokens(u.title).includes(word));
    if (holders.length === 1) note(holders[0], 'partial-name', at);
  });
  const people = [...found.values()].sort((a, b) => a.at - b.at).map(({ user, how }) => ({ ...user, how }));
  if (!people.length) return { text, people, kind: GROUP_WORDS.test(text) ? 'team' : 'unknown', confident: GROUP_WORDS.test(text) };
  return { text, people, kind: 'people', confident: people.every((p) => p.how === 'name') };
}
