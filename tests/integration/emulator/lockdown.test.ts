import http from 'node:http';
import { startEmulatorServer, type EmulatorServer } from '../../../src/emulator/node-server';
import { CONTROL_TOKEN_HEADER } from '../../../src/emulator/lockdown';
import { isValidDigest, issueDigest } from '../../../src/emulator/request-digest';

/** A raw request, so the Host header can be anything (fetch always sends the URL's host). */
function rawRequest(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = http.request({ hostname: target.hostname, port: target.port, path: target.pathname, method: 'GET', headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

// The lockdown is the embedded server's own (issue 10 part 4), so no real-site variant.
describe('embedded SharePoint: only its own pages may use it', () => {
  let server: EmulatorServer;
  const json = { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json' };
  const listTitles = async () => ((await (await fetch(`${server.siteUrl}/_api/web/lists`, { headers: json })).json()) as { value: { Title: string }[] }).value.map((l) => l.Title);

  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, memory: true });
  });
  afterAll(() => server.close());

  it('refuses a Host header that is not this machine and port (DNS rebinding)', async () => {
    const port = new URL(server.url).port;
    const rebound = await rawRequest(`${server.siteUrl}/_api/web`, `evil.example:${port}`);
    expect(rebound.status).toBe(400);
    expect(rebound.body).toContain('Invalid Hostname');
    expect((await rawRequest(`${server.siteUrl}/_api/web`, '127.0.0.1:1')).status).toBe(400);
    expect((await rawRequest(`${server.siteUrl}/_api/web`, `localhost:${port}`)).status).toBe(200);
    expect((await rawRequest(`${server.siteUrl}/_api/web`, `127.0.0.1:${port}`)).status).toBe(200);
  });

  it('refuses requests from another origin, reads and writes alike, and writes nothing', async () => {
    const foreign = { Origin: 'http://127.0.0.1:9' };
    const read = await fetch(`${server.siteUrl}/_api/web/lists`, { headers: { ...json, ...foreign } });
    expect(read.status).toBe(403);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const write = await fetch(`${server.siteUrl}/_api/web/lists`, { method: 'POST', headers: { ...json, ...foreign }, body: JSON.stringify({ Title: 'Planted' }) });
    expect(write.status).toBe(403);
    const nullOrigin = await fetch(`${server.siteUrl}/_api/web/lists`, { method: 'POST', headers: { ...json, Origin: 'null' }, body: JSON.stringify({ Title: 'Planted' }) });
    expect(nullOrigin.status).toBe(403);
    const crossSite = await fetch(`${server.siteUrl}/_api/web/lists`, { headers: { ...json, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' } });
    expect(crossSite.status).toBe(403);
    expect(await listTitles()).not.toContain('Planted');
  });

  it('asks its own pages for a request digest on writes, with SharePoint\'s 403, and takes a digest from contextinfo', async () => {
    const own = { Origin: server.url };
    const refused = await fetch(`${server.siteUrl}/_api/web/lists`, { method: 'POST', headers: { ...json, ...own }, body: JSON.stringify({ Title: 'No digest' }) });
    expect(refused.status).toBe(403);
    const error = (await refused.json()) as { 'odata.error': { code: string; message: { value: string } } };
    expect(error['odata.error'].code).toBe('-2130575251, Microsoft.SharePoint.SPException');
    expect(error['odata.error'].message.value).toMatch(/^The security validation for this page is invalid/);
    const forged = await fetch(`${server.siteUrl}/_api/web/lists`, { method: 'POST', headers: { ...json, ...own, 'X-RequestDigest': `0x${'A'.repeat(64)},${new Date().toUTCString()}` }, body: JSON.stringify({ Title: 'Forged' }) });
    expect(forged.status).toBe(403);
    const info = await fetch(`${server.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { ...json, ...own } });
    expect(info.status).toBe(200);
    const digest = ((await info.json()) as { FormDigestValue: string }).FormDigestValue;
    const created = await fetch(`${server.siteUrl}/_api/web/lists`, { method: 'POST', headers: { ...json, ...own, 'X-RequestDigest': digest }, body: JSON.stringify({ Title: 'With digest' }) });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(server.url);
    const titles = await listTitles();
    expect(titles).toContain('With digest');
    expect(titles).not.toContain('No digest');
    expect(titles).not.toContain('Forged');
  });

  it('lets programs (no Origin header) write without a digest, as SharePoint lets bearer-token callers', async () => {
    const created = await fetch(`${server.siteUrl}/_api/web/lists`, { method: 'POST', headers: json, body: JSON.stringify({ Title: 'From a program' }) });
    expect(created.status).toBe(201);
  });

  it('keeps the control routes behind the start-up token', async () => {
    const without = await fetch(`${server.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ 429: 1 }) });
    expect(without.status).toBe(401);
    expect(((await without.json()) as { error: string }).error).toContain(CONTROL_TOKEN_HEADER);
    expect((await fetch(`${server.url}/_emulator/state`, { headers: { [CONTROL_TOKEN_HEADER]: 'guess' } })).status).toBe(401);
    expect((await fetch(`${server.siteUrl}/_api/web`)).status).toBe(200);
    const state = await fetch(`${server.url}/_emulator/state`, { headers: { [CONTROL_TOKEN_HEADER]: server.controlToken } });
    expect(state.status).toBe(200);
    expect(server.controlToken.length).toBeGreaterThanOrEqual(20);
  });
});

describe('request digests', () => {
  const web = '5e2c1d9a-0000-4000-8000-000000000001';
  it('are valid for their web for 30 minutes only', () => {
    const issued = new Date('2026-03-01T10:00:00Z');
    const digest = issueDigest(web, issued);
    expect(digest).toMatch(/^0x[0-9A-F]{64},Sun, 01 Mar 2026 10:00:00 GMT$/);
    expect(isValidDigest(digest, web, new Date('2026-03-01T10:29:59Z'))).toBe(true);
    expect(isValidDigest(digest, web, new Date('2026-03-01T10:30:01Z'))).toBe(false);
    expect(isValidDigest(digest, '5e2c1d9a-0000-4000-8000-000000000002', issued)).toBe(false);
    expect(isValidDigest(digest.replace(/,.*/, ',Sun, 01 Mar 2026 10:10:00 GMT'), web, issued)).toBe(false);
    expect(isValidDigest(null, web, issued)).toBe(false);
  });
});
