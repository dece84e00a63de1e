import { randomUUID } from 'node:crypto';
import { SpError, spErrors } from '../sp-error';
import { Attachments } from '../store/attachments';
import type { ListRecord } from '../store/list-catalog';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { stringArg, type PathSegment } from './api-path';
import { listRootOf } from './entities';
import { ComplexValue, EntityValue, renderPrimitive } from './odata-json';
import { collection, entity, requireMethod } from './respond';

const stores = new WeakMap<object, Attachments>();

function attachmentsOf(ctx: ApiContext): Attachments {
  let store = stores.get(ctx.store);
  if (!store) {
    store = new Attachments(ctx.store.db, () => new Date());
    stores.set(ctx.store, store);
  }
  return store;
}

/** True for the calls whose body is a file's bytes: `attachmentfiles/add(…)` and PUT on `attachmentfiles('…')/$value`. */
export function isFileUpload(apiPath: string, method: string): boolean {
  const lower = decodeURIComponent(apiPath).toLowerCase();
  if (/\/attachmentfiles\/add\(/.test(lower) && method === 'POST') return true;
  return /\/attachmentfiles\('.*'\)\/\$value$/.test(lower) && method === 'PUT';
}

// SharePoint's refusal for a name it will not store: reserved characters, a path, or dots that climb out.
function checkFileName(name: string): void {
  if (!name.trim() || /["*:<>?/\\|#%]/.test(name) || name.includes('..') || /^[\s.]|[\s.]$/.test(name) || name.length > 128) {
    throw new SpError(400, '-2130575245, Microsoft.SharePoint.SPException', `The file or folder name "${name}" contains characters that are not permitted. Please use a different name.`);
  }
}

function attachmentEntity(ctx: ApiContext, list: ListRecord, itemId: number, fileName: string): EntityValue {
  const url = `${listRootOf(ctx.site, list)}/Attachments/${itemId}/${fileName}`;
  const path = `Web/Lists(guid'${list.id}')/Items(${itemId})/AttachmentFiles('${fileName.replace(/'/g, "''")}')`;
  return new EntityValue(
    { type: 'SP.Attachment', id: `${ctx.site.siteUrl}/_api/${path}`, uri: `${ctx.site.siteUrl}/_api/${path}`, editLink: path },
    {
      FileName: fileName,
      FileNameAsPath: new ComplexValue('SP.ResourcePath', { DecodedUrl: fileName }),
      ServerRelativePath: new ComplexValue('SP.ResourcePath', { DecodedUrl: url }),
      ServerRelativeUrl: url,
    },
  );
}

function notFound(): SpError {
  return new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
}

/** `items(n)/attachmentfiles…`: list, add(FileName='…'), ('name'), $value (GET, PUT), DELETE, recycleObject. */
export function attachmentRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, itemId: number, segment: PathSegment, more: PathSegment[]): ApiResult {
  const store = attachmentsOf(ctx);
  const [next, after] = more;
  if (segment.args === null && next?.name === 'add') {
    requireMethod(req, ['POST'], 'AttachmentFiles/Add');
    const name = stringArg(next.args) ?? '';
    checkFileName(name);
    if (!store.add(list.id, itemId, name, req.raw ?? new Uint8Array())) {
      throw new SpError(500, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name ${listRootOf(ctx.site, list).slice(1)}/Attachments/${itemId}/${name} already exists.`);
    }
    ctx.store.catalog.touch(list);
    return { ...entity(ctx, req, 'SP.Attachment', attachmentEntity(ctx, list, itemId, name)), status: 200 };
  }
  if (segment.args === null && !next) {
    requireMethod(req, ['GET'], 'AttachmentFiles');
    return collection(ctx, req, 'SP.Attachment', store.list(list.id, itemId).map((a) => attachmentEntity(ctx, list, itemId, a.fileName)));
  }
  const name = segment.args !== null ? stringArg(segment.args) : next?.name === 'getbyfilename' ? stringArg(next.args) : null;
  if (name === null) throw spErrors.resourceNotFound((next ?? segment).raw);
  const tail = segment.args !== null ? next : after;
  const found = store.get(list.id, itemId, name);
  if (!found) throw notFound();
  if (tail?.name === '$value') {
    if (req.method === 'GET') return { status: 200, body: null, raw: found.content, headers: { 'Content-Type': 'application/octet-stream' } };
    requireMethod(req, ['PUT'], '$value');
    store.setContent(list.id, itemId, found.info.fileName, req.raw ?? new Uint8Array());
    return { status: 204, body: null };
  }
  if (tail?.name === 'recycleobject' || (!tail && req.method === 'DELETE')) {
    if (tail) requireMethod(req, ['POST', 'DELETE'], 'RecycleObject');
    store.remove(list.id, itemId, found.info.fileName);
    ctx.store.catalog.touch(list);
    return tail ? ok(renderPrimitive(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#Edm.Guid`, 'RecycleObject', randomUUID())) : { status: 200, body: null };
  }
  if (tail) throw spErrors.resourceNotFound(tail.raw);
  requireMethod(req, ['GET'], 'Attachment');
  return entity(ctx, req, 'SP.Attachment', attachmentEntity(ctx, list, itemId, found.info.fileName));
}
