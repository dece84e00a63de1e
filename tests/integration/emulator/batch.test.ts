import { failure, openSpTarget, uniqueTitle, type SpTarget } from './sp-target';

type Row = { ID: number; Id: number; Title: string; Code: string | null; 'odata.etag': string };

describe('embedded SharePoint: $batch', () => {
  let target: SpTarget;
  const title = uniqueTitle('Batched');
  const list = () => target.sp.web.lists.getByTitle(title);

  beforeAll(async () => {
    target = await openSpTarget();
    await target.sp.web.lists.add(title);
    await list().fields.addText('Code');
  });
  afterAll(() => target.close());

  it('runs reads and writes (changesets) in one request and answers each in order', async () => {
    const existing = (await list().items.add({ Title: 'existing', Code: 'E' })) as Row;
    const [batched, execute] = target.sp.batched();
    // Each call needs its own chain: a PnPjs instance can join only one batched request.
    const items = () => batched.web.lists.getByTitle(title).items;
    const added = items().add({ Title: 'added in batch', Code: 'B1' });
    const read = items().getById(existing.Id)();
    const updated = items().getById(existing.Id).update({ Code: 'E2' }, existing['odata.etag']);
    const listed = items().select('Title').orderBy('ID')();
    await execute();
    expect(((await added) as Row).Title).toBe('added in batch');
    expect(((await read) as Row).Code).toBe('E');
    expect((await updated).etag).toBe('"2"');
    // The read that comes after the writes in the batch sees them: parts run in order.
    expect(((await listed) as Row[]).map((r) => r.Title)).toEqual(['existing', 'added in batch']);
    expect(((await list().items.getById(existing.Id)()) as Row).Code).toBe('E2');
  });

  it('gives a failing request its own error and still runs the others', async () => {
    const before = (await list().items.add({ Title: 'stale target', Code: 'S' })) as Row;
    await list().items.getById(before.Id).update({ Code: 'S2' });
    const [batched, execute] = target.sp.batched();
    const items = () => batched.web.lists.getByTitle(title).items;
    const first = items().add({ Title: 'batch ok 1' });
    const stale = items().getById(before.Id).update({ Code: 'lost' }, before['odata.etag']);
    const missing = items().getById(99_999)();
    const last = items().add({ Title: 'batch ok 2' });
    await execute();
    expect(((await first) as Row).Title).toBe('batch ok 1');
    const staleError = await failure(stale);
    expect(staleError.status).toBe(412);
    expect(staleError.message).toContain('does not match the object');
    expect((await failure(missing)).status).toBe(404);
    expect(((await last) as Row).Title).toBe('batch ok 2');
    expect(((await list().items.getById(before.Id)()) as Row).Code).toBe('S2');
  });

  it('answers the raw multipart framing PnPjs parses: one batchresponse part per request', async () => {
    const boundary = 'batch_7f1c';
    const changeset = 'changeset_9a2b';
    const api = `${target.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(title.replace(/'/g, "''"))}')`;
    const body = [
      `--${boundary}`,
      `Content-Type: multipart/mixed; boundary="${changeset}"`,
      '',
      `--${changeset}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `POST ${api}/items HTTP/1.1`,
      'accept: application/json;odata=verbose',
      'content-type: application/json;charset=utf-8',
      '',
      '{"Title":"raw"}',
      '',
      `--${changeset}--`,
      '',
      `--${boundary}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${api}/items?$select=Title&$filter=Title eq 'raw' HTTP/1.1`,
      'accept: application/json',
      '',
      `--${boundary}--`,
      '',
    ].join('\n');
    const response = await fetch(`${target.siteUrl}/_api/$batch`, { method: 'POST', headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}` }, body });
    expect(response.status).toBe(200);
    const responseBoundary = /boundary=(batchresponse_[\w-]+)/.exec(response.headers.get('content-type') ?? '')?.[1];
    expect(responseBoundary).toBeDefined();
    const text = await response.text();
    const parts = text.split(`--${responseBoundary}`).slice(1, -1);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/HTTP\/1\.1 201 Created/);
    expect(parts[0]).toContain('"d":{"__metadata"');
    expect(parts[1]).toMatch(/HTTP\/1\.1 200 OK/);
    expect(parts[1]).toContain('"Title":"raw"');
  });

  it('refuses a truncated batch with 400, runs none of it, and keeps serving', async () => {
    const countBefore = ((await list().items.select('ID')()) as Row[]).length;
    const body = [
      '--batch_cut',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `POST ${target.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(title.replace(/'/g, "''"))}')/items HTTP/1.1`,
      'content-type: application/json',
      '',
      '{"Title":"never"}',
    ].join('\n');
    const response = await fetch(`${target.siteUrl}/_api/$batch`, { method: 'POST', headers: { 'Content-Type': 'multipart/mixed; boundary=batch_cut', Accept: 'application/json' }, body });
    expect(response.status).toBe(400);
    const error = (await response.json()) as { 'odata.error': { message: { value: string } } };
    expect(error['odata.error'].message.value).toContain('truncated');
    expect(((await list().items.select('ID')()) as Row[]).length).toBe(countBefore);
  });
});
