import type { ListRecord } from '../store/list-catalog';
import type { ApiContext, ApiRequest, ApiResult } from './api-context';
import type { PathSegment } from './api-path';
import { securableRoutes } from './security';

/** A list's permission routes (roleassignments, breakroleinheritance, …); undefined for other segments. */
export function listAreaRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, rest: PathSegment[]): ApiResult | undefined {
  const [first, ...more] = rest;
  if (!first) return undefined;
  return securableRoutes(ctx, req, { kind: 'list', listId: list.id }, first, more);
}

/** An item's permission routes; undefined for other segments. */
export function itemAreaRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, id: number, tail: PathSegment[]): ApiResult | undefined {
  const [first, ...more] = tail;
  if (!first) return undefined;
  return securableRoutes(ctx, req, { kind: 'item', listId: list.id, itemId: id }, first, more);
}
