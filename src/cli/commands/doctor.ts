import type { Command } from 'commander';
import type { SPFI } from '@pnp/sp';
import { CATALOGUE_APP_ID_SETTING } from '../../reminders/digest-links';
import { checkWebhookSettings, newGroupKey, webhooksFromEnvironment, type WebhookTarget } from '../../reminders/webhook-config';
import { messageOf, statusOf } from '../../sharepoint/batch';
import { connect } from '../../sharepoint/connect';
import { LIST } from '../../sharepoint/list-names';
import { readSiteState } from '../../sharepoint/read-site-state';
import type { ListsManifest } from '../../sharepoint/schema';
import { checkSiteAgainstManifest, type HealthProblem } from '../../sharepoint/site-health';
import { authForSite, isLocalSite, resolveSiteUrl } from '../../sharepoint/site-url';
import { SharePointSteeringGroups } from '../../sharepoint/steering-group-repository';
import { loadListsManifest } from '../load-manifest';
import { readEnvFiles } from './package';

/** One area `doctor` checks, with what it found wrong (empty when fine) or why it was skipped. */
export type DoctorCheck = { name: string; problems: HealthProblem[]; skipped?: string; detail?: string };

/** Everything `runDoctor` needs; tests pass an embedded site and their own settings. */
export type DoctorOptions = {
  siteUrl: string;
  /** A connection to the site; built from the configured credentials when absent. */
  sp?: SPFI;
  manifest: ListsManifest;
  /** The settings (process environment merged with env files). */
  env: Record<string, string | undefined>;
  /** Where `.env.webhooks.user` is looked for. */
  cwd: string;
  fetch?: typeof fetch;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a deployment: the site answers with the configured credentials; its lists,
 * fields, indexes and views match the manifest; every steering group has a webhook
 * (only setting names are shown, never URLs); the catalogue app id is set; the tab URL
 * serves the Content-Security-Policy that lets Teams frame it.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const site = await checkSiteAnswers(options);
  checks.push(site.check);
  if (site.sp) {
    checks.push(await checkSchema(site.sp, options.manifest));
    checks.push(await checkWebhooks(site.sp, options));
  } else {
    checks.push({ name: 'Lists, fields, indexes and views', problems: [], skipped: 'the site did not answer' });
    checks.push({ name: 'Steering group webhooks', problems: [], skipped: 'the site did not answer' });
  }
  checks.push(checkAppId(options));
  checks.push(await checkTab(options));
  return checks;
}

async function checkSiteAnswers(options: DoctorOptions): Promise<{ check: DoctorCheck; sp?: SPFI }> {
  const name = `Site ${options.siteUrl} answers`;
  let sp = options.sp;
  try {
    sp ??= connect(options.siteUrl, await authForSite(options.siteUrl));
    const web = (await sp.web.select('Title')()) as { Title: string };
    return { check: { name, problems: [], detail: `"${web.Title}"` }, sp };
  } catch (error) {
    const status = statusOf(error);
    const fix =
      status === 401 || status === 403
        ? 'grant the Entra ID app Sites.Selected on this site (or Sites.FullControl.All) with admin consent, and check PLAN_TRACKER_CLIENT_ID and PLAN_TRACKER_CERT_THUMBPRINT match its certificate'
        : status === 404
          ? 'check the site URL (--site or SP_SITE_URL): it should look like https://contoso.sharepoint.com/sites/plans'
          : isLocalSite(options.siteUrl)
            ? 'start the local server with `npm start` (or `npx plan-tracker emulator`), or pass --site <url>'
            : 'set PLAN_TRACKER_TENANT_ID, PLAN_TRACKER_CLIENT_ID, PLAN_TRACKER_CERT_THUMBPRINT and PLAN_TRACKER_CERT_KEY_PATH (README, "Pointing it at a real tenant") and check the site URL';
    return { check: { name, problems: [{ what: `the site did not answer: ${messageOf(error)}`, fix }] } };
  }
}

async function checkSchema(sp: SPFI, manifest: ListsManifest): Promise<DoctorCheck> {
  const name = 'Lists, fields, indexes and views match manifest/lists.json';
  try {
    return { name, problems: checkSiteAgainstManifest(manifest, await readSiteState(sp, manifest)) };
  } catch (error) {
    return { name, problems: [{ what: `the lists could not be read: ${messageOf(error)}`, fix: 'give the configured app read access to the site\'s lists (Sites.Selected with at least read)' }] };
  }
}

