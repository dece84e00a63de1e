import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SpError, spErrors } from '../sp-error';
import type { ListRecord } from '../store/list-catalog';
import type { ApiContext, ApiRequest, ApiResult } from './api-context';
import { stringArg, type PathSegment } from './api-path';
import { EntityValue } from './odata-json';
import { collection, entity } from './respond';

/** SharePoint Online keeps a list webhook for at most 180 days. */
const MAX_DAYS = 180;
/** How long SharePoint waits for the validation answer. */
const VALIDATION_TIMEOUT_MS = 5000;

type SubscriptionRow = { id: string; list_id: string; notification_url: string; expiration: string; client_state: string | null };

function ensureTable(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS list_subscriptions (
    id TEXT PRIMARY KEY, list_id TEXT NOT NULL COLLATE NOCASE, notification_url TEXT NOT NULL, expiration TEXT NOT NULL, client_state TEXT
  )`);
}

function invalid(message: string): SpError {
  return new SpError(400, '-1, System.ArgumentException', message);
}

function checkExpiry(text: unknown, now: Date): string {
  const at = typeof text === 'string' ? new Date(text) : new Date(NaN);
  if (Number.isNaN(at.getTime())) throw invalid('The expirationDateTime is not a valid date and time.');
  if (at.getTime() <= now.getTime() || at.getTime() > now.getTime() + MAX_DAYS * 86_400_000 + 60_000) {
    throw invalid(`The expiration date for the subscription must be between the current time and ${MAX_DAYS} days in the future.`);
  }
  return at.toISOString();
}

/**
 * The validation handshake SharePoint makes before it keeps a webhook: a POST to the
 * notification URL with `?validationtoken=…`, which must answer 200 with the token as
 * plain text within 5 seconds. Called before the (synchronous) REST call runs.
 */
export async function validateNotificationUrl(req: ApiRequest): Promise<void> {
  const segments = req.path.map((s) => s.name);
  const at = segments.indexOf('subscriptions');
  if (at < 0 || !['POST', 'PATCH', 'MERGE'].includes(req.method)) return;
  const url = req.body?.notificationUrl;
  if (url === undefined && req.method !== 'POST') return;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) throw invalid('The notificationUrl must be an absolute http(s) URL.');
  const token = randomUUID();
  const target = new URL(url);
  target.searchParams.set('validationtoken', token);
  let answer = '';
  let status = 0;
  try {
    const response = await fetch(target, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS), redirect: 'manual' });
    status = response.status;
    answer = (await response.text()).trim();
  } catch (error) {
    throw invalid(`Failed to validate the notification URL '${url}': ${(error as Error).name === 'TimeoutError' ? 'no answer within 5 seconds' : (error as Error).message}.`);
  }
  if (status !== 200 || answer !== token) throw invalid(`Failed to validate the notification URL '${url}': it must answer 200 with the validation token as plain text.`);
}

function subscriptionEntity(ctx: ApiContext, list: ListRecord, row: SubscriptionRow): EntityValue {
  const path = `Web/Lists(guid'${list.id}')/Subscriptions('${row.id}')`;
  return new EntityValue(
    { type: 'Microsoft.SharePoint.Webhooks.Subscription', id: `${ctx.site.siteUrl}/_api/${path}`, uri: `${ctx.site.siteUrl}/_api/${path}`, editLink: path },
    { clientState: row.client_state, expirationDateTime: row.expiration, id: row.id, notificationUrl: row.notification_url, resource: list.id, resourceData: null },
  );
}

/** `lists(…)/subscriptions…`: list, add (POST), ('id') GET, PATCH (expiry, URL, state), DELETE. */
export function subscriptionRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, segment: PathSegment, more: PathSegment[]): ApiResult {
  const db = ctx.store.db;
  ensureTable(db);
  const now = new Date();
  const id = segment.args !== null ? stringArg(segment.args) : more[0]?.name === 'getbyid' ? stringArg(more[0].args) : null;
  if (id === null) {
    if (more[0]) throw spErrors.resourceNotFound(more[0].raw);
    if (req.method === 'POST') {
      const body = req.body ?? {};
      const row: SubscriptionRow = {
        id: randomUUID(),
        list_id: list.id,
        notification_url: String(body.notificationUrl),
        expiration: checkExpiry(body.expirationDateTime, now),
        client_state: typeof body.clientState === 'string' ? body.clientState : null,
      };
      if (row.client_state !== null && row.client_state.length > 255) throw invalid('The clientState must be 255 characters or fewer.');
      db.prepare('INSERT INTO list_subscriptions (id, list_id, notification_url, expiration, client_state) VALUES (?, ?, ?, ?, ?)').run(row.id, row.list_id, row.notification_url, row.expiration, row.client_state);
      return { ...entity(ctx, req, 'Microsoft.SharePoint.Webhooks.Subscription', subscriptionEntity(ctx, list, row)), status: 201 };
    }
    if (req.method !== 'GET') throw spErrors.methodNotAllowed(req.method, 'Subscriptions');
    const rows = db.prepare('SELECT * FROM list_subscriptions WHERE list_id = ? AND expiration > ? ORDER BY expiration').all(list.id, now.toISOString()) as SubscriptionRow[];
    return collection(ctx, req, 'Microsoft.SharePoint.Webhooks.Subscription', rows.map((r) => subscriptionEntity(ctx, list, r)));
  }
  const row = db.prepare('SELECT * FROM list_subscriptions WHERE id = ? AND list_id = ?').get(id, list.id) as SubscriptionRow | undefined;
  if (!row) throw new SpError(404, '-1, System.IO.FileNotFoundException', 'The subscription was not found.');
  switch (req.method) {
    case 'GET':
      return entity(ctx, req, 'Microsoft.SharePoint.Webhooks.Subscription', subscriptionEntity(ctx, list, row));
    case 'PATCH':
    case 'MERGE': {
      const body = req.body ?? {};
      const expiration = body.expirationDateTime !== undefined ? checkExpiry(body.expirationDateTime, now) : row.expiration;
      const url = typeof body.notificationUrl === 'string' ? body.notificationUrl : row.notification_url;
      const state = typeof body.clientState === 'string' ? body.clientState : row.client_state;
      db.prepare('UPDATE list_subscriptions SET expiration = ?, notification_url = ?, client_state = ? WHERE id = ?').run(expiration, url, state, row.id);
      return { status: 204, body: null };
    }
    case 'DELETE':
      db.prepare('DELETE FROM list_subscriptions WHERE id = ?').run(row.id);
      return { status: 204, body: null };
  }
  throw spErrors.methodNotAllowed(req.method, 'Subscription');
}
