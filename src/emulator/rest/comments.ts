import type Database from 'better-sqlite3';
import { SpError, spErrors } from '../sp-error';
import type { ListRecord } from '../store/list-catalog';
import type { SiteUser } from '../store/site-users';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { numberArg, type PathSegment } from './api-path';
import { EntityValue } from './odata-json';
import { collection, entity, requireMethod, voidResult } from './respond';

type CommentRow = { id: number; list_id: string; item_id: number; parent_id: number; text: string; author_id: number; created: string; likes: string };

/** SharePoint's limit on a comment's text. */
const MAX_TEXT = 2000;

function ensureTable(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS item_comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT, list_id TEXT NOT NULL COLLATE NOCASE, item_id INTEGER NOT NULL, parent_id INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL, author_id INTEGER NOT NULL, created TEXT NOT NULL, likes TEXT NOT NULL DEFAULT '[]'
  )`);
}

function personOf(user: SiteUser | undefined): Record<string, unknown> {
  return { email: user?.email ?? '', id: user?.id ?? 0, jobTitle: null, loginName: user?.loginName ?? '', name: user?.title ?? '', principalType: 1 };
}

function commentEntity(ctx: ApiContext, list: ListRecord, row: CommentRow): EntityValue {
  const likes = JSON.parse(row.likes) as number[];
  const replies = (ctx.store.db.prepare('SELECT COUNT(*) AS n FROM item_comments WHERE parent_id = ?').get(row.id) as { n: number }).n;
  const path = `Web/Lists(guid'${list.id}')/Items(${row.item_id})/Comments(${row.id})`;
  return new EntityValue(
    { type: 'Microsoft.SharePoint.Comments.comment', id: `${ctx.site.siteUrl}/_api/${path}`, uri: `${ctx.site.siteUrl}/_api/${path}`, editLink: path },
    {
      author: personOf(ctx.store.users.byId(row.author_id)),
      createdDate: row.created,
      id: String(row.id),
      isLikedByUser: likes.includes(ctx.currentUser.id),
      isReply: row.parent_id !== 0,
      itemId: row.item_id,
      likeCount: likes.length,
      listId: list.id,
      mentions: null,
      parentId: String(row.parent_id),
      replyCount: replies,
      text: row.text,
    },
  );
}

function addComment(ctx: ApiContext, req: ApiRequest, list: ListRecord, itemId: number, parentId: number): ApiResult {
  const text = req.body?.text;
  if (typeof text !== 'string' || !text.trim()) throw spErrors.badRequest('A comment needs its text: { "text": "…" }.');
  if (text.length > MAX_TEXT) throw spErrors.badRequest(`A comment can be at most ${MAX_TEXT} characters long.`);
  const result = ctx.store.db
    .prepare('INSERT INTO item_comments (list_id, item_id, parent_id, text, author_id, created) VALUES (?, ?, ?, ?, ?, ?)')
    .run(list.id, itemId, parentId, text, ctx.currentUser.id, new Date().toISOString());
  const row = ctx.store.db.prepare('SELECT * FROM item_comments WHERE id = ?').get(Number(result.lastInsertRowid)) as CommentRow;
  return { ...entity(ctx, req, 'Microsoft.SharePoint.Comments.comment', commentEntity(ctx, list, row)), status: 201 };
}

/** `items(n)/comments…`: list, add, (id) GET/DELETE, like, unlike, replies, DeleteAll. */
export function commentRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, itemId: number, segment: PathSegment, more: PathSegment[]): ApiResult {
  const db = ctx.store.db;
  ensureTable(db);
  const [next, after] = more;
  if (segment.args === null) {
    if (next?.name === 'deleteall') {
      requireMethod(req, ['POST'], 'DeleteAll');
      db.prepare('DELETE FROM item_comments WHERE list_id = ? AND item_id = ?').run(list.id, itemId);
      return voidResult(req, 'DeleteAll');
    }
    if (next) throw spErrors.resourceNotFound(next.raw);
    if (req.method === 'POST') return addComment(ctx, req, list, itemId, 0);
    requireMethod(req, ['GET'], 'Comments');
    const rows = db.prepare('SELECT * FROM item_comments WHERE list_id = ? AND item_id = ? AND parent_id = 0 ORDER BY id DESC').all(list.id, itemId) as CommentRow[];
    return collection(ctx, req, 'Microsoft.SharePoint.Comments.comment', rows.map((r) => commentEntity(ctx, list, r)));
  }
  const row = db.prepare('SELECT * FROM item_comments WHERE id = ? AND list_id = ? AND item_id = ?').get(numberArg(segment.args) ?? -1, list.id, itemId) as CommentRow | undefined;
  if (!row) throw new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'The comment does not exist. It may have been deleted by another user.');
  if (!next) {
    if (req.method === 'DELETE') {
      if (row.author_id !== ctx.currentUser.id && !ctx.currentUser.isSiteAdmin) throw new SpError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');
      db.prepare('DELETE FROM item_comments WHERE id = ? OR parent_id = ?').run(row.id, row.id);
      return { status: 200, body: null };
    }
    requireMethod(req, ['GET'], 'Comment');
    return entity(ctx, req, 'Microsoft.SharePoint.Comments.comment', commentEntity(ctx, list, row));
  }
  switch (next.name) {
    case 'like':
    case 'unlike': {
      requireMethod(req, ['POST'], next.raw);
      const likes = new Set(JSON.parse(row.likes) as number[]);
      if (next.name === 'like') likes.add(ctx.currentUser.id);
      else likes.delete(ctx.currentUser.id);
      db.prepare('UPDATE item_comments SET likes = ? WHERE id = ?').run(JSON.stringify([...likes]), row.id);
      return voidResult(req, next.name === 'like' ? 'Like' : 'Unlike');
    }
    case 'likedby': {
      requireMethod(req, ['GET'], 'LikedBy');
      const people = (JSON.parse(row.likes) as number[]).map((id) => personOf(ctx.store.users.byId(id)));
      return ok(req.flavour === 'verbose' ? { d: { results: people } } : { value: people });
    }
    case 'replies':
      if (after) throw spErrors.resourceNotFound(after.raw);
      if (req.method === 'POST') return addComment(ctx, req, list, itemId, row.id);
      requireMethod(req, ['GET'], 'Replies');
      return collection(ctx, req, 'Microsoft.SharePoint.Comments.comment', (db.prepare('SELECT * FROM item_comments WHERE parent_id = ? ORDER BY id').all(row.id) as CommentRow[]).map((r) => commentEntity(ctx, list, r)));
  }
  throw spErrors.resourceNotFound(next.raw);
}
