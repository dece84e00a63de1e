import { DEFAULT_STEERING_GROUP, type SteeringGroup } from '../../../src/domain/plan-item';
import type { PlanRepository } from '../../../src/domain/ports';
import { localDigestLinks } from '../../../src/reminders/digest-links';
import type { WebhookMessage } from '../../../src/reminders/digest-message';
import type { ReminderLogEntry } from '../../../src/reminders/reminder-log';
import {
  lastDigestSentAt, processSendRequests, requestClaimKey, type SendRequest, type SendRequestDeps, type SendRequestLog,
} from '../../../src/reminders/send-requests';
import { WebhookDeliveryError, type Notifier } from '../../../src/reminders/webhook-notifier';
import { aPlanItem } from '../../support/builders';
import { groupsOf, InMemoryPlans, InMemoryReminderLog } from './fakes';

const NOW = new Date('2026-11-24T08:00:00Z');
const SECRET_URL = (group: string) => `https://hooks.example/${encodeURIComponent(group)}?sig=secret`;
const SECRET_URLS = (group: { name: string }) => SECRET_URL(group.name);
const board: SteeringGroup = { id: 1, name: 'Equality Board', key: 'EQUALITY_BOARD', ...DEFAULT_STEERING_GROUP };

/** Send requests in memory with SharePoint's guarantees: an update with a stale ETag is refused; Modified on the server's clock. */
class InMemorySendRequests implements SendRequestLog {
  readonly rows: SendRequest[] = [];
  private nextId = 1;
  serverClock: () => Date = () => new Date();

  async request(groupName: string, requestedAt: Date, dateKey: string) {
    const row: SendRequest = { id: this.nextId++, etag: '"1"', claimKey: requestClaimKey(groupName, requestedAt), groupName, dateKey, outcome: 'Requested', itemIds: [], attempts: 0, sentAt: null, detail: '', modified: this.serverClock().toISOString() };
    this.rows.push(row);
    return { ...row };
  }

  async get(id: number) {
    return { value: { ...this.rows.find((r) => r.id === id)! }, serverNow: this.serverClock() };
  }

  async pending() {
    // A pause, so two processors started together both read the same waiting rows.
    await new Promise((resolve) => setTimeout(resolve, 2));
    return { value: this.rows.filter((r) => r.outcome === 'Requested' || r.outcome === 'Claimed').map((r) => ({ ...r })), serverNow: this.serverClock() };
  }

  private guarded(request: SendRequest, change: Partial<SendRequest>) {
    const row = this.rows.find((r) => r.id === request.id)!;
    if (row.etag !== request.etag) return null;
    Object.assign(row, change, { etag: bump(row.etag), modified: this.serverClock().toISOString() });
    return { ...row };
  }

  async claim(request: SendRequest) {
    return this.guarded(request, { outcome: 'Claimed', attempts: request.attempts + 1 });
  }

  async renew(request: SendRequest) {
    return this.guarded(request, {});
  }

  async finish(request: SendRequest, outcome: 'Sent' | 'Failed', at: string, detail: string, itemIds: number[]) {
    const row = this.rows.find((r) => r.id === request.id)!;
    Object.assign(row, { outcome, sentAt: outcome === 'Sent' ? at : null, detail, itemIds, etag: bump(row.etag), modified: this.serverClock().toISOString() });
  }
}

const bump = (etag: string) => `"${Number(etag.replace(/"/g, '')) + 1}"`;

class RecordingNotifier implements Notifier {
  delivered: { url: string; message: WebhookMessage }[] = [];
  constructor(private failures = 0) {}
  async send(url: string, message: WebhookMessage) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failures-- > 0) throw new WebhookDeliveryError(`The webhook ${url} answered HTTP 500 6 times.`, 500, 6);
    this.delivered.push({ url, message });
    return { status: 202, attempts: 1 };
  }
}

function setup(options: { notifier?: RecordingNotifier; webhooks?: (group: { name: string }) => string | null } = {}) {
  const plans = new InMemoryPlans([
    aPlanItem({ id: 1, steeringGroup: 'Equality Board', dueDate: '2026-10-01', lastUpdated: '2026-11-20T09:00:00Z' }),
    aPlanItem({ id: 2, steeringGroup: 'Climate Board', dueDate: '2026-11-01', lastUpdated: null }),
  ]);
  const requests = new InMemorySendRequests();
  const log = new InMemoryReminderLog();
  const notifier = options.notifier ?? new RecordingNotifier();
  const deps: SendRequestDeps = {
    plans: plans as unknown as PlanRepository,
    log,
    groups: groupsOf([board], plans),
    notifier,
    webhooks: options.webhooks ?? SECRET_URLS,
    links: (overdueView) => localDigestLinks({ origin: 'http://127.0.0.1:4321', overdueViewUrl: overdueView }),
    requests,
  };
  return { deps, requests, notifier, plans, log };
}

