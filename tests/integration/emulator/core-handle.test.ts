import { createEmulator, type Emulator } from '../../../src/emulator/emulator';
import { startEmulatorServer } from '../../../src/emulator/node-server';

const SITE = 'http://127.0.0.1:9/sites/plans';
const LIST = `${SITE}/_api/web/lists/getByTitle('Plan%20Items')`;

/** The emulator core in memory, without a socket: `handle(Request)` → `Response`. */
describe('embedded SharePoint core: bad input leaves the data unchanged and the server serving', () => {
  let emulator: Emulator;
  const call = (url: string, init: RequestInit = {}) => emulator.handle(new Request(url, { ...init, headers: { Accept: 'application/json', ...(init.headers as Record<string, string>) } }));
  const json = async (url: string, init?: RequestInit) => (await call(url, init)).json() as Promise<Record<string, unknown>>;
  const titles = async () => ((await json(`${LIST}/items?$select=Title&$orderby=ID`)).value as { Title: string }[]).map((r) => r.Title);
  const errorText = (body: Record<string, unknown>) => (body['odata.error'] as { message: { value: string } }).message.value;

  beforeEach(async () => {
    emulator = createEmulator({ memory: true, origin: 'http://127.0.0.1:9', maxJsonBytes: 4096, maxBatchBytes: 8192 });
    await call(`${SITE}/_api/web/lists`, { method: 'POST', body: JSON.stringify({ Title: 'Plan Items' }) });
    await call(`${LIST}/items`, { method: 'POST', body: JSON.stringify({ Title: 'kept' }) });
  });
  afterEach(() => emulator.close());

  it('answers 400 for a body that is not JSON', async () => {
    const response = await call(`${LIST}/items`, { method: 'POST', body: '{"Title": "half', headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(errorText((await response.json()) as Record<string, unknown>)).toMatch(/^Invalid JSON\./);
    expect(await titles()).toEqual(['kept']);
  });

  it('answers 400 for JSON that is not an object', async () => {
    const response = await call(`${LIST}/items`, { method: 'POST', body: '["Title"]' });
    expect(response.status).toBe(400);
    expect(await titles()).toEqual(['kept']);
  });

  it('answers 413 for a JSON body over the limit', async () => {
    const response = await call(`${LIST}/items`, { method: 'POST', body: JSON.stringify({ Title: 'x'.repeat(5000) }) });
    expect(response.status).toBe(413);
    expect(errorText((await response.json()) as Record<string, unknown>)).toContain('too big');
    expect(await titles()).toEqual(['kept']);
  });

  it('answers 413 for a $batch body over the batch limit', async () => {
    const response = await call(`${SITE}/_api/$batch`, { method: 'POST', body: `--batch_x\n${'x'.repeat(9000)}\n--batch_x--\n`, headers: { 'Content-Type': 'multipart/mixed; boundary=batch_x' } });
    expect(response.status).toBe(413);
  });

  it('answers 400 for a truncated $batch and runs none of its parts', async () => {
    const body = ['--batch_t', 'Content-Type: application/http', '', `POST ${LIST}/items HTTP/1.1`, 'Content-Type: application/json', '', '{"Title":"never"}', ''].join('\n');
    const response = await call(`${SITE}/_api/$batch`, { method: 'POST', body, headers: { 'Content-Type': 'multipart/mixed; boundary=batch_t' } });
    expect(response.status).toBe(400);
    expect(errorText((await response.json()) as Record<string, unknown>)).toContain("closing boundary '--batch_t--' was not found");
    expect(await titles()).toEqual(['kept']);
  });

  it('answers 400 for a $batch part without a request line', async () => {
    const body = ['--batch_r', 'Content-Type: application/http', '', 'nonsense', '--batch_r--', ''].join('\n');
    const response = await call(`${SITE}/_api/$batch`, { method: 'POST', body, headers: { 'Content-Type': 'multipart/mixed; boundary=batch_r' } });
    expect(response.status).toBe(400);
    expect(await titles()).toEqual(['kept']);
  });

  it('answers 400 for a malformed $filter and 404 for an unknown resource, then keeps serving', async () => {
    expect((await call(`${LIST}/items?$filter=${encodeURIComponent("Title eq 'a' or")}`)).status).toBe(400);
    expect((await call(`${SITE}/_api/web/nothinghere`)).status).toBe(404);
    expect((await call(`${LIST}/items?$top=abc`)).status).toBe(400);
    expect(await titles()).toEqual(['kept']);
  });

  it('answers a wrong field value with 400 and stores nothing', async () => {
    const response = await call(`${LIST}/fields`, { method: 'POST', body: JSON.stringify({ Title: 'Score', FieldTypeKind: 9 }), headers: { 'Content-Type': 'application/json;odata=verbose', Accept: 'application/json;odata=verbose' } });
    expect(response.status).toBe(201);
    const bad = await call(`${LIST}/items`, { method: 'POST', body: JSON.stringify({ Title: 'bad', Score: 'ten' }) });
    expect(bad.status).toBe(400);
    expect(errorText((await bad.json()) as Record<string, unknown>)).toContain("Cannot convert a primitive value to the expected type 'Edm.Double'");
    expect(await titles()).toEqual(['kept']);
  });

  it('refuses oversized bodies over real HTTP too, and keeps serving', async () => {
    const server = await startEmulatorServer({ port: 0, memory: true, maxJsonBytes: 2048, maxBatchBytes: 2048 });
    try {
      const big = await fetch(`${server.siteUrl}/_api/web/lists`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ Title: 'x'.repeat(100_000) }) });
      expect(big.status).toBe(413);
      const lists = await fetch(`${server.siteUrl}/_api/web/lists`, { headers: { Accept: 'application/json' } });
      expect(((await lists.json()) as { value: unknown[] }).value).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
