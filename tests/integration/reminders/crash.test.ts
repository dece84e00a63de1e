import { createWebhookSink, type WebhookSink } from '../../../src/emulator/webhook-sink';
import { CRASH_ENV, CRASH_POINTS } from '../../../src/reminders/crash-points';
import { SharePointReminderLog } from '../../../src/sharepoint/reminder-log-repository';
import { LIST } from '../../../src/sharepoint/list-names';
import { manyNewPlanItems } from '../../support/new-items';
import { startTestSite, type TestSite } from '../../support/test-site';
import { crashOf, runRemindChild } from './remind-child';

/**
 * The reminder job as cron runs it — a child process — killed (SIGKILL, no clean-up) at
 * each named point of a send, 50 times, under 30% webhook faults, and re-run at once each
 * time. By the end every group-day must have its card; a card may arrive twice only when
 * a kill fell between its delivery and its record, which the job keeps as short as it can.
 */

const GROUPS = [
  { name: 'Alpha Board', key: 'ALPHA_BOARD' },
  { name: 'Beta Board', key: 'BETA_BOARD' },
  { name: 'Gamma Board', key: 'GAMMA_BOARD' },
];
// 50 kills (the acceptance figure); PLAN_TRACKER_CRASH_KILLS=10 gives a quicker sample while working on the job.
const KILLS = Number(process.env.PLAN_TRACKER_CRASH_KILLS ?? 50);
const FIRST_DAY = Date.parse('2026-11-02T08:00:00Z');
// Short claims and webhook calls keep 50 re-runs within minutes; the rules are the same.
const JOB_ARGS = ['--lease', '3', '--timeout', '1.5'];

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type SentMessage = { claimKey?: string };

/** Cards per claim key, as the chats received them. */
function cardsByKey(sink: WebhookSink): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of sink.messages()) {
    const key = (m.message as SentMessage).claimKey ?? '(no key)';
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

async function seedGroups(site: TestSite): Promise<void> {
  const steering = site.site.sp.web.lists.getByTitle(LIST.steeringGroups).items;
  for (const g of GROUPS) await steering.add({ Title: g.name, GroupKey: g.key, Schedule: '0 8 * * *', TimeZone: 'Europe/London', DueSoonDays: 14, UpdateCadenceDays: 30, EscalationDays: 30 });
  await site.site.plans.saveMany(manyNewPlanItems(6, (i) => ({ steeringGroup: GROUPS[i % 3].name, dueDate: '2026-10-01', status: 'In progress' })), []);
}

describe('remind killed at every point of a send', () => {
  let site: TestSite;
  let sink: WebhookSink;

  beforeAll(async () => {
    // 30% faults (throttled, server errors, the 200 that reports a 429), and answers 150 ms
    // late after keeping the card, so a kill "mid-post" lands with the card delivered.
    sink = createWebhookSink({ '429': 0.1, '500': 0.1, '200-429': 0.1, retryAfterSeconds: 0, delayMs: 150, seed: 20261130 });
    site = await startTestSite({ plugins: [sink] });
    await seedGroups(site);
  });
  afterAll(async () => {
    await site.close();
  });

  it('leaves no group-day without its card after 50 kills, repeating only cards killed between delivery and record', async () => {
    const log = new SharePointReminderLog(site.site.sp);
    const random = seeded(50);
    const kills: { point: string; claimKey: string; inWindow: string[] }[] = [];
    const dateKeys: string[] = [];
    let runs = 0;
    const dayDone = async (dateKey: string) => {
      for (const g of GROUPS) if ((await log.get(`${g.key}|digest|${dateKey}`)).value?.outcome !== 'Sent') return false;
      return true;
    };

    for (let day = 0; kills.length < KILLS || !(await dayDone(dateKeys[dateKeys.length - 1])); day++) {
      const now = new Date(FIRST_DAY + day * 86_400_000);
      const dateKey = now.toISOString().slice(0, 10);
      dateKeys.push(dateKey);
      // Re-run at once after each kill until the day's digests are all recorded; each re-run may be killed too.
      while (!(await dayDone(dateKey))) {
        expect(runs).toBeLessThan(200);
        const point = kills.length < KILLS ? CRASH_POINTS[Math.floor(random() * CRASH_POINTS.length)] : undefined;
        const run = await runRemindChild(['--site', site.siteUrl, '--now', now.toISOString(), ...JOB_ARGS], { [CRASH_ENV]: point }, { remindOnly: true });
        runs++;
        if (run.signal === 'SIGKILL') {
          const crash = crashOf(run);
          expect(crash?.point).toBe(point);
          kills.push(crash!);
        } else {
          // A clean run ends 0, or 1 when a webhook kept failing (the next run retries it).
          if (run.code !== 0 && run.code !== 1) throw new Error(`remind ended ${run.code ?? run.signal}:\n${run.stderr}`);
        }
      }
    }

    const cards = cardsByKey(sink);
    const groupDays = dateKeys.flatMap((d) => GROUPS.map((g) => `${g.key}|digest|${d}`));
    const missing = groupDays.filter((k) => !cards.get(k));
    const repeated = groupDays.filter((k) => (cards.get(k) ?? 0) > 1);
    const duplicates = repeated.reduce((n, k) => n + cards.get(k)! - 1, 0);
    const inWindow = new Set(kills.flatMap((k) => k.inWindow));
    const perPoint = Object.fromEntries(CRASH_POINTS.map((p) => [p, kills.filter((k) => k.point === p).length]));
    const windowKills = kills.filter((k) => k.inWindow.length > 0).length;
    // The figure the issue asks for, printed for the record.
    console.log(`crash test: ${kills.length} kills ${JSON.stringify(perPoint)} in ${runs} runs over ${dateKeys.length} days; `
      + `${groupDays.length} group-days, ${missing.length} without a card, ${duplicates} duplicate card(s), `
      + `all from the ${windowKills} kill(s) that fell between a delivery and its record; faults ${JSON.stringify(sink.stats())}`);

    expect(kills).toHaveLength(KILLS);
    if (KILLS >= 50) for (const point of CRASH_POINTS) expect(perPoint[point]).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(repeated.filter((k) => !inWindow.has(k))).toEqual([]);
    expect([...cards.keys()].filter((k) => !groupDays.includes(k))).toEqual([]);
    // The faults were really met (a short sample may post too few cards to meet one).
    const stats = sink.stats();
    if (KILLS >= 50) expect((stats['429'] ?? 0) + (stats['500'] ?? 0) + (stats['200-429'] ?? 0)).toBeGreaterThan(0);
    expect((await log.inFlight()).value).toEqual([]);
    // About 60 child runs: five minutes on an idle 2-core machine, far more when it is shared.
  }, 40 * 60_000);
});
