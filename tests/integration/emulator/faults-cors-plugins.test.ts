import { startEmulatorServer, type EmulatorServer } from '../../../src/emulator/node-server';
import type { EmulatorPlugin } from '../../../src/emulator/plugin';
import { connect } from '../../../src/sharepoint/connect';
import '@pnp/sp/webs';

// Fault injection, CORS and plugins are the embedded server's own behaviour (not SharePoint's), so no real-site variant.
describe('embedded SharePoint: fault injection', () => {
  let server: EmulatorServer;
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, memory: true, faults: { 429: 1 }, retryAfterSeconds: 1 });
  });
  afterAll(() => server.close());
  afterEach(() => server.emulator.setFaults({}));
  const control = () => ({ 'X-PlanTracker-Emulator-Token': server.controlToken });

  it('answers 429 with Retry-After and SharePoint\'s error body when a 429 share is set', async () => {
    const response = await fetch(`${server.siteUrl}/_api/web`, { headers: { Accept: 'application/json' } });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = (await response.json()) as { 'odata.error': { code: string; message: { value: string } } };
    expect(body['odata.error'].message.value).toContain('Retry after 1 second');
  });

  it('answers 503 with Retry-After when a 503 share is set through POST /_emulator/faults', async () => {
    const set = await fetch(`${server.url}/_emulator/faults`, { method: 'POST', headers: control(), body: JSON.stringify({ 503: 1, seed: 3 }) });
    expect(set.status).toBe(200);
    const response = await fetch(`${server.siteUrl}/_api/web/lists`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('faults only _api requests, never the control routes', async () => {
    server.emulator.setFaults({ 429: 1 });
    const state = await fetch(`${server.url}/_emulator/state`, { headers: control() });
    expect(state.status).toBe(200);
    expect(((await state.json()) as { faults: Record<string, number> }).faults).toEqual({ 429: 1 });
  });

  it('injects the same faults for the same seed, and PnPjs retries through them', async () => {
    const run = async () => {
      server.emulator.setFaults({ 429: 0.5 }, 42);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await fetch(`${server.siteUrl}/_api/web`)).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(429);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
    server.emulator.setFaults({ 429: 0.3 }, 7);
    const web = await connect(server.siteUrl, { kind: 'embedded' }).web.select('Url')();
    expect(web.Url).toBe(server.siteUrl);
  }, 30_000);

  it('refuses rates that are not shares of 429 or 503', async () => {
    const response = await fetch(`${server.url}/_emulator/faults`, { method: 'POST', headers: control(), body: JSON.stringify({ 500: 0.5 }) });
    expect(response.status).toBe(400);
    expect(() => server.emulator.setFaults({ 429: 2 })).toThrow(/between 0 and 1/);
  });

  it('adds latency to _api requests', async () => {
    server.emulator.setLatency(60);
    const started = Date.now();
    await fetch(`${server.siteUrl}/_api/web`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    server.emulator.setLatency(0);
  });
});

describe('embedded SharePoint: CORS and plugins', () => {
  let server: EmulatorServer;
  const seen: string[] = [];
  const first: EmulatorPlugin = {
    name: 'first',
    handle: (request, context) => {
      seen.push(`first ${new URL(request.url).pathname}`);
      if (context.url.pathname === '/hello') return new Response(`hello from ${context.siteUrl}`);
      return undefined;
    },
  };
  const second: EmulatorPlugin = {
    name: 'second',
    handle: async (request) => {
      seen.push(`second ${new URL(request.url).pathname}`);
      return new URL(request.url).pathname === '/hello' || new URL(request.url).pathname === '/two' ? new Response('second') : undefined;
    },
  };
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, memory: true, plugins: [first, second] });
  });
  afterAll(() => server.close());

  it('answers a preflight from its own origin allowing PnPjs\' headers and exposing ETag and Retry-After; other origins get no CORS', async () => {
    const own = server.url;
    const response = await fetch(`${server.siteUrl}/_api/web/lists`, {
      method: 'OPTIONS',
      headers: { Origin: own, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-http-method,if-match,x-planTracker-as' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(own);
    const foreign = await fetch(`${server.siteUrl}/_api/web/lists`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['accept', 'content-type', 'if-match', 'x-http-method', 'x-requestdigest', 'x-clientservice-clienttag', 'x-plantracker-as', 'authorization', 'odata-version']) {
      expect(allowed).toContain(header);
    }
    const get = await fetch(`${server.siteUrl}/_api/web`, { headers: { Origin: own } });
    expect(get.headers.get('access-control-expose-headers')).toMatch(/ETag.*Retry-After/);
  });

  it('hands requests outside _api to the plugins in order; the first answer wins', async () => {
    seen.length = 0;
    const hello = await fetch(`${server.url}/hello`);
    expect(await hello.text()).toBe(`hello from ${server.siteUrl}`);
    expect(seen).toEqual(['first /hello']);
    const two = await fetch(`${server.url}/two`);
    expect(await two.text()).toBe('second');
    expect(seen).toEqual(['first /hello', 'first /two', 'second /two']);
  });

  it('answers 404 when no plugin answers, and never hands _api requests to plugins', async () => {
    seen.length = 0;
    expect((await fetch(`${server.url}/nobody`)).status).toBe(404);
    await fetch(`${server.siteUrl}/_api/web`);
    expect(seen).toEqual(['first /nobody', 'second /nobody']);
  });

  it('binds to 127.0.0.1 only', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    await expect(startEmulatorServer({ port: 0, memory: true, host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/127\.0\.0\.1 only/);
  });
});
