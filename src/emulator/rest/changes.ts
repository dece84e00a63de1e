import { spErrors } from '../sp-error';
import type { ChangeRecord } from '../store/change-log';
import type { ListRecord } from '../store/list-catalog';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { EntityValue, renderCollection } from './odata-json';
import { requireMethod } from './respond';

const CHANGE_FLAGS: Record<string, number> = { Add: 1, Update: 2, DeleteObject: 3, Restore: 7 };
/** The most changes one `getchanges` call returns, as SharePoint pages its change log. */
const MAX_CHANGES = 1000;

/** `1;3;<list id>;<ticks>;<position>` (list scope) or `1;2;<web id>;…` (web): SharePoint's change token shape. */
function tokenOf(scope: 2 | 3, scopeId: string, change: { seq: number; time: string }): string {
  const ticks = BigInt(Date.parse(change.time)) * 10000n + 621355968000000000n;
  return `1;${scope};${scopeId};${ticks};${change.seq}`;
}

/** The log position a token names; 400 for a token that is not one. */
function positionOf(token: unknown): number {
  const text = typeof token === 'object' && token !== null ? (token as { StringValue?: unknown }).StringValue : token;
  if (text === undefined || text === null || text === '') return 0;
  const parts = String(text).split(';');
  const seq = Number(parts[parts.length - 1]);
  if (parts.length < 5 || !Number.isInteger(seq) || seq < 0) throw spErrors.badQuery(`The change token '${String(text)}' is not valid. Use a ChangeToken.StringValue an earlier getChanges returned.`);
  return seq;
}

/**
 * POST `…/getchanges` on a list (`list` set) or on the web, with SharePoint's ChangeQuery:
 * object flags (Item, List) choose what, change flags (Add, Update, DeleteObject, Restore)
 * choose which changes, ChangeTokenStart/End bound them. SharePoint returns nothing for a
 * query that names no object type, and so does this.
 */
export function getChanges(ctx: ApiContext, req: ApiRequest, list: ListRecord | null): ApiResult {
  requireMethod(req, ['POST'], 'GetChanges');
  const query = (req.body?.query ?? null) as Record<string, unknown> | null;
  if (!query || typeof query !== 'object') throw spErrors.badRequest('getChanges needs a body { query: { Item: true, Add: true, … } }.');
  const start = positionOf(query.ChangeTokenStart);
  const end = query.ChangeTokenEnd ? positionOf(query.ChangeTokenEnd) : Infinity;
  const types = Object.entries(CHANGE_FLAGS).filter(([flag]) => query[flag] === true).map(([, type]) => type);
  const wantItems = query.Item === true;
  const wantLists = query.List === true;
  const limit = Math.min(typeof query.RowLimit === 'number' && query.RowLimit > 0 ? query.RowLimit : MAX_CHANGES, MAX_CHANGES);
  const changes = ctx.store.items.changes
    .since(list ? list.seq : null, start, MAX_CHANGES * 10)
    .filter((c) => c.seq <= end && types.includes(c.changeType) && (c.itemId === 0 ? wantLists : wantItems))
    .slice(0, limit);
  const scopeId = list ? list.id : ctx.site.webId;
  const entities = changes.map((c) => changeEntity(ctx, c, tokenOf(list ? 3 : 2, scopeId, c)));
  return ok(renderCollection(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#Collection(SP.Change)`, entities));
}

function changeEntity(ctx: ApiContext, change: ChangeRecord, token: string): EntityValue {
  const isItem = change.itemId !== 0;
  const props: Record<string, unknown> = {
    ChangeToken: { StringValue: token },
    ChangeType: change.changeType,
    SiteId: ctx.site.siteId,
    Time: change.time,
    ListId: change.listId,
    WebId: ctx.site.webId,
  };
  if (isItem) props.ItemId = change.itemId;
  const type = isItem ? 'SP.ChangeItem' : 'SP.ChangeList';
  return new EntityValue({ type, id: '', uri: '', editLink: '' }, props);
}

/** The current change token of a list or the web (what `CurrentChangeToken` reports). */
export function currentChangeToken(ctx: ApiContext, list: ListRecord | null): string {
  const seq = ctx.store.items.changes.latest();
  return tokenOf(list ? 3 : 2, list ? list.id : ctx.site.webId, { seq, time: new Date().toISOString() });
}
