import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ImportSummary } from '../../importer/apply-import';
import { dryRunDocument } from '../../importer/dry-run-json';
import { formatRows } from '../../importer/format-rows';
import { parseOwnersCsv } from '../../importer/owners-file';
import { describeToConfirm } from '../../importer/resolve-owners';
import { MAX_PLAN_BYTES, parsePlanFile, planNameFromFileName, readTables } from '../../importer/parse-plan-file';
import { parseImportMapping, parseMapOption, serialiseImportMapping, type ImportMapping } from '../../importer/row-kinds';
import { ImportError, type ParsedPlan } from '../../importer/table';
import { openSite } from '../../sharepoint/open-site';
import { SharePointPlans } from '../../sharepoint/plans-repository';
import { importIntoSite } from '../site-import';
import { authForSite, resolveSiteUrl } from '../../sharepoint/site-url';

type ImportOptions = { plan?: string; group?: string; site?: string; owners?: string; dryRun?: boolean; json?: boolean; map?: string; showRows?: boolean };

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
  if (summary.repaired) lines.push(`Repaired ${summary.repaired} duplicate action(s) an earlier version left (moved to the recycle bin).`);
  if (summary.progressNotes) lines.push(`Added ${summary.progressNotes} progress note(s) from the plan to their actions' history.`);
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
    .option('--map <roles>', 'which column holds what, counted from 1, e.g. action=2,owner=4,due=5 (roles: ref section action context owner due start resource rag status measure progress ignore)')
    .option('--show-rows', "print every row's kind (action, heading, header, progress, commentary, furniture) and why; writes nothing")
    .action(async (file: string, opts: ImportOptions) => {
      const bytes = readInputFile(file, 'plan document');
      const given: ImportMapping | undefined = opts.map ? { columns: parseMapOption(opts.map) } : undefined;
      if (opts.showRows) {
        const parsed = await parsePlanFile(bytes, path.basename(file), { plan: opts.plan, importMapping: given });
        console.log(opts.json ? JSON.stringify({ plan: parsed.plan, mappings: parsed.mappings, rows: parsed.rows }, null, 2) : formatRows(parsed));
        return;
      }
      if (opts.dryRun) {
        const parsed = await parsePlanFile(bytes, path.basename(file), { plan: opts.plan, importMapping: given });
        console.log(opts.json ? JSON.stringify(dryRunDocument(parsed), null, 2) : formatDryRun(parsed));
        return;
      }
      // Everything the user supplied is checked before connecting, so a mistake writes nothing.
      const ownersFile = opts.owners ? parseOwnersCsv(new TextDecoder().decode(readInputFile(opts.owners, 'owners file')), path.basename(opts.owners)) : undefined;
      // An unreadable file (empty, binary, damaged, password-protected, a zip bomb) is refused before connecting.
      await readTables(bytes, path.basename(file));
      const siteUrl = resolveSiteUrl(opts.site);
      const site = await openSite(siteUrl, await authForSite(siteUrl));
      // A revised version of a plan is read with the mapping confirmed last time, unless a new one is given.
      const planName = opts.plan?.trim() || planNameFromFileName(path.basename(file));
      const saved = given ? null : (await new SharePointPlans(site.sp).findByName(planName))?.importMapping;
      const importMapping = given ?? (saved ? parseImportMapping(saved) : undefined);
      const parsed = await parsePlanFile(bytes, path.basename(file), { plan: planName, importMapping });
      const { summary, toConfirm, warnings } = await importIntoSite(site, parsed, {
        source: path.basename(file),
        group: opts.group,
        ownersFile,
        holder: `${process.env.PLAN_TRACKER_ACT_AS ?? process.env.USER ?? 'someone'} (plan-tracker import)`,
        importMapping: given ? serialiseImportMapping(given) : undefined,
      });
      const all = { ...summary, warnings: [...parsed.warnings, ...warnings, ...summary.warnings] };
      if (opts.json) {
        console.log(JSON.stringify({ ...all, plan: parsed.plan, siteUrl, ownersToConfirm: toConfirm, reusedSavedMapping: Boolean(saved) }, null, 2));
      } else {
        console.log([formatSummary(parsed.plan, siteUrl, all), ...(saved ? ['Read with the column mapping saved for this plan (give --map to change it).'] : []), ...describeToConfirm(toConfirm)].join('\n'));
      }
    });
}
