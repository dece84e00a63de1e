import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { startEmulatorServer } from '../../emulator/node-server';
import { readUsersFile, type SeedUser } from '../../emulator/users-file';
import { createChatPreview } from '../../emulator/chat-preview';
import { createWebhookSink } from '../../emulator/webhook-sink';
import { parseOwnersCsv } from '../../importer/owners-file';
import { parsePlanFile } from '../../importer/parse-plan-file';
import { startLocalScheduler } from '../../reminders/reminder-job';
import { connect } from '../../sharepoint/connect';
import { openSite, type SiteSession } from '../../sharepoint/open-site';
import { provision } from '../../sharepoint/provision';
import { ensureSteeringGroup } from '../../sharepoint/steering-group-setup';
import { ensureTabBuilt } from '../../tab/build-tab';
import { serveTab } from '../../tab/serve-tab';
import { PROJECT_ROOT, loadListsManifest } from '../load-manifest';
import { importIntoSite } from '../site-import';

/** The sample plan `npm start` loads on first run, and the steering group it reports to. */
export const SAMPLE = {
  file: path.join(PROJECT_ROOT, 'sample', 'bame-inequalities-commission.txt'),
  owners: path.join(PROJECT_ROOT, 'sample', 'owners.csv'),
  users: path.join(PROJECT_ROOT, 'sample', 'users.csv'),
  plan: 'BAME Inequalities Commission',
  group: 'Equality Steering Group',
};

const ADMIN: SeedUser = { name: 'Plan Admin', email: 'admin@contoso.example' };

/**
 * Imports the sample plan into an empty site the way `plan-tracker import` does (Plans
 * row, import lease, owners through the sample owners file — remembered as aliases).
 */
export async function loadSamplePlan(site: SiteSession, log: (line: string) => void): Promise<void> {
  const existing = await site.plans.query({ plan: SAMPLE.plan }, { today: '1970-01-01', top: 1 });
  if (existing.length > 0) return;
  const parsed = await parsePlanFile(new Uint8Array(readFileSync(SAMPLE.file)), path.basename(SAMPLE.file), { plan: SAMPLE.plan });
  const ownersFile = parseOwnersCsv(readFileSync(SAMPLE.owners, 'utf8'), SAMPLE.owners);
  const { summary } = await importIntoSite(site, parsed, { source: path.basename(SAMPLE.file), group: SAMPLE.group, ownersFile, holder: 'npm start (sample plan)' });
  await ensureSteeringGroup(site.sp, { name: SAMPLE.group, schedule: '0 8 * * 1-5' });
  log(`Imported the sample plan "${SAMPLE.plan}": ${summary.added} actions, ${summary.warnings.length} warnings.`);
}

/** `plan-tracker start` (what `npm start` runs): the whole product on this machine. */
export function register(program: Command): void {
  program
    .command('start')
    .description('Run Plan Tracker locally: embedded SharePoint, schema, sample plan, the tab, reminders to a chat preview')
    .option('--port <n>', 'port on 127.0.0.1', process.env.PORT ?? '4321')
    .option('--data <dir>', 'where the embedded SharePoint keeps its data', '.data')
    .option('--no-sample', 'do not load the sample plan')
    .option('--no-reminders', 'do not run the reminder scheduler')
    .action(async (opts: { port: string; data: string; sample: boolean; reminders: boolean }) => {
      const log = (line: string) => console.log(line);
      const built = await ensureTabBuilt();
      if (built.built) log('Built the tab (dist/tab/).');
      const users = [ADMIN, ...(existsSync(SAMPLE.users) ? readUsersFile(SAMPLE.users) : [])];
      const server = await startEmulatorServer({
        port: Number(opts.port),
        data: path.resolve(opts.data),
        users,
        plugins: [serveTab(), createWebhookSink(), createChatPreview()],
      });
      const report = await provision(connect(server.siteUrl, { kind: 'embedded' }), loadListsManifest());
      if (report.created.length) log(`Provisioned ${report.created.length} lists, fields, indexes and views.`);
      for (const problem of report.problems) log(`  ! ${problem}`);
      const site = await openSite(server.siteUrl, { kind: 'embedded' });
      if (opts.sample) await loadSamplePlan(site, log);
      if (opts.reminders) {
        await startLocalScheduler(server.siteUrl, { info: log, warn: (m) => console.warn(m) });
      }
      log('');
      log(`Embedded SharePoint at ${server.siteUrl}`);
      log(`Control routes (/_emulator/…) need the header X-PlanTracker-Emulator-Token: ${server.controlToken}`);
      log(`Teams tab (local mode) at ${server.url}/tab/`);
      log(`Steering-group chat preview at ${server.url}/chat`);
      log('Press Ctrl+C to stop.');
      const stop = () => { void server.close().then(() => process.exit(0)); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
