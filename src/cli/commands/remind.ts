import type { Command } from 'commander';
import { SEND_LEASE_MS } from '../../domain/send-lease';
import { reminderDepsForSite } from '../../reminders/reminder-job';
import { unknownOutcomes, formatSendStatus } from '../../reminders/send-status';
import { processSendRequests } from '../../reminders/send-requests';
import { runReminders, type GroupResult, type ReminderLogger } from '../../reminders/run-reminders';
import { startScheduler } from '../../reminders/scheduler';
import { WEBHOOK_FILE, webhooksFromEnvironment, webhooksToSink, type WebhookResolver, type WebhookTarget } from '../../reminders/webhook-config';
import { DEFAULT_WEBHOOK_TIMEOUT_MS } from '../../reminders/webhook-notifier';
import { authForSite, isLocalSite, resolveSiteUrl } from '../../sharepoint/site-url';

type RemindOptions = { site?: string; group?: string; now?: string; dryRun?: boolean; json?: boolean; watch?: boolean; status?: boolean; lease?: string; timeout?: string };

/** A positive number of seconds from an option, as milliseconds; a clear error otherwise. */
export function parseSeconds(value: string | undefined, option: string, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`${option} '${value}' is not a number of seconds. Give one like ${option} ${Math.round(fallbackMs / 1000)}.`);
  return Math.round(seconds * 1000);
}

/** `--now` as a Date; a clear error when it is not an instant. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) throw new Error(`--now '${value}' is not a date and time. Give one like 2026-11-24T08:00:00Z.`);
  return now;
}

/** One line per group, as a person reads it. */
export function formatResults(results: GroupResult[]): string {
  const verbs: Record<GroupResult['outcome'], string> = {
    sent: 'sent', 'already-sent': 'already sent today', 'claimed-elsewhere': 'being sent by another job', failed: 'FAILED',
    'no-webhook': 'not sent: no webhook', 'dry-run': 'would send',
  };
  return results.map((r) => `${r.group} (${r.dateKey}): ${verbs[r.outcome]}${r.itemIds.length ? `, ${r.itemIds.length} actions` : ''}${r.detail && (r.outcome !== 'sent' || r.tookOver) ? ` — ${r.detail}` : ''}`).join('\n');
}

/**
 * Configured webhooks first; against the local embedded server, a group without one
 * posts to the server's webhook sink, so its card shows in the chat preview (`/chat`).
 */
export function webhooksFor(siteUrl: string): WebhookResolver & { settingNames?(): string[] } {
  const configured = webhooksFromEnvironment();
  if (!isLocalSite(siteUrl)) return configured;
  const sink = webhooksToSink(new URL(siteUrl).origin);
  // Locally every group has somewhere to post, so only settings two groups share are problems.
  return (group: WebhookTarget) => configured(group) ?? sink(group);
}

/** `plan-tracker remind`: sends each steering group its digest (once per day), or shows what it would send. */
export function register(program: Command): void {
  program
    .command('remind')
    .description('Send each steering group its digest card (each group once a day; safe to re-run), or print what would be sent')
    .option('--site <url>', 'site URL (default: SP_SITE_URL, else the local embedded server)')
    .option('--group <name>', 'only this steering group')
    .option('--now <iso>', 'act as if it were this time (e.g. 2026-11-24T08:00:00Z)')
    .option('--dry-run', 'build the messages but send nothing and record nothing (needs no webhook)')
    .option('--json', 'print JSON: with --dry-run, {"messages":[{"group","kind","itemIds","payload"}]}')
    .option('--watch', "keep running and send on each group's schedule (cron, Europe/London unless the group says otherwise)")
    .option('--status', 'list sends whose outcome is unknown (claimed by a job whose lease ran out, not recorded sent) and sends in flight; exits 1 when any is unknown')
    .option('--lease <seconds>', `how long a claim holds without renewal, on SharePoint's clock (default ${SEND_LEASE_MS / 1000}; at least twice --timeout)`)
    .option('--timeout <seconds>', `how long one webhook call may take (default ${DEFAULT_WEBHOOK_TIMEOUT_MS / 1000})`)
    .addHelpText('after', `\nWebhook URLs are secrets: set PLAN_TRACKER_WEBHOOK_<GROUPKEY> (the group's GroupKey in the Steering Groups list,\ne.g. PLAN_TRACKER_WEBHOOK_EQUALITY_BOARD) in the environment or in ${WEBHOOK_FILE} (ignored by git).\nA group without a key is given one on the first run. Cards link into the tab when TEAMS_APP_ID is set.`)
    .action(async (opts: RemindOptions) => {
      const now = parseNow(opts.now);
      const siteUrl = resolveSiteUrl(opts.site);
      const leaseMs = parseSeconds(opts.lease, '--lease', SEND_LEASE_MS);
      const timeoutMs = parseSeconds(opts.timeout, '--timeout', DEFAULT_WEBHOOK_TIMEOUT_MS);
      // A call that outlasted the claim would let another job post the same card meanwhile.
      if (leaseMs < 2 * timeoutMs) throw new Error(`--lease (${leaseMs / 1000} s) must be at least twice --timeout (${timeoutMs / 1000} s), so no webhook call outlasts the claim it is made under.`);
      // With --json, stdout carries exactly one JSON document; everything else goes to stderr.
      const logger: ReminderLogger = { info: (m) => { if (!opts.json) console.error(m); }, warn: (m) => console.error(`warning: ${m}`) };
      const deps = await reminderDepsForSite({ siteUrl, auth: await authForSite(siteUrl), webhooks: webhooksFor(siteUrl), logger, timeoutMs });

      if (opts.status) {
        const report = await unknownOutcomes(deps.log, leaseMs);
        console.log(opts.json ? JSON.stringify(report) : formatSendStatus(report));
        if (report.unknown.length) process.exitCode = 1;
        return;
      }

      if (opts.watch) {
        if (opts.dryRun || opts.now) throw new Error('--watch runs on the real clock and sends: leave out --dry-run and --now.');
        const scheduler = await startScheduler({ deps, logger, group: opts.group, onRun: (results) => console.log(opts.json ? JSON.stringify({ results }) : formatResults(results)) });
        const stop = () => { scheduler.stop(); process.exit(0); };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        logger.info('Waiting for the next scheduled digest (Ctrl+C to stop).');
        return;
      }

      let settingsWrong = false;
      const onProblems = (problems: { message: string }[]) => {
        settingsWrong = true;
        for (const problem of problems) console.error(`error: ${problem.message}`);
      };
      const results = await runReminders(deps, { now, group: opts.group, dryRun: opts.dryRun, leaseMs, onProblems });
      // Digests managers asked for from the tab ("Send now") go out with the run, never on a dry run.
      if (!opts.dryRun) {
        const handled = await processSendRequests(deps, now, { leaseMs });
        if (handled) logger.info(`${handled} "Send now" request(s) handled.`);
      }
      if (opts.json) {
        const messages = results.filter((r) => r.message).map((r) => ({ group: r.group, kind: r.kind, itemIds: r.itemIds, payload: r.message!.payload }));
        console.log(JSON.stringify(opts.dryRun ? { messages } : { results: results.map(({ message: _message, ...rest }) => rest), messages }));
      } else {
        console.log(formatResults(results));
      }
      if (settingsWrong || results.some((r) => r.outcome === 'failed' || r.outcome === 'no-webhook')) process.exitCode = 1;
    });
}
