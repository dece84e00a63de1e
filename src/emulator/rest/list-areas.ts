import type { ListRecord } from '../store/list-catalog';
import type { ApiContext, ApiRequest, ApiResult } from './api-context';
import type { PathSegment } from './api-path';
import { attachmentRoutes } from './attachments';
import { commentRoutes } from './comments';
import { securableRoutes } from './security';
import { subscriptionRoutes } from './subscriptions';

/** A list's permission routes (roleassignments, breakroleinheritance, …); undefined for other segments. */
export function listAreaRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, rest: PathSegment[]): ApiResult | undefined {
  const [first, ...more] = rest;
  if (!first) return undefined;
  if (first.name === 'subscriptions') return subscriptionRoutes(ctx, req, list, first, more);
  return securableRoutes(ctx, req, { kind: 'list', listId: list.id }, first, more);
}

/** An item's permission routes; undefined for other segments. */
export function itemAreaRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, id: number, tail: PathSegment[]): ApiResult | undefined {
  const [first, ...more] = tail;
  if (!first) return undefined;
  if (first.name === 'attachmentfiles') return attachmentRoutes(ctx, req, list, id, first, more);
  if (first.name === 'comments') return commentRoutes(ctx, req, list, id, first, more);
  return securableRoutes(ctx, req, { kind: 'item', listId: list.id, itemId: id }, first, more);
}
