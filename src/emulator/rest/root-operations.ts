import { spErrors } from '../sp-error';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { stringArg, type PathSegment } from './api-path';

/**
 * Service operations addressed from `_api/` itself: `SP.Site.Exists` and the reputation
 * model's `SetRating` / `SetLike` on an item. Undefined for anything else.
 */
export function rootOperations(ctx: ApiContext, req: ApiRequest, root: PathSegment): ApiResult | undefined {
  const value = (v: unknown) => ok(req.flavour === 'verbose' ? { d: { [root.name]: v } } : { value: v });
  switch (root.name) {
    case 'sp.site.exists': {
      if (req.method !== 'POST') throw spErrors.methodNotAllowed(req.method, 'SP.Site.Exists');
      const url = typeof req.body?.url === 'string' ? req.body.url.replace(/\/+$/, '').toLowerCase() : '';
      return value(url === ctx.site.siteUrl.toLowerCase());
    }
    case 'microsoft.office.server.reputationmodel.reputation.setrating':
    case 'microsoft.office.server.reputationmodel.reputation.setlike': {
      if (req.method !== 'POST') throw spErrors.methodNotAllowed(req.method, root.raw);
      const args = root.args ?? '';
      const list = ctx.store.catalog.byId((stringArg(/listid\s*=\s*('[^']*')/i.exec(args)?.[1] ?? null) ?? '').replace(/^\{|\}$/g, ''));
      const itemId = Number(/itemid\s*=\s*'?(\d+)/i.exec(args)?.[1] ?? NaN);
      if (!list || !ctx.store.items.get(list, itemId)) throw spErrors.itemNotFound();
      if (root.name.endsWith('setlike')) return value(/like\s*=\s*true/i.test(args) ? 1 : 0);
      const rating = Number(/rating\s*=\s*(\d+)/i.exec(args)?.[1] ?? NaN);
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw spErrors.badRequest('A rating must be a whole number from 1 to 5.');
      return value(rating);
    }
  }
  return undefined;
}
