import { spErrors } from '../sp-error';
import { RECYCLED_TYPE, type RecycledEntry } from '../store/recycle-bin';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { stringArg, type PathSegment } from './api-path';
import { EntityValue } from './odata-json';
import { collection, entity, requireMethod, voidResult } from './respond';

function binEntity(ctx: ApiContext, entry: RecycledEntry): EntityValue {
  const path = `Web/RecycleBin('${entry.id}')`;
  const user = ctx.store.users.byId(entry.deletedBy);
  return new EntityValue(
    { type: 'SP.RecycleBinItem', id: `${ctx.site.siteUrl}/_api/${path}`, uri: `${ctx.site.siteUrl}/_api/${path}`, editLink: path },
    {
      DeletedByEmail: user?.email ?? '',
      DeletedByName: user?.title ?? '',
      DeletedDate: entry.deleted,
      DirName: entry.dirName,
      Id: entry.id,
      ItemState: 1,
      ItemType: entry.itemType,
      LeafName: entry.itemType === RECYCLED_TYPE.ListItem ? `${entry.itemId}_.000` : entry.title,
      Title: entry.title,
    },
  );
}

/** `web/recyclebin`, `recyclebin('id')`, `…/restore`, `…/deleteObject`: the site's recycle bin. */
export function recycleBinRoutes(ctx: ApiContext, req: ApiRequest, segment: PathSegment, rest: PathSegment[]): ApiResult {
  const bin = ctx.store.recycleBin;
  let entry: RecycledEntry | undefined;
  let tail = rest;
  if (segment.args !== null || rest[0]?.name === 'getbyid') {
    const id = segment.args !== null ? (stringArg(segment.args) ?? segment.args) : (stringArg(rest[0].args) ?? '');
    if (segment.args === null) tail = rest.slice(1);
    entry = bin.byId(id);
    if (!entry) throw spErrors.badRequest(`The recycle bin has no item with id '${id}'. It may have been restored or deleted already.`);
  }
  if (!entry) {
    if (tail.length > 0) {
      const action = tail[0].name;
      if (action === 'deleteall' || action === 'restoreall') {
        requireMethod(req, ['POST'], tail[0].raw);
        for (const e of bin.all()) {
          if (action === 'deleteall') bin.purge(e);
          else bin.restore(e);
        }
        return voidResult(req, tail[0].raw);
      }
      throw spErrors.resourceNotFound(tail[0].raw);
    }
    requireMethod(req, ['GET'], 'RecycleBin');
    return collection(ctx, req, 'SP.ApiData.RecycleBinItems', bin.all().map((e) => binEntity(ctx, e)));
  }
  if (tail.length === 0) {
    requireMethod(req, ['GET'], 'RecycleBinItem');
    return entity(ctx, req, 'SP.ApiData.RecycleBinItems', binEntity(ctx, entry));
  }
  const [action, ...more] = tail;
  if (more.length > 0) throw spErrors.resourceNotFound(more[0].raw);
  requireMethod(req, ['POST'], action.raw);
  if (action.name === 'restore') bin.restore(entry);
  else if (action.name === 'deleteobject') bin.purge(entry);
  else throw spErrors.resourceNotFound(action.raw);
  return ok(voidResult(req, action.raw).body);
}
