import http from 'node:http';
import type { AddressInfo } from 'node:net';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/attachments';
import '@pnp/sp/comments/item';
import '@pnp/sp/subscriptions';
import '@pnp/sp/regional-settings/web';
import { startEmulatorServer, type EmulatorServer } from '../../../src/emulator/node-server';
import { siteDate } from '../../../src/emulator/rest/regional-settings';
import { connect } from '../../../src/sharepoint/connect';
import { failure } from './sp-target';

// These behaviours are SharePoint Online's; the embedded server is checked here (a tenant would need a reachable webhook listener).
describe('embedded SharePoint: attachments, comments, webhooks, web settings', () => {
  let server: EmulatorServer;
  let listener: http.Server;
  let listenerUrl: string;
  let answerValidation = true;
  const sp = () => connect(server.siteUrl, { kind: 'embedded' });
  const list = () => sp().web.lists.getByTitle('Evidence');

  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, memory: true, maxFileBytes: 64 * 1024 });
    await sp().web.lists.add('Evidence');
    await list().items.add({ Title: 'Action with evidence' });
    listener = http.createServer((req, res) => {
      const token = new URL(req.url ?? '/', 'http://x').searchParams.get('validationtoken');
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(answerValidation && token ? token : 'no');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', () => resolve()));
    listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => listener.close(() => resolve()));
    await server.close();
  });

  it('adds, reads, replaces and recycles an attachment, with its bytes intact', async () => {
    const item = list().items.getById(1);
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13]);
    await item.attachmentFiles.add('board minutes.pdf', bytes.buffer);
    await item.attachmentFiles.add('note.txt', 'Some Content');
    expect((await item.attachmentFiles()).map((a) => a.FileName)).toEqual(['board minutes.pdf', 'note.txt']);
    expect(new Uint8Array(await item.attachmentFiles.getByName('board minutes.pdf').getBuffer())).toEqual(bytes);
    await item.attachmentFiles.getByName('note.txt').setContent('Different Content');
    expect(await item.attachmentFiles.getByName('note.txt').getText()).toBe('Different Content');
    await item.attachmentFiles.getByName('note.txt').recycle();
    expect((await item.attachmentFiles()).map((a) => a.FileName)).toEqual(['board minutes.pdf']);
  });

  it('refuses a file name that climbs out of the folder, and a file over the size limit, writing nothing', async () => {
    const item = list().items.getById(1);
    const before = (await item.attachmentFiles()).length;
    const climbing = await failure(item.attachmentFiles.add('../../escape.txt', 'x'));
    expect(climbing.status).toBe(400);
    expect(climbing.body).toContain('contains characters that are not permitted');
    const big = await failure(item.attachmentFiles.add('big.bin', new ArrayBuffer(65 * 1024)));
    expect(big.status).toBe(413);
    expect(big.body).toContain('The request message is too big');
    expect(await item.attachmentFiles()).toHaveLength(before);
  });

  it('keeps comments on an item, with replies, likes and delete-all', async () => {
    const item = list().items.getById(1);
    const comment = await item.comments.add('First review done');
    expect(comment.text).toBe('First review done');
    expect((await item.comments.getById(Number(comment.id))()).text).toBe('First review done');
    await item.comments.getById(Number(comment.id)).like();
    expect((await item.comments.getById(Number(comment.id))()).likeCount).toBe(1);
    await item.comments.getById(Number(comment.id)).replies.add('Agreed');
    expect((await item.comments.getById(Number(comment.id)).replies()).map((r) => r.text)).toEqual(['Agreed']);
    await item.comments.clear();
    expect(await item.comments()).toEqual([]);
  });

  it('keeps a list webhook only after the validation handshake, and updates and deletes it', async () => {
    const inMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const added = await list().subscriptions.add(listenerUrl, inMonth, 'state-1');
    expect(added.notificationUrl).toBe(listenerUrl);
    const later = new Date(Date.now() + 170 * 86_400_000).toISOString();
    await list().subscriptions.getById(added.id).update(later);
    expect(new Date((await list().subscriptions.getById(added.id)()).expirationDateTime).toISOString()).toBe(later);
    expect((await failure(list().subscriptions.add(listenerUrl, new Date(Date.now() + 200 * 86_400_000).toISOString()))).body).toContain('180 days');
    answerValidation = false;
    const unvalidated = await failure(list().subscriptions.add(listenerUrl, inMonth));
    answerValidation = true;
    expect(unvalidated.status).toBe(400);
    expect(unvalidated.body).toContain('validation token');
    await list().subscriptions.getById(added.id).delete();
    expect(await list().subscriptions()).toEqual([]);
  });

  it('updates the web\'s title and refuses unknown properties; answers en-GB and London time', async () => {
    await sp().web.update({ Title: 'Council plans' });
    expect((await sp().web.select('Title')()).Title).toBe('Council plans');
    expect((await failure(sp().web.update({ NoSuchProperty: 1 } as never))).status).toBe(400);
    const settings = await sp().web.regionalSettings.select('LocaleId', 'DateSeparator', 'Time24')();
    expect(settings).toMatchObject({ LocaleId: 2057, DateSeparator: '/', Time24: true });
    expect((await sp().web.regionalSettings.timeZone()).Description).toContain('London');
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST), the day <Today/> means there.
    expect(siteDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(siteDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
