import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { applyImport, type ImportSummary } from '../../importer/apply-import';
import { dryRunDocument } from '../../importer/dry-run-json';
import { parseOwnersCsv } from '../../importer/owners-file';
import { resolveOwners } from '../../importer/resolve-owners';
import { MAX_PLAN_BYTES, parsePlanFile } from '../../importer/parse-plan-file';
import { ImportError, type ParsedPlan } from '../../importer/table';
import { openSite } from '../../sharepoint/open-site';
import { authForSite, resolveSiteUrl } from '../../sharepoint/site-url';

type ImportOptions = { plan?: string; group?: string; site?: string; owners?: string; dryRun?: boolean; json?: boolean };

/** Reads a file the user named, refusing what cannot be a plan before reading it all. */
function readInputFile(file: string, what: string, limit = MAX_PLAN_BYTES): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ImportError(`${file} is not a file. Give the path of the ${what}.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`Cannot read ${file}: ${(error as Error).message}. Check the path of the ${what}.`);
  }
  if (size > limit) {
    throw new ImportError(`${path.basename(file)} is ${(size / 1024 / 1024).toFixed(1)} MB; plans over ${limit / 1024 / 1024} MB are refused. Save just the action table and import that.`);
  }
  return new Uint8Array(readFileSync(file));
}

/** The dry run as a person reads it. */
export function formatDryRun(parsed: ParsedPlan): string {
  const lines = [`Plan "${parsed.plan}": ${parsed.items.length} actions, ${parsed.progressNotes.length} progress notes, ${parsed.warnings.length} warnings (nothing written).`];
  for (const i of parsed.items) lines.push(`  ${i.actionRef.padEnd(10)} ${(i.dueDate ?? (i.ongoing ? 'ongoing' : '—')).padEnd(10)} ${i.owner ? `[${i.owner}] ` : ''}${i.title}`);
  for (const w of parsed.warnings) lines.push(`  ! ${w.where}: ${w.message}`);
  return lines.join('\n');
}

/** An import's outcome as a person reads it. */
export function formatSummary(plan: string, siteUrl: string, summary: ImportSummary): string {
  const lines = [`Imported "${plan}" into ${siteUrl}: added ${summary.added}, updated ${summary.updated}, unchanged ${summary.unchanged}, warnings ${summary.warnings.length}.`];
  if (summary.unresolvedOwners.length) lines.push(`Owners kept as text only (not in the owners file or not found): ${summary.unresolvedOwners.join('; ')}`);
  for (const w of summary.warnings) lines.push(`  ! ${w.where}: ${w.message}`);
  return lines.join('\n');
}

/** `plan-tracker import <file>`: a plan document → Plan Items, or a dry run of it. */
export function register(program: Command): void {
  program
    .command('import <file>')
    .description('Import an action plan (.docx .xlsx .csv .tsv .txt) into Plan Items; re-importing updates what changed and adds what is new')
    .option('--plan <name>', 'plan name (default: the file name, title-cased)')
    .option('--group <steering group>', 'steering group whose chat gets reminders for these actions')
    .option('--site <url>', 'site URL (default: SP_SITE_URL, else the local embedded server)')
    .option('--owners <csv>', 'CSV of owner text as written in the plan → email, to fill the Owner person field')
    .option('--dry-run', 'parse and show what would be imported; write nothing (needs no site)')
    .option('--json', 'print JSON (with --dry-run: the parsed plan; otherwise: the summary)')
    .action(async (file: string, opts: ImportOptions) => {
      const parsed = await parsePlanFile(readInputFile(file, 'plan document'), path.basename(file), { plan: opts.plan });
      if (opts.dryRun) {
        console.log(opts.json ? JSON.stringify(dryRunDocument(parsed), null, 2) : formatDryRun(parsed));
        return;
      }
      // Everything the user supplied is checked before connecting, so a mistake writes nothing.
      const owners = opts.owners ? parseOwnersCsv(new TextDecoder().decode(readInputFile(opts.owners, 'owners file')), path.basename(opts.owners)) : new Map<string, string>();
      const siteUrl = resolveSiteUrl(opts.site);
      const site = await openSite(siteUrl, await authForSite(siteUrl));
      const { ownerIds, warnings } = await resolveOwners(parsed, owners, (email) => site.ensureUser(email), opts.owners ?? 'owners file');
      const summary = await applyImport(parsed, { repository: site.plans, plan: parsed.plan, group: opts.group, ownerIds });
      const all = { ...summary, warnings: [...parsed.warnings, ...warnings, ...summary.warnings] };
      console.log(opts.json ? JSON.stringify({ plan: parsed.plan, siteUrl, ...all }, null, 2) : formatSummary(parsed.plan, siteUrl, all));
    });
}
