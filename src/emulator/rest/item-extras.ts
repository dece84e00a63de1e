import { spErrors } from '../sp-error';
import { computedListFields } from '../store/builtin-fields';
import type { FieldRecord, ListRecord } from '../store/list-catalog';
import type { ItemRow } from '../store/list-items';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { numberArg, type PathSegment } from './api-path';
import { itemValue, listRootOf, type SiteInfo } from './entities';
import { fieldText, textPropertyName, ukDateText, type TextContext } from './item-text-values';
import { EntityValue, renderCollection, renderEntity, renderPrimitive } from './odata-json';
import { requireMethod } from './respond';
import { validateUpdate } from './validate-update';
import { itemAreaRoutes } from './list-areas';

/**
 * What hangs off one item: `versions`, `versions(512)`, `FieldValuesAsText`,
 * `FieldValuesAsHtml`, `FieldValuesForEdit`, `recycle()` and `validateUpdateListItem()`.
 */
export function itemSubRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, id: number, tail: PathSegment[]): ApiResult {
  const [action, ...more] = tail;
  const row = ctx.store.items.get(list, id);
  if (!row) throw spErrors.itemNotFound();
  switch (action.name) {
    case 'versions':
      requireMethod(req, ['GET'], 'Versions');
      return versions(ctx, req, list, row, action, more);
    case 'fieldvaluesastext':
    case 'fieldvaluesashtml':
    case 'fieldvaluesforedit':
      requireMethod(req, ['GET'], action.raw);
      if (more.length > 0) throw spErrors.resourceNotFound(more[0].raw);
      return fieldValues(ctx, req, list, row, action.name);
    case 'recycle': {
      requireMethod(req, ['POST'], 'Recycle');
      const binId = ctx.store.recycleBin.recycleItem(list, id, req.headers.get('if-match'), ctx.currentUser.id, listRootOf(ctx.site, list).slice(1));
      ctx.store.catalog.touch(list);
      return ok(renderPrimitive(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#Edm.Guid`, 'Recycle', binId));
    }
    case 'validateupdatelistitem':
      requireMethod(req, ['POST'], 'ValidateUpdateListItem');
      return validateUpdate(ctx, req, list, id);
  }
  const own = itemAreaRoutes(ctx, req, list, id, tail);
  if (own) return own;
  throw spErrors.resourceNotFound(action.raw);
}

function textContext(ctx: ApiContext): TextContext {
  return {
    userById: (uid) => ctx.store.users.byId(uid),
    lookupTitle: (field, lookupId) => {
      const target = typeof field.props.LookupListId === 'string' ? ctx.store.catalog.byId(field.props.LookupListId.replace(/^\{|\}$/g, '')) : undefined;
      const item = target ? ctx.store.items.get(target, lookupId) : undefined;
      const shown = typeof field.props.LookupFieldName === 'string' ? field.props.LookupFieldName : 'Title';
      return item ? String(item[shown] ?? '') : undefined;
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** FieldValuesAsText / AsHtml / ForEdit: every field of the item as the text SharePoint shows or edits. */
function fieldValues(ctx: ApiContext, req: ApiRequest, list: ListRecord, row: ItemRow, which: string): ApiResult {
  const stored = ctx.store.catalog.fields(list);
  const fields: FieldRecord[] = [...stored, ...computedListFields(list.seq, stored.length)];
  const text = textContext(ctx);
  const props: Record<string, unknown> = {};
  for (const field of fields) {
    let value: string;
    if (field.internalName === '_UIVersionString') value = `${row._Version}.0`;
    else if (field.internalName === 'GUID') value = row.GUID;
    else if (field.internalName === 'Attachments') value = 'No';
    else if (field.internalName === 'ContentType') value = 'Item';
    else if (which === 'fieldvaluesforedit' && field.kind === 'datetime' && row[field.internalName]) value = ukDateText(String(row[field.internalName]), true);
    else value = fieldText(field, row, text);
    props[textPropertyName(field.internalName)] = which === 'fieldvaluesashtml' ? escapeHtml(value) : value;
  }
  const type = 'SP.FieldStringValues';
  const path = `Web/Lists(guid'${list.id}')/Items(${row.ID})/${which === 'fieldvaluesastext' ? 'FieldValuesAsText' : which === 'fieldvaluesashtml' ? 'FieldValuesAsHtml' : 'FieldValuesForEdit'}`;
  const entity = new EntityValue({ type, id: `${ctx.site.siteUrl}/_api/${path}`, uri: `${ctx.site.siteUrl}/_api/${path}`, editLink: path }, props);
  return ok(renderEntity(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#SP.FieldStringValues/@Element`, entity));
}

/** SharePoint numbers versions by VersionId = major × 512 (1.0 is 512). */
const VERSION_STEP = 512;

function versionEntity(site: SiteInfo, list: ListRecord, fields: FieldRecord[], row: ItemRow, version: number, current: number): EntityValue {
  const path = `Web/Lists(guid'${list.id}')/Items(${row.ID})/Versions(${version * VERSION_STEP})`;
  const props: Record<string, unknown> = {
    Created: row.Modified,
    IsCurrentVersion: version === current,
    VersionId: version * VERSION_STEP,
    VersionLabel: `${version}.0`,
  };
  for (const field of fields) {
    if (field.kind === 'user' || field.kind === 'lookup') props[`${field.internalName}Id`] = row[field.internalName] ?? null;
    else props[field.internalName] = itemValue(field, row);
  }
  props.OData__UIVersionString = `${version}.0`;
  return new EntityValue({ type: 'SP.ListItemVersion', id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path }, props);
}

/** `versions` (newest first, as SharePoint lists them), `versions(512)` or `versions/getById(512)`. */
function versions(ctx: ApiContext, req: ApiRequest, list: ListRecord, row: ItemRow, segment: PathSegment, more: PathSegment[]): ApiResult {
  const fields = ctx.store.catalog.fields(list);
  const history = ctx.store.items.versions;
  let versionId: number | null = null;
  let tail = more;
  if (segment.args !== null) versionId = numberArg(segment.args);
  else if (more[0]?.name === 'getbyid' || more[0]?.name === 'getbylabel') {
    versionId = more[0].name === 'getbyid' ? numberArg(more[0].args) : Math.round(Number((more[0].args ?? '').replace(/'/g, '')) * VERSION_STEP);
    tail = more.slice(1);
  }
  if (tail.length > 0) throw spErrors.resourceNotFound(tail[0].raw);
  if (versionId === null) {
    if (segment.args !== null || more.length > 0) throw spErrors.badQuery(`The version id '${segment.args ?? more[0].args ?? ''}' is not valid: use the VersionId, as in versions(512).`);
    const all = history.all(list.seq, row.ID);
    const entities = all.map((v) => versionEntity(ctx.site, list, fields, v.row, v.version, row._Version));
    return ok(renderCollection(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#SP.ListItemVersions`, entities));
  }
  const found = versionId % VERSION_STEP === 0 ? history.get(list.seq, row.ID, versionId / VERSION_STEP) : undefined;
  if (!found) throw spErrors.badRequest(`Version ${versionId} of this item does not exist. Read the item's versions for the VersionIds it has.`);
  return ok(renderEntity(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#SP.ListItemVersions/@Element`, versionEntity(ctx.site, list, fields, found.row, found.version, row._Version)));
}