describe('processSendRequests', () => {
  it('sends the requested group its digest and marks the request Sent with the actions listed', async () => {
    const { deps, requests, notifier } = setup();
    await requests.request('Equality Board', NOW, '2026-11-24');
    expect(await processSendRequests(deps, NOW)).toBe(1);
    expect(notifier.delivered.map((d) => d.url)).toEqual([SECRET_URL('Equality Board')]);
    expect(requests.rows[0]).toMatchObject({ outcome: 'Sent', sentAt: NOW.toISOString(), itemIds: [1], detail: 'Delivered after 1 attempt(s) (HTTP 202).' });
  });

  it('sends once when two processors run at the same time', async () => {
    const { deps, requests, notifier } = setup();
    await requests.request('Equality Board', NOW, '2026-11-24');
    const handled = await Promise.all([processSendRequests(deps, NOW), processSendRequests(deps, NOW)]);
    expect(handled.sort()).toEqual([0, 1]);
    expect(notifier.delivered).toHaveLength(1);
    expect(requests.rows[0].outcome).toBe('Sent');
    expect(requests.rows[0].attempts).toBe(1);
  });

  it('does nothing, and reads nothing else, when no request is waiting', async () => {
    const { deps, notifier, plans } = setup();
    expect(await processSendRequests(deps, NOW)).toBe(0);
    expect(notifier.delivered).toHaveLength(0);
    expect(plans.queries).toBe(0);
  });

  it('sends one message for two requests of the same group waiting together', async () => {
    const { deps, requests, notifier } = setup();
    await requests.request('Equality Board', NOW, '2026-11-24');
    await requests.request('equality board', new Date(NOW.getTime() + 1000), '2026-11-24');
    expect(await processSendRequests(deps, NOW)).toBe(2);
    expect(notifier.delivered).toHaveLength(1);
    expect(requests.rows.map((r) => r.outcome)).toEqual(['Sent', 'Sent']);
  });

  it('gives a group named only on actions the defaults', async () => {
    const { deps, requests, notifier } = setup();
    await requests.request('Climate Board', NOW, '2026-11-24');
    await processSendRequests(deps, NOW);
    expect(notifier.delivered.map((d) => d.url)).toEqual([SECRET_URL('Climate Board')]);
    expect(requests.rows[0]).toMatchObject({ outcome: 'Sent', itemIds: [2] });
  });

  it('marks a failed delivery Failed without the webhook URL in the detail', async () => {
    const { deps, requests } = setup({ notifier: new RecordingNotifier(1) });
    await requests.request('Equality Board', NOW, '2026-11-24');
    await processSendRequests(deps, NOW);
    expect(requests.rows[0].outcome).toBe('Failed');
    expect(requests.rows[0].detail).toContain('answered HTTP 500');
    expect(requests.rows[0].detail).not.toContain('sig=secret');
  });

  it('fails a request for a group without a webhook, naming the setting to add', async () => {
    const { deps, requests, notifier } = setup({ webhooks: () => null });
    await requests.request('Equality Board', NOW, '2026-11-24');
    await processSendRequests(deps, NOW);
    expect(notifier.delivered).toHaveLength(0);
    expect(requests.rows[0].outcome).toBe('Failed');
    expect(requests.rows[0].detail).toContain('PLAN_TRACKER_WEBHOOK_EQUALITY_BOARD');
  });

  it('fails a request for a group nobody knows', async () => {
    const { deps, requests, notifier } = setup();
    await requests.request('Nobody Board', NOW, '2026-11-24');
    await processSendRequests(deps, NOW);
    expect(notifier.delivered).toHaveLength(0);
    expect(requests.rows[0]).toMatchObject({ outcome: 'Failed' });
    expect(requests.rows[0].detail).toContain('No steering group is called "Nobody Board"');
  });

  it('takes over, and sends, a request whose job stopped (its lease ran out on the server\'s clock), but not one a live job holds', async () => {
    const { deps, requests, notifier } = setup();
    let server = Date.parse('2026-11-24T08:00:00Z');
    requests.serverClock = () => new Date(server);
    const request = await requests.request('Equality Board', NOW, '2026-11-24');
    await requests.claim(request);
    expect(await processSendRequests(deps, NOW)).toBe(0);
    server += 119_000;
    expect(await processSendRequests(deps, NOW)).toBe(0);
    server += 2_000;
    expect(await processSendRequests(deps, NOW)).toBe(1);
    expect(notifier.delivered).toHaveLength(1);
    expect(requests.rows[0]).toMatchObject({ outcome: 'Sent', attempts: 2 });
  });

  it('puts the request\'s claim key in the message', async () => {
    const { deps, requests, notifier } = setup();
    const request = await requests.request('Equality Board', NOW, '2026-11-24');
    await processSendRequests(deps, NOW);
    expect(notifier.delivered[0].message.claimKey).toBe(request.claimKey);
  });

  it('counts changes from the last digest sent, scheduled or on request', async () => {
    const entry = (overrides: Partial<ReminderLogEntry>): ReminderLogEntry => ({
      id: 1, etag: '"1"', claimKey: 'k', groupName: 'Equality Board', kind: 'digest', dateKey: '2026-11-01', itemIds: [], outcome: 'Sent', attempts: 1, sentAt: '2026-11-01T08:00:00Z', detail: '', modified: '', ...overrides,
    });
    expect(lastDigestSentAt([
      entry({}),
      entry({ kind: 'digest-now', sentAt: '2026-11-10T08:00:00Z' }),
      entry({ kind: 'digest-now', outcome: 'Failed', sentAt: null }),
      entry({ groupName: 'Other', sentAt: '2026-11-20T08:00:00Z' }),
    ], 'equality board')).toBe('2026-11-10T08:00:00Z');
    expect(lastDigestSentAt([], 'Equality Board')).toBeNull();
  });
});