async function checkWebhooks(sp: SPFI, options: DoctorOptions): Promise<DoctorCheck> {
  const name = 'Each steering group has a webhook';
  let rows;
  try {
    rows = await new SharePointSteeringGroups(sp, options.siteUrl).list();
  } catch (error) {
    if (statusOf(error) === 404) return { name, problems: [], skipped: `the '${LIST.steeringGroups}' list is missing (see above)` };
    return { name, problems: [{ what: `the steering groups could not be read: ${messageOf(error)}`, fix: `give the configured app read access to '${LIST.steeringGroups}'` }] };
  }
  // A group the reminder job has not keyed yet gets the key it will be given.
  const taken = rows.flatMap((g) => (g.key ? [g.key] : []));
  const groups: WebhookTarget[] = rows.map((g) => {
    const key = g.key ?? newGroupKey(g.name, taken);
    if (!g.key) taken.push(key);
    return { key, name: g.name };
  });
  const settings = webhooksFromEnvironment(options.env as NodeJS.ProcessEnv, options.cwd).settingNames();
  const problems = checkWebhookSettings(groups, settings).map((p): HealthProblem => {
    switch (p.kind) {
      case 'missing':
        return { what: `steering group "${p.group}" has no webhook`, fix: `in its Teams chat add the Workflows template "Post to a chat when a webhook request is received" and put the URL in ${p.setting} (environment or .env.webhooks.user) where the reminder job runs` };
      case 'unmatched':
        return { what: `${p.setting} matches no steering group's key`, fix: `rename it to PLAN_TRACKER_WEBHOOK_<GroupKey> of the group it is for (keys: ${groups.map((g) => g.key).join(', ') || 'none'}), or remove it` };
      case 'ambiguous':
        return { what: `${p.groups.map((g) => `"${g}"`).join(' and ')} share one key, so ${p.setting} cannot tell them apart`, fix: `give each its own GroupKey in the '${LIST.steeringGroups}' list` };
    }
  });
  return { name, problems, detail: `${groups.length} group${groups.length === 1 ? '' : 's'}` };
}

function checkAppId(options: DoctorOptions): DoctorCheck {
  const name = `The organisation catalogue's app id (${CATALOGUE_APP_ID_SETTING}) is set`;
  const value = options.env[CATALOGUE_APP_ID_SETTING]?.trim();
  const fix = `set ${CATALOGUE_APP_ID_SETTING} to the app id the Teams admin centre shows for Plan Tracker (Manage apps → Plan Tracker → App ID) where the reminder job runs`;
  if (!value) return { name, problems: [{ what: `${CATALOGUE_APP_ID_SETTING} is not set, so digest links use the manifest's id, which a published app does not have`, fix }] };
  if (!GUID.test(value)) return { name, problems: [{ what: `${CATALOGUE_APP_ID_SETTING} is '${value}', not an app id (a GUID)`, fix }] };
  return { name, problems: [] };
}

async function checkTab(options: DoctorOptions): Promise<DoctorCheck> {
  const name = 'The tab URL (TAB_ENDPOINT) serves the Content-Security-Policy';
  const endpoint = options.env.TAB_ENDPOINT?.trim();
  if (!endpoint) return { name, problems: [], skipped: 'TAB_ENDPOINT is not set (set it, or pass --env <name> to read env/.env.<name>)' };
  const url = `${endpoint.replace(/\/+$/, '')}/tab/`;
  const hostFix = 'serve dist/tab/ with the headers src/tab/serve-tab.ts sends (README, "Pointing it at a real tenant", step 2)';
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { redirect: 'follow', signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    return { name, problems: [{ what: `${url} did not answer: ${messageOf(error)}`, fix: `check TAB_ENDPOINT and that the tab is hosted there; ${hostFix}` }] };
  }
  if (!response.ok) return { name, problems: [{ what: `${url} answered ${response.status}`, fix: `host the built tab (npm run build → dist/tab/) at ${url}` }] };
  const csp = response.headers.get('content-security-policy') ?? '';
  const ancestors = /frame-ancestors([^;]*)/.exec(csp)?.[1] ?? '';
  if (!csp) return { name, problems: [{ what: `${url} sends no Content-Security-Policy`, fix: hostFix }] };
  if (!ancestors.includes('https://teams.microsoft.com')) return { name, problems: [{ what: `${url}'s Content-Security-Policy does not let Teams frame the tab (frame-ancestors)`, fix: hostFix }] };
  return { name, problems: [] };
}

/** The report as a person reads it: one line a check, each problem with its fix. */
export function formatDoctorReport(checks: DoctorCheck[]): string {
  const lines: string[] = [];
  for (const check of checks) {
    if (check.skipped) lines.push(`- ${check.name}: skipped, ${check.skipped}`);
    else if (check.problems.length === 0) lines.push(`✓ ${check.name}${check.detail ? ` (${check.detail})` : ''}`);
    else {
      lines.push(`✗ ${check.name}`);
      for (const p of check.problems) lines.push(`    ${p.what}\n      fix: ${p.fix}`);
    }
  }
  const count = checks.reduce((n, c) => n + c.problems.length, 0);
  lines.push(count === 0 ? 'No problems found.' : `${count} problem${count === 1 ? '' : 's'} found.`);
  return lines.join('\n');
}

/** `plan-tracker doctor`: checks the site, lists, webhooks, app id and tab hosting; exit code 1 when anything needs fixing. */
export function register(program: Command): void {
  program
    .command('doctor')
    .description('Check a deployment: site access, lists/fields/indexes/views against the manifest, webhooks, the catalogue app id and the tab\'s hosting')
    .option('--site <url>', 'site URL (default: SP_SITE_URL, else the local embedded server)')
    .option('--env <name>', 'also read env/.env.<name> (and its .user file) for TAB_ENDPOINT and the app id')
    .option('--json', 'print the checks as JSON')
    .action(async (opts: { site?: string; env?: string; json?: boolean }) => {
      const siteUrl = resolveSiteUrl(opts.site);
      const env = { ...(opts.env ? await readEnvFiles(opts.env) : {}), ...process.env };
      const checks = await runDoctor({ siteUrl, manifest: loadListsManifest(), env, cwd: process.cwd() });
      console.log(opts.json ? JSON.stringify(checks, null, 2) : `${siteUrl}\n${formatDoctorReport(checks)}`);
      if (checks.some((c) => c.problems.length > 0)) process.exitCode = 1;
    });
}
