import type { OwnerProposal } from '../domain/owner-matching';
import { importPlan, type PlanImportSummary } from '../importer/import-plan';
import { resolveOwners } from '../importer/resolve-owners';
import type { ImportWarning, ParsedPlan } from '../importer/table';
import type { SiteSession } from '../sharepoint/open-site';
import { SharePointOwnerAliases } from '../sharepoint/owner-aliases-repository';
import { SharePointPlanRepository } from '../sharepoint/plan-repository';
import { SharePointPlans } from '../sharepoint/plans-repository';

export type SiteImportOptions = {
  /** The file's name, kept on the plan's row and on imported progress notes. */
  source: string;
  group?: string;
  /** Owner key → email, from `--owners`; remembered as aliases. */
  ownersFile?: Map<string, string>;
  /** Who imports, shown to a second importer that must wait. */
  holder: string;
  /** The mapping to save with the plan (JSON text), when the user gave or confirmed one. */
  importMapping?: string;
};

export type SiteImportResult = { summary: PlanImportSummary; toConfirm: OwnerProposal[]; warnings: ImportWarning[] };

/**
 * One import as the CLI and `npm start` make it: owners resolved through the owners file,
 * remembered aliases and site users' names; the plan written under its import lease with
 * its Plans row updated; owners-file links remembered as aliases for every later import.
 */
export async function importIntoSite(site: SiteSession, parsed: ParsedPlan, options: SiteImportOptions): Promise<SiteImportResult> {
  // Rows left by owners' clients that died mid-update are tidied while we are here.
  await new SharePointPlanRepository(site.sp).sweepUnconfirmedUpdates(new Date());
  const aliases = new SharePointOwnerAliases(site.sp);
  const [users, remembered] = await Promise.all([aliases.siteUsers(), aliases.all()]);
  const owners = await resolveOwners(parsed, { users, aliases: remembered, ownersFile: options.ownersFile, ensureUser: (email) => site.ensureUser(email) }, options.source);
  const summary = await importPlan(parsed, {
    repository: site.plans,
    plans: new SharePointPlans(site.sp),
    ownerIds: owners.ownerIds,
    group: options.group,
    source: options.source,
    holder: options.holder,
    importMapping: options.importMapping,
  });
  await aliases.save(owners.newAliases);
  return { summary, toConfirm: owners.toConfirm, warnings: owners.warnings };
}
