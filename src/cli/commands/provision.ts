import type { Command } from 'commander';
import { connect } from '../../sharepoint/connect';
import { provision, type ProvisionReport } from '../../sharepoint/provision';
import { authForSite, resolveSiteUrl } from '../../sharepoint/site-url';
import { loadListsManifest } from '../load-manifest';

/** Prints a provisioning report as a person reads it. */
export function formatProvisionReport(report: ProvisionReport): string {
  const lines = [`Created ${report.created.length}, updated ${report.updated.length}, already there ${report.existing.length}, problems ${report.problems.length}.`];
  for (const c of report.created) lines.push(`  + ${c}`);
  for (const u of report.updated) lines.push(`  ~ ${u}`);
  for (const p of report.problems) lines.push(`  ! ${p}`);
  return lines.join('\n');
}

/** `plan-tracker provision`: creates the lists, fields, indexes and views the manifest declares. */
export function register(program: Command): void {
  program
    .command('provision')
    .description('Create the Plan Tracker lists, fields, indexes and views on a site (safe to re-run: adds what is missing and brings views to the manifest; never changes a field)')
    .option('--site <url>', 'site URL (default: SP_SITE_URL, else the local embedded server)')
    .option('--manifest <file>', 'lists manifest to apply', undefined)
    .option('--json', 'print the report as JSON')
    .action(async (opts: { site?: string; manifest?: string; json?: boolean }) => {
      const siteUrl = resolveSiteUrl(opts.site);
      const sp = connect(siteUrl, await authForSite(siteUrl));
      const report = await provision(sp, loadListsManifest(opts.manifest));
      console.log(opts.json ? JSON.stringify(report, null, 2) : `${siteUrl}\n${formatProvisionReport(report)}`);
      if (report.problems.length) process.exitCode = 1;
    });
}
