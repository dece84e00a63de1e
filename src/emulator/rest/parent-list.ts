import { spErrors } from '../sp-error';
import type { ListRecord } from '../store/list-catalog';
import type { ApiContext } from './api-context';
import { listEntity, withParentWeb } from './entities';
import type { EntityValue } from './odata-json';

/** What an item query asks of its list: `$expand=ParentList[,ParentList/RootFolder,ParentList/ParentWeb]`. */
export type ParentListAsk = { expand: string[] } | null;

const PREFIX = /^parentlist(\/|$)/i;

/**
 * Takes the `ParentList/…` parts out of an item query's `$select` and `$expand` (the item
 * field parser knows only fields), so `getParentInfos` reads the item's list, its root
 * folder and web in one call as on SharePoint. A `ParentList/…` select without the
 * expand is SharePoint's 400.
 */
export function splitParentList(url: URL): { url: URL; ask: ParentListAsk } {
  const select = (url.searchParams.get('$select') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const expand = (url.searchParams.get('$expand') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const selected = select.filter((s) => PREFIX.test(s));
  const expanded = expand.filter((s) => PREFIX.test(s));
  if (selected.length === 0 && expanded.length === 0) return { url, ask: null };
  if (!expanded.some((e) => e.toLowerCase() === 'parentlist')) throw spErrors.notExpanded(selected[0], 'ParentList');
  const rest = new URL(url.toString());
  const keep = (list: string[], name: string) => {
    const remaining = list.filter((s) => !PREFIX.test(s));
    if (remaining.length > 0) rest.searchParams.set(name, remaining.join(','));
    else rest.searchParams.delete(name);
  };
  keep(select, '$select');
  keep(expand, '$expand');
  return { url: rest, ask: { expand: expanded.map((e) => e.toLowerCase().replace(/^parentlist\/?/, '')).filter(Boolean) } };
}

/** The item's list as `ParentList`, with its root folder and web when asked. */
export function parentListEntity(ctx: ApiContext, list: ListRecord, ask: NonNullable<ParentListAsk>): EntityValue {
  const defaultView = ctx.store.catalog.views(list).find((v) => v.isDefault);
  return withParentWeb(ctx.site, listEntity(ctx.site, list, ctx.store.items.count(list), defaultView, ask.expand.includes('rootfolder')), ask.expand);
}
