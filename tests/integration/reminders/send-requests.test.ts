import { createWebhookSink, type WebhookSink } from '../../../src/emulator/webhook-sink';
import { processSendRequests, type SendRequestDeps } from '../../../src/reminders/send-requests';
import { SharePointSendRequests } from '../../../src/sharepoint/send-request-repository';
import { manyNewPlanItems } from '../../support/new-items';
import { WorkflowWebhookNotifier } from '../../../src/reminders/webhook-notifier';
import { sinkReminderDeps } from '../../support/reminder-deps';
import { startTestSite, type TestSite } from '../../support/test-site';

const NOW = new Date('2026-11-24T08:00:00Z');

function depsFor(site: TestSite): Promise<SendRequestDeps> {
  return sinkReminderDeps(site, { maxAttempts: 12, appId: 'test-app-id' });
}

describe('send requests against the embedded server', () => {
  let site: TestSite;
  let sink: WebhookSink;
  let addedIds: number[];

  beforeEach(async () => {
    sink = createWebhookSink();
    site = await startTestSite({ plugins: [sink] });
    ({ addedIds } = await site.site.plans.saveMany(manyNewPlanItems(6, (i) => ({ steeringGroup: 'Equality Board', dueDate: i < 3 ? '2026-10-01' : '2027-05-01', status: 'In progress' })), []));
  });
  afterEach(async () => {
    await site.close();
  });

  it('sends a requested digest exactly once with two processors at once and 429s/500s from the webhook', async () => {
    const requests = new SharePointSendRequests(site.site.sp);
    const request = await requests.request('Equality Board', NOW, '2026-11-24');
    expect(request).toMatchObject({ outcome: 'Requested', claimKey: `Equality Board|request|${NOW.toISOString()}`, groupName: 'Equality Board' });
    sink.setFaults({ '429': 0.3, '500': 0.3, retryAfterSeconds: 0, seed: 11 });

    const [a, b] = await Promise.all([depsFor(site), depsFor(site)]);
    const handled = await Promise.all([processSendRequests(a, NOW), processSendRequests(b, NOW)]);
    expect(handled.sort()).toEqual([0, 1]);
    // A later run finds nothing waiting.
    expect(await processSendRequests(a, NOW)).toBe(0);

    expect(sink.messages('Equality Board')).toHaveLength(1);
    const done = (await requests.get(request.id)).value;
    expect(done).toMatchObject({ outcome: 'Sent', attempts: 1 });
    expect(Date.parse(done.sentAt ?? '')).toBe(NOW.getTime());
    // Three are overdue; all six have never been updated, so all are listed.
    expect([...done.itemIds].sort((x, y) => x - y)).toEqual(addedIds);
    expect(done.detail).toMatch(/^Delivered after \d+ attempt\(s\) \(HTTP 202\)\.$/);
  });

  it('reads waiting requests with an indexed filter and leaves scheduled digests to the scheduler', async () => {
    const requests = new SharePointSendRequests(site.site.sp);
    await requests.request('Equality Board', NOW, '2026-11-24');
    expect((await requests.pending()).value.map((r) => r.groupName)).toEqual(['Equality Board']);
    await processSendRequests(await depsFor(site), NOW);
    expect((await requests.pending()).value).toEqual([]);
  });

  it('marks a request Failed with the group named and no webhook URL when delivery keeps failing', async () => {
    const requests = new SharePointSendRequests(site.site.sp);
    const request = await requests.request('Equality Board', NOW, '2026-11-24');
    sink.setFaults({ '500': 1 });
    const deps = await depsFor(site);
    deps.notifier = new WorkflowWebhookNotifier({ baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2, requestsPerSecond: 200 });
    expect(await processSendRequests(deps, NOW)).toBe(1);
    const failed = (await requests.get(request.id)).value;
    expect(failed.outcome).toBe('Failed');
    expect(failed.detail).not.toContain('/_sink/webhooks/');
    expect(sink.messages()).toHaveLength(0);
  });
});
