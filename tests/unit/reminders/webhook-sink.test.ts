import Database from 'better-sqlite3';
import { createWebhookSink, parseSinkFaults } from '../../../src/emulator/webhook-sink';
import { toWebhookMessage } from '../../../src/reminders/digest-message';

const ORIGIN = 'http://127.0.0.1:4321';
const message = toWebhookMessage({ type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Hello' }] });

/** Calls the plugin in memory, as the emulator would. */
function harness(sink = createWebhookSink()) {
  const db = new Database(':memory:');
  const call = async (method: string, path: string, body?: unknown) => {
    const request = new Request(`${ORIGIN}${path}`, { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    const response = await sink.handle(request, { url: new URL(request.url), db, siteUrl: `${ORIGIN}/sites/plans` });
    if (!response) throw new Error(`the sink did not answer ${method} ${path}`);
    return response;
  };
  return { sink, db, call };
}

describe('webhook sink', () => {
  it('stores a message and answers 202 like Workflows', async () => {
    const { call, sink } = harness();
    const response = await call('POST', '/_sink/webhooks/Equality%20Board', message);
    expect(response.status).toBe(202);
    const listed = await (await call('GET', '/_sink/messages?group=Equality%20Board')).json();
    expect(listed.messages).toHaveLength(1);
    expect(listed.messages[0].group).toBe('Equality Board');
    expect(listed.messages[0].message).toEqual(message);
    expect(sink.messages('Equality Board')).toHaveLength(1);
    expect(sink.messages('Other')).toHaveLength(0);
  });

  it('refuses what Workflows would refuse', async () => {
    const { call } = harness();
    expect((await call('POST', '/_sink/webhooks/x', 'not json')).status).toBe(400);
    expect((await call('POST', '/_sink/webhooks/x', { type: 'message' })).status).toBe(400);
    expect((await call('GET', '/_sink/webhooks/x')).status).toBe(405);
  });

  it('leaves other paths to other plugins', async () => {
    const sink = createWebhookSink();
    const request = new Request(`${ORIGIN}/sites/plans/_api/web`);
    expect(await sink.handle(request, { url: new URL(request.url), db: new Database(':memory:'), siteUrl: '' })).toBeUndefined();
  });

  it('injects 429 with Retry-After, 500 and a 200 that reports 429, storing nothing for them', async () => {
    const { call, sink } = harness();
    expect((await call('POST', '/_sink/faults', { '429': 1, retryAfterSeconds: 2 })).status).toBe(200);
    const throttled = await call('POST', '/_sink/webhooks/g', message);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('2');

    sink.setFaults({ '500': 1 });
    expect((await call('POST', '/_sink/webhooks/g', message)).status).toBe(500);

    sink.setFaults({ '200-429': 1 });
    const hidden = await call('POST', '/_sink/webhooks/g', message);
    expect(hidden.status).toBe(200);
    expect(await hidden.text()).toMatch(/returned HTTP error 429/);

    expect(sink.messages()).toHaveLength(0);
    expect(sink.stats()).toEqual({ 429: 1, 500: 1, '200-429': 1 });
  });

  it('injects faults at about the rate asked for, repeatably with a seed', async () => {
    const run = async () => {
      const { call, sink } = harness();
      sink.setFaults({ '429': 0.3, '500': 0.3, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 400; i++) statuses.push((await call('POST', '/_sink/webhooks/g', message)).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const share = (status: number) => first.filter((s) => s === status).length / first.length;
    expect(share(429)).toBeGreaterThan(0.22);
    expect(share(429)).toBeLessThan(0.38);
    expect(share(500)).toBeGreaterThan(0.22);
    expect(share(500)).toBeLessThan(0.38);
    expect(share(202)).toBeGreaterThan(0.32);
  });

  it('explains a bad faults document', async () => {
    const { call } = harness();
    const response = await call('POST', '/_sink/faults', { '418': 0.5 });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/Unknown fault "418"/);
    expect(() => parseSinkFaults({ '429': 0.7, '500': 0.7 })).toThrow(/more than 1/);
    expect(() => parseSinkFaults({ '429': 2 })).toThrow(/from 0 to 1/);
  });

  it('clears its messages', async () => {
    const { call, sink } = harness();
    await call('POST', '/_sink/webhooks/g', message);
    expect((await call('DELETE', '/_sink/messages')).status).toBe(204);
    expect(sink.messages()).toEqual([]);
  });
});

describe('webhook sink: hanging and slow webhooks', () => {
  it('holds a request to a hanging group unanswered, keeps nothing, and answers 504 when released', async () => {
    const { call, sink } = harness();
    sink.setFaults({ hangGroups: ['Slow Board'] });
    let answered: Response | null = null;
    const pending = call('POST', '/_sink/webhooks/Slow%20Board', message).then((r) => { answered = r; });
    expect((await call('POST', '/_sink/webhooks/Other', message)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(answered).toBeNull();
    sink.releaseHung();
    await pending;
    expect(answered!.status).toBe(504);
    expect(sink.messages('Slow Board')).toHaveLength(0);
    expect(sink.stats().hang).toBe(1);
  });

  it('keeps a card at once and answers it late with delayMs', async () => {
    const { call, sink } = harness();
    sink.setFaults({ delayMs: 60 });
    const started = Date.now();
    const pending = call('POST', '/_sink/webhooks/Board', message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sink.messages('Board')).toHaveLength(1);
    expect((await pending).status).toBe(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('checks the new fault settings', () => {
    expect(parseSinkFaults({ hang: 0.2, delayMs: 100, hangGroups: ['A'] })).toEqual({ hang: 0.2, delayMs: 100, hangGroups: ['A'] });
    expect(() => parseSinkFaults({ hangGroups: 'A' })).toThrow(/"hangGroups" must be a list of group names/);
    expect(() => parseSinkFaults({ delayMs: -1 })).toThrow(/"delayMs" cannot be negative/);
  });
});
