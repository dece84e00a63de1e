import type { Person } from '../domain/plan-item';
import { ownerKey } from './owners-file';
import type { ImportWarning, ParsedPlan } from './table';

/**
 * Resolves the plan's owners that the owners file names (owner key → email) to site user
 * ids through `ensureUser`, once per owner. An email that cannot be resolved leaves that
 * owner as text and is reported, so one bad row never stops an import.
 */
export async function resolveOwners(
  parsed: ParsedPlan,
  owners: Map<string, string>,
  ensureUser: (email: string) => Promise<Person>,
  source: string,
): Promise<{ ownerIds: Map<string, number>; warnings: ImportWarning[] }> {
  const ownerIds = new Map<string, number>();
  const warnings: ImportWarning[] = [];
  for (const owner of new Set(parsed.items.map((i) => ownerKey(i.owner)).filter((k) => owners.has(k)))) {
    const email = owners.get(owner)!;
    try {
      ownerIds.set(owner, (await ensureUser(email)).id);
    } catch (error) {
      warnings.push({ where: source, message: `${email} could not be resolved to a user (${(error as Error).message}); the owner stays as text.` });
    }
  }
  return { ownerIds, warnings };
}
