import { proposeOwner, type OwnerAlias, type OwnerProposal, type SiteUser } from '../domain/owner-matching';
import type { Person } from '../domain/plan-item';
import { ownerKey } from './owners-file';
import type { ImportWarning, ParsedPlan } from './table';

export type OwnerResolution = {
  /** Owner key → the user id the Owner field gets. */
  ownerIds: Map<string, number>;
  /** Proposals a person should confirm (near spellings, first names alone, job titles) or that found no one. */
  toConfirm: OwnerProposal[];
  /** Decisions to remember in Owner Aliases (from the owners file). */
  newAliases: OwnerAlias[];
  warnings: ImportWarning[];
};

export type OwnerSources = {
  users: SiteUser[];
  aliases: Map<string, OwnerAlias>;
  /** An owners file (owner key → email), for scripts; its rows are remembered as aliases. */
  ownersFile?: Map<string, string>;
  ensureUser(email: string): Promise<Person>;
};

/**
 * Resolves each distinct owner text of the plan to a person: the owners file first (each
 * email through `ensureUser`, once), then remembered aliases, then full names of site users
 * found in the text. What only a near match or a job title suggests is returned to be
 * confirmed, not applied; boards and teams stay as text. An email that cannot be resolved
 * leaves its owner as text and is reported, so one bad row never stops an import.
 */
export async function resolveOwners(parsed: ParsedPlan, sources: OwnerSources, source: string): Promise<OwnerResolution> {
  const ownerIds = new Map<string, number>();
  const toConfirm: OwnerProposal[] = [];
  const newAliases: OwnerAlias[] = [];
  const warnings: ImportWarning[] = [];
  const texts = new Map<string, string>();
  for (const item of parsed.items) if (item.owner.trim() && !texts.has(ownerKey(item.owner))) texts.set(ownerKey(item.owner), item.owner);
  for (const [key, text] of texts) {
    const email = sources.ownersFile?.get(key);
    if (email) {
      try {
        const person = await sources.ensureUser(email);
        ownerIds.set(key, person.id);
        newAliases.push({ text, personId: person.id, keepAsText: false });
      } catch (error) {
        warnings.push({ where: source, message: `${email} could not be resolved to a user (${(error as Error).message}); the owner stays as text.` });
      }
      continue;
    }
    const proposal = proposeOwner(text, sources.users, sources.aliases);
    if (proposal.confident && proposal.people.length) ownerIds.set(key, proposal.people[0].id);
    else if (!proposal.confident) toConfirm.push(proposal);
  }
  return { ownerIds, toConfirm, newAliases, warnings };
}

/** What a person reads about owners needing a decision, and how to give it. */
export function describeToConfirm(toConfirm: OwnerProposal[]): string[] {
  if (!toConfirm.length) return [];
  const lines = [`${toConfirm.length} owner(s) were not linked to a person:`];
  for (const p of toConfirm) {
    const who = p.people.map((person) => `${person.title}${person.email ? ` <${person.email}>` : ''} (${person.how})`).join(', ');
    lines.push(`  "${p.text}" → ${who ? `maybe ${who}` : 'no site user found'}`);
  }
  lines.push('To link them, write "owner text,email" lines in a CSV and import again with --owners <file>; the links are remembered for every later import.');
  return lines;
}
