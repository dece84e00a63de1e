import { Cron } from 'croner';
import type { SteeringGroup } from '../domain/plan-item';
import { resolveGroups } from './resolve-groups';
import { processSendRequests, type SendRequestLog } from './send-requests';
import { runReminders, type GroupResult, type ReminderDeps, type ReminderLogger } from './run-reminders';

/** A running scheduler: one cron job per steering group. */
export type ReminderScheduler = {
  /** Group name → its next run. */
  nextRuns(): Record<string, Date | null>;
  /** Re-reads the groups (new groups, changed schedules). */
  refresh(): Promise<void>;
  stop(): void;
};

export type SchedulerOptions = {
  /** With `requests`, "Send now" requests from the tab are polled for and sent too. */
  deps: ReminderDeps & { requests?: SendRequestLog };
  logger: ReminderLogger;
  /** Only this group. */
  group?: string;
  /** How often to re-read the Steering Groups list (default 15 minutes). */
  refreshMs?: number;
  /** How often to look for digests a manager asked for from the tab (default 30 s). */
  requestPollMs?: number;
  /** Called after each run (for tests and the console). */
  onRun?: (results: GroupResult[]) => void;
};

const jobKey = (g: SteeringGroup) => `${g.name.toLowerCase()}|${g.schedule}|${g.timeZone}`;

/**
 * Runs each group's digest on its own cron schedule (croner, in the group's time zone,
 * Europe/London by default). A run that is still going when the next is due is skipped
 * (`protect`), and the Reminder Log keeps a restarted scheduler from sending twice.
 * It also polls the log for digests a manager asked for from the tab ("send it now").
 */
export async function startScheduler(options: SchedulerOptions): Promise<ReminderScheduler> {
  const { deps, logger } = options;
  const jobs = new Map<string, { group: SteeringGroup; cron: Cron }>();

  const schedule = (group: SteeringGroup) =>
    new Cron(group.schedule, { timezone: group.timeZone || 'Europe/London', protect: true, name: `digest:${group.name}` }, async () => {
      try {
        const results = await runReminders(deps, { now: new Date(), group: group.name });
        options.onRun?.(results);
      } catch (error) {
        logger.warn(`${group.name}: the digest run failed: ${(error as Error).message}. It runs again at the next scheduled time.`);
      }
    });

  const refresh = async () => {
    const groups = await resolveGroups(deps.groups, options.group, logger);
    const wanted = new Set(groups.map(jobKey));
    for (const [key, job] of jobs) {
      if (!wanted.has(key)) { job.cron.stop(); jobs.delete(key); }
    }
    for (const group of groups) {
      const key = jobKey(group);
      if (jobs.has(key)) continue;
      try {
        jobs.set(key, { group, cron: schedule(group) });
        logger.info(`${group.name}: digests on "${group.schedule}" (${group.timeZone}); next ${jobs.get(key)!.cron.nextRun()?.toISOString() ?? 'never'}.`);
      } catch (error) {
        logger.warn(`${group.name}: the schedule "${group.schedule}" is not a valid cron expression (${(error as Error).message}). Fix it in the Steering Groups list; no digests are sent until then.`);
      }
    }
  };

  // "Send now" requests: one poll at a time, so a slow send never overlaps the next poll.
  let polling = false;
  const requests = deps.requests;
  const pollRequests = async () => {
    if (polling || !requests) return;
    polling = true;
    try {
      const handled = await processSendRequests({ ...deps, requests }, new Date());
      if (handled) logger.info(`${handled} "Send now" request(s) handled.`);
    } catch (error) {
      logger.warn(`Could not check for requested digests: ${(error as Error).message}`);
    } finally {
      polling = false;
    }
  };

  await refresh();
  const timer = setInterval(() => {
    refresh().catch((error: unknown) => logger.warn(`Could not re-read the steering groups: ${(error as Error).message}`));
  }, options.refreshMs ?? 15 * 60_000);
  timer.unref?.();
  const poller = setInterval(() => void pollRequests(), options.requestPollMs ?? 30_000);
  poller.unref?.();

  return {
    nextRuns: () => Object.fromEntries([...jobs.values()].map((j) => [j.group.name, j.cron.nextRun()])),
    refresh,
    stop() {
      clearInterval(timer);
      clearInterval(poller);
      for (const job of jobs.values()) job.cron.stop();
      jobs.clear();
    },
  };
}
