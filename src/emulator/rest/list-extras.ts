import { createHash } from 'node:crypto';
import { parseCaml, QuerySyntaxError } from '../query';
import { spErrors } from '../sp-error';
import { CHANGE_TYPE } from '../store/change-log';
import { tableOf, type ListRecord } from '../store/list-catalog';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { namedArgs, stringArg, type PathSegment } from './api-path';
import { getChanges } from './changes';
import { listRootOf } from './entities';
import { fieldText } from './item-text-values';
import { EntityValue, renderCollection, renderEntity, renderPrimitive } from './odata-json';
import { renderListData, renderListDataAsStream } from './render-list-data';
import { requireMethod } from './respond';

/** SP.List properties a MERGE may set; anything else SharePoint refuses as unknown. */
const LIST_PROPERTIES = new Set([
  'Title', 'Description', 'ContentTypesEnabled', 'AllowContentTypes', 'EnableVersioning', 'EnableMinorVersions', 'MajorVersionLimit',
  'MajorWithMinorVersionsLimit', 'EnableAttachments', 'EnableFolderCreation', 'EnableModeration', 'ForceCheckout', 'Hidden',
  'OnQuickLaunch', 'NoCrawl', 'Direction', 'DraftVersionVisibility', 'ReadSecurity', 'WriteSecurity', 'ValidationFormula',
  'ValidationMessage', 'ImageUrl', 'IrmEnabled', 'IrmExpire', 'IrmReject', 'IsApplicationList', 'MultipleDataList',
  'DefaultContentApprovalWorkflowId', 'DocumentTemplateUrl', 'ExcludeFromOfflineClient', 'DisableGridEditing', 'BaseTemplate',
]);

/**
 * Records a change to the list itself in the change log `getChanges({ List: true })` reads,
 * at the list's own Created/Modified time (the server clock); a deleted list has none left.
 */
export function recordListChange(ctx: ApiContext, list: ListRecord, type: keyof typeof CHANGE_TYPE): void {
  const stored = ctx.store.catalog.byId(list.id);
  const time = type === 'Add' ? list.created : (stored?.modified ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));
  ctx.store.items.changes.record(list, 0, CHANGE_TYPE[type], time);
}

/** SharePoint's longest list title. */
export const MAX_LIST_TITLE = 255;

/** Refuses a list body SharePoint refuses: an unknown property, a title over 255 characters. */
export function checkListBody(body: Record<string, unknown>): void {
  for (const key of Object.keys(body)) {
    if (key === '__metadata' || key.startsWith('odata.') || key.startsWith('@odata')) continue;
    if (!LIST_PROPERTIES.has(key)) throw spErrors.unknownBodyProperty(key, 'SP.List');
  }
  if (typeof body.Title === 'string' && body.Title.length > MAX_LIST_TITLE) throw spErrors.listTitleTooLong(body.Title.length);
}

/**
 * The list operations beyond items, fields and views: `recycle`, `reserveListItemId`,
 * `forms`, `getRelatedFields`, `getChanges`, `RenderListDataAsStream`, `renderListData`,
 * `renderListFormData`, `getListItemChangesSinceToken`. Anything else is SharePoint's 404.
 */
export function listExtraRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, rest: PathSegment[]): ApiResult {
  const [first, ...more] = rest;
  const only = () => {
    if (more.length > 0) throw spErrors.resourceNotFound(more[0].raw);
  };
  switch (first.name) {
    case 'recycle': {
      only();
      requireMethod(req, ['POST'], 'Recycle');
      const id = ctx.store.recycleBin.recycleList(list, ctx.currentUser.id, listRootOf(ctx.site, list).slice(1));
      return ok(renderPrimitive(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#Edm.Guid`, 'Recycle', id));
    }
    case 'reservelistitemid':
      only();
      requireMethod(req, ['POST'], 'ReserveListItemId');
      return ok(renderPrimitive(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#Edm.Int32`, 'ReserveListItemId', reserveItemId(ctx, list)));
    case 'forms':
      requireMethod(req, ['GET'], 'Forms');
      return forms(ctx, req, list, first, more);
    case 'getrelatedfields':
      only();
      requireMethod(req, ['GET'], 'GetRelatedFields');
      return relatedFields(ctx, req, list);
    case 'getchanges':
      only();
      return getChanges(ctx, req, list);
    case 'renderlistdataasstream':
      only();
      return renderListDataAsStream(ctx, req, list);
    case 'renderlistdata':
      only();
      return renderListData(ctx, req, list, stringArg(first.args) ?? '');
    case 'renderlistformdata':
      only();
      requireMethod(req, ['POST'], 'RenderListFormData');
      return renderListFormData(ctx, req, list, namedArgs(first.args));
    case 'getlistitemchangessincetoken':
      only();
      requireMethod(req, ['POST'], 'GetListItemChangesSinceToken');
      return changesSinceToken(ctx, req, list);
  }
  // rootfolder/x, itemcount/x: the list has the first segment, not what follows it.
  throw spErrors.resourceNotFound(['rootfolder', 'itemcount'].includes(first.name) && more[0] ? more[0].raw : first.raw);
}

/** Takes the next item id for the caller (it is never given to another item), as SharePoint does. */
function reserveItemId(ctx: ApiContext, list: ListRecord): number {
  const db = ctx.store.db;
  return db.transaction(() => {
    const table = tableOf(list);
    const row = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table) as { seq: number } | undefined;
    const next = (row?.seq ?? 0) + 1;
    if (row) db.prepare('UPDATE sqlite_sequence SET seq = ? WHERE name = ?').run(next, table);
    else db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(table, next);
    return next;
  })();
}

/** A stable id for one of a list's forms (SharePoint's are fixed per list too). */
function formId(list: ListRecord, formType: number): string {
  const hex = createHash('sha1').update(`${list.id}:${formType}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `forms` and `forms('id')`: the list's display, edit and new forms (SP.Form). */
function forms(ctx: ApiContext, req: ApiRequest, list: ListRecord, segment: PathSegment, more: PathSegment[]): ApiResult {
  const root = listRootOf(ctx.site, list);
  const all = [
    { type: 4, page: 'DispForm' },
    { type: 6, page: 'EditForm' },
    { type: 8, page: 'NewForm' },
  ].map((f) => {
    const id = formId(list, f.type);
    const path = `Web/Lists(guid'${list.id}')/Forms('${id}')`;
    return new EntityValue({ type: 'SP.Form', id: `${ctx.site.siteUrl}/_api/${path}`, uri: `${ctx.site.siteUrl}/_api/${path}`, editLink: path }, { FormType: f.type, Id: id, ServerRelativeUrl: `${root}/${f.page}.aspx`, DecodedUrl: `${root}/${f.page}.aspx` });
  });
  let wanted: string | null = null;
  if (segment.args !== null) wanted = stringArg(segment.args) ?? segment.args;
  else if (more[0]?.name === 'getbyid') wanted = stringArg(more[0].args) ?? '';
  else if (more.length > 0) throw spErrors.resourceNotFound(more[0].raw);
  if (wanted === null) return ok(renderCollection(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#SP.ApiData.Forms`, all));
  const form = all.find((f) => String(f.props.Id).toLowerCase() === wanted!.replace(/^\{|\}$/g, '').toLowerCase());
  if (!form) throw spErrors.badRequest('Invalid form id. Read the list\'s forms for the ids it has.');
  return ok(renderEntity(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#SP.ApiData.Forms/@Element`, form));
}

/** `getRelatedFields`: the lookup fields of other lists that point at this list. */
function relatedFields(ctx: ApiContext, req: ApiRequest, list: ListRecord): ApiResult {
  const related: EntityValue[] = [];
  for (const other of ctx.store.catalog.all()) {
    for (const field of ctx.store.catalog.fields(other)) {
      const target = typeof field.props.LookupListId === 'string' ? field.props.LookupListId.replace(/^\{|\}$/g, '').toLowerCase() : '';
      if (field.kind !== 'lookup' || target !== list.id.toLowerCase()) continue;
      related.push(new EntityValue({ type: 'SP.RelatedField', id: '', uri: '', editLink: '' }, { FieldId: field.id, ListId: other.id, RelationshipDeleteBehavior: 0, WebId: ctx.site.webId }));
    }
  }
  return ok(renderCollection(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#SP.RelatedFieldCollection`, related));
}

/** `renderListFormData(itemid, formid, mode)`: the item's values and the list's fields, as the JSON string SharePoint returns. */
function renderListFormData(ctx: ApiContext, req: ApiRequest, list: ListRecord, args: Record<string, string>): ApiResult {
  const itemId = Number(args.itemid);
  const mode = Number(args.mode ?? '1');
  if (!Number.isInteger(itemId) || ![1, 2, 3].includes(mode)) throw spErrors.badQuery('renderListFormData needs itemid=<n>, formid=\'editform\' and mode 1 (display), 2 (edit) or 3 (new).');
  const fields = ctx.store.catalog.fields(list);
  const row = mode === 3 ? undefined : ctx.store.items.get(list, itemId);
  if (mode !== 3 && !row) throw spErrors.itemNotFound();
  const text = { userById: (id: number) => ctx.store.users.byId(id), lookupTitle: () => undefined };
  const listData: Record<string, unknown> = { ItemId: itemId };
  if (row) for (const field of fields) listData[field.internalName] = fieldText(field, row, text);
  const data = {
    ListData: listData,
    ListSchema: Object.fromEntries(fields.map((f) => [f.internalName, { Id: f.id, Title: f.title, InternalName: f.internalName, Required: f.props.Required === true, ReadOnlyField: f.builtIn && f.internalName !== 'Title' }])),
    FormControlMode: mode,
  };
  return ok(renderPrimitive(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#Edm.String`, 'RenderListFormData', JSON.stringify(data)));
}

function xmlAttr(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** `getListItemChangesSinceToken({ Query, Contains, … })`: the matching items as the XML SharePoint's list web service writes. */
function changesSinceToken(ctx: ApiContext, req: ApiRequest, list: ListRecord): ApiResult {
  const query = (req.body?.query ?? {}) as Record<string, unknown>;
  const inner = [query.Query, query.Contains].filter((q): q is string => typeof q === 'string' && q.trim() !== '');
  if (inner.some((q) => /<!DOCTYPE|<!ENTITY/i.test(q))) throw spErrors.badRequest('The query may not hold a DTD or entity declarations.');
  let caml;
  try {
    const where = inner.map((q) => q.replace(/^\s*<Query>|<\/Query>\s*$/g, '').replace(/^\s*<Where>|<\/Where>\s*$/g, ''));
    caml = parseCaml(`<View><Query>${where.length > 0 ? `<Where>${where.length > 1 ? `<And>${where.join('')}</And>` : where[0]}</Where>` : ''}</Query></View>`);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw spErrors.badQuery(`The CAML query is not valid: ${error.message}.`);
    throw error;
  }
  const page = ctx.store.items.query(list, { where: caml.where, orderBy: [], top: Math.min(Number(query.RowLimit ?? 100) || 100, 5000), skipToken: null, currentUserId: ctx.currentUser.id, today: ctx.today, threshold: ctx.threshold });
  const fields = ctx.store.catalog.fields(list);
  const text = { userById: (id: number) => ctx.store.users.byId(id), lookupTitle: () => undefined };
  const rows = page.rows.map((row) => `<z:row ${fields.map((f) => `ows_${f.internalName}="${xmlAttr(fieldText(f, row, text))}"`).join(' ')} />`).join('');
  const token = `1;3;${list.id};${Date.now()};${ctx.store.items.changes.latest()}`;
  const xml = `<listitems xmlns:s="uuid:BDC6E3F0-6DA3-11d1-A2A3-00AA00C14882" xmlns:dt="uuid:C2F41010-65B3-11d1-A29F-00AA00C14882" xmlns:rs="urn:schemas-microsoft-com:rowset" xmlns:z="#RowsetSchema"><Changes LastChangeToken="${token}"></Changes><rs:data ItemCount="${page.rows.length}">${rows}</rs:data></listitems>`;
  return ok(renderPrimitive(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#Edm.String`, 'GetListItemChangesSinceToken', xml));
}
