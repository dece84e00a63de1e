import { parseCaml, QuerySyntaxError } from '../query';
import { spErrors } from '../sp-error';
import type { ListRecord, ViewRecord } from '../store/list-catalog';
import { renderViewTable, resolveViewField } from '../view-page';
import { noContent, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { stringArg, type PathSegment } from './api-path';
import { listRootOf, viewEntity, viewFieldsEntity } from './entities';
import { collection, edmString, entity, requireMethod, voidResult } from './respond';

/**
 * The views of a list (`SP.View`) as SharePoint Online's REST API exposes them: the
 * collection, `getByTitle`/`getById`/`getView`/`defaultView`, MERGE, DELETE,
 * `SetViewXml`, `renderAsHtml`, and a view's fields (`ViewFields`: `addViewField`,
 * `moveViewFieldTo`, `removeViewField`, `removeAllViewFields`, `schemaXml`).
 */

/** `…/views`, `…/views('id')`, `…/views/getByTitle('x')`, `…/views/getById('id')` and what follows. */
export function viewCollectionRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, segment: PathSegment, rest: PathSegment[]): ApiResult {
  const catalog = ctx.store.catalog;
  if (segment.args !== null) return viewRoutes(ctx, req, list, found(catalog.viewById(list, stringArg(segment.args) ?? segment.args)), rest);
  const [selector, ...tail] = rest;
  if (!selector) {
    if (req.method === 'POST') return addView(ctx, req, list);
    requireMethod(req, ['GET'], 'views');
    return collection(ctx, req, 'SP.ApiData.Views', catalog.views(list).map((v) => viewEntity(ctx.site, list, v)));
  }
  if (selector.name === 'getbytitle') return viewRoutes(ctx, req, list, found(catalog.view(list, stringArg(selector.args) ?? '')), tail);
  if (selector.name === 'getbyid') return viewRoutes(ctx, req, list, found(catalog.viewById(list, stringArg(selector.args) ?? '')), tail);
  throw spErrors.resourceNotFound(selector.raw);
}

/** `…/defaultView` and `…/getView('id')` on a list. */
export function listViewRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, segment: PathSegment, rest: PathSegment[]): ApiResult {
  const views = ctx.store.catalog.views(list);
  const view = segment.name === 'defaultview' ? views.find((v) => v.isDefault) : ctx.store.catalog.viewById(list, stringArg(segment.args) ?? '');
  return viewRoutes(ctx, req, list, found(view), rest);
}

function found(view: ViewRecord | undefined): ViewRecord {
  if (!view) throw spErrors.viewNotFound();
  return view;
}

/** Checks that a ViewQuery is CAML the server can apply, so a bad view fails when it is made, not when it is opened. */
function checkViewQuery(viewQuery: string): void {
  checkViewXml(`<View><Query>${viewQuery}</Query></View>`, 'The ViewQuery is not valid CAML', 'Send the inner XML of <Query>, e.g. <Where>…</Where><OrderBy>…</OrderBy>.');
}

function checkViewXml(viewXml: string, what: string, hint: string): ReturnType<typeof parseCaml> {
  try {
    return parseCaml(viewXml);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw spErrors.badQuery(`${what}: ${error.message}. ${hint}`);
    throw error;
  }
}

function addView(ctx: ApiContext, req: ApiRequest, list: ListRecord): ApiResult {
  const body = req.body ?? {};
  const title = typeof body.Title === 'string' ? body.Title.trim() : '';
  if (!title) throw spErrors.badRequest('A new view needs a Title.');
  const viewQuery = typeof body.ViewQuery === 'string' ? body.ViewQuery : '';
  checkViewQuery(viewQuery);
  const viewFields = Array.isArray(body.ViewFields) ? body.ViewFields.map((name) => fieldName(ctx, list, String(name))) : ['LinkTitle'];
  const view = ctx.store.catalog.addView(list, {
    title,
    viewQuery,
    rowLimit: Number(body.RowLimit ?? 30),
    personal: body.PersonalView === true,
    isDefault: body.DefaultView === true,
    paged: body.Paged !== false,
    viewFields,
  });
  const result = entity(ctx, req, 'SP.ApiData.Views', viewEntity(ctx.site, list, view));
  return { ...result, status: 201 };
}

function viewRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, view: ViewRecord, rest: PathSegment[]): ApiResult {
  const [first, ...tail] = rest;
  if (first) {
    if (tail.length > 0 && first.name !== 'viewfields') throw spErrors.resourceNotFound(tail[0].raw);
    switch (first.name) {
      case 'viewfields':
        return viewFieldRoutes(ctx, req, list, view, tail);
      case 'renderashtml':
        requireMethod(req, ['GET', 'POST'], 'RenderAsHtml');
        return edmString(ctx, req, 'RenderAsHtml', renderAsHtml(ctx, list, view));
      case 'setviewxml':
        requireMethod(req, ['POST'], 'SetViewXml');
        setViewXml(ctx, list, view, req.body?.viewXml);
        return voidResult(req, 'SetViewXml');
    }
    throw spErrors.resourceNotFound(first.raw);
  }
  switch (req.method) {
    case 'GET':
      return entity(ctx, req, 'SP.ApiData.Views', viewEntity(ctx.site, list, view));
    case 'MERGE':
    case 'PATCH': {
      const body = req.body ?? {};
      if (typeof body.ViewQuery === 'string') checkViewQuery(body.ViewQuery);
      ctx.store.catalog.updateView(list, view, {
        title: typeof body.Title === 'string' ? body.Title : undefined,
        viewQuery: typeof body.ViewQuery === 'string' ? body.ViewQuery : undefined,
        rowLimit: body.RowLimit !== undefined ? Number(body.RowLimit) : undefined,
        isDefault: typeof body.DefaultView === 'boolean' ? body.DefaultView : undefined,
        paged: typeof body.Paged === 'boolean' ? body.Paged : undefined,
      });
      return noContent();
    }
    case 'DELETE':
      ctx.store.catalog.deleteView(view);
      return { status: 200, body: null };
    default:
      throw spErrors.methodNotAllowed(req.method, view.title);
  }
}

/** The internal name a view column is stored under; unknown columns are refused as SharePoint does. */
function fieldName(ctx: ApiContext, list: ListRecord, nameOrTitle: string): string {
  const name = resolveViewField(ctx.store.catalog.fields(list), nameOrTitle);
  if (!name) throw spErrors.fieldNotFound(nameOrTitle, listRootOf(ctx.site, list));
  return name;
}

function viewFieldRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, view: ViewRecord, rest: PathSegment[]): ApiResult {
  const [operation, ...tail] = rest;
  if (tail.length > 0) throw spErrors.resourceNotFound(tail[0].raw);
  const catalog = ctx.store.catalog;
  const current = view.viewFields;
  if (!operation) {
    requireMethod(req, ['GET'], 'ViewFields');
    return entity(ctx, req, 'SP.ApiData.ViewFieldCollections', viewFieldsEntity(ctx.site, list, view));
  }
  switch (operation.name) {
    case 'schemaxml':
      requireMethod(req, ['GET'], 'SchemaXml');
      return edmString(ctx, req, 'SchemaXml', viewFieldsSchemaXml(current));
    case 'addviewfield': {
      requireMethod(req, ['POST'], 'AddViewField');
      const name = fieldName(ctx, list, stringArg(operation.args) ?? String(req.body?.strField ?? ''));
      // Adding a column the view already shows leaves it where it is, as SharePoint does.
      if (!current.includes(name)) catalog.setViewFields(view, [...current, name]);
      return voidResult(req, 'AddViewField');
    }
    case 'moveviewfieldto': {
      requireMethod(req, ['POST'], 'MoveViewFieldTo');
      const body = req.body ?? {};
      const name = fieldName(ctx, list, String(body.field ?? ''));
      const index = Number(body.index);
      if (!current.includes(name)) throw spErrors.badRequest(`The view '${view.title}' does not show the column '${name}'. Add it with addViewField first.`);
      if (!Number.isInteger(index) || index < 0 || index >= current.length) {
        throw spErrors.badRequest(`Specified argument was out of the range of valid values. Parameter name: index (${String(body.index)}; the view has ${current.length} columns).`);
      }
      const rest = current.filter((n) => n !== name);
      rest.splice(index, 0, name);
      catalog.setViewFields(view, rest);
      return voidResult(req, 'MoveViewFieldTo');
    }
    case 'removeviewfield': {
      requireMethod(req, ['POST'], 'RemoveViewField');
      const asked = stringArg(operation.args) ?? String(req.body?.strField ?? '');
      const name = resolveViewField(catalog.fields(list), asked) ?? asked;
      catalog.setViewFields(view, current.filter((n) => n !== name));
      return voidResult(req, 'RemoveViewField');
    }
    case 'removeallviewfields':
      requireMethod(req, ['POST'], 'RemoveAllViewFields');
      catalog.setViewFields(view, []);
      return voidResult(req, 'RemoveAllViewFields');
  }
  throw spErrors.resourceNotFound(operation.raw);
}

/** A view's columns as SharePoint writes them in `ViewFields/SchemaXml`. */
export function viewFieldsSchemaXml(viewFields: readonly string[]): string {
  return `<FieldRefs>${viewFields.map((n) => `<FieldRef Name="${n}" />`).join('')}</FieldRefs>`;
}

/**
 * `SetViewXml`: takes the parts of a whole `<View>` the embedded server keeps — the query
 * (with grouping), the columns, the row limit. A part the XML leaves out stays as it was.
 */
function setViewXml(ctx: ApiContext, list: ListRecord, view: ViewRecord, viewXml: unknown): void {
  if (typeof viewXml !== 'string' || !/^\s*<View[\s>/]/.test(viewXml)) {
    throw spErrors.badRequest('SetViewXml needs a body { viewXml: "<View>…</View>" } holding a whole view schema.');
  }
  const parsed = checkViewXml(viewXml, 'The view XML is not valid', 'Send a <View> with <Query>, <ViewFields> and <RowLimit> as SharePoint writes them.');
  const query = /<Query\s*\/>|<Query>([\s\S]*)<\/Query>/.exec(viewXml);
  const catalog = ctx.store.catalog;
  catalog.updateView(list, view, {
    viewQuery: query ? (query[1] ?? '') : undefined,
    rowLimit: parsed.rowLimit ?? undefined,
    paged: /<RowLimit\b/.test(viewXml) ? parsed.paged : undefined,
  });
  if (/<ViewFields\b/.test(viewXml)) catalog.setViewFields(catalog.viewById(list, view.id)!, parsed.viewFields.map((name) => fieldName(ctx, list, name)));
}

/** `renderAsHtml`: the view's first page as an HTML table of its columns. */
function renderAsHtml(ctx: ApiContext, list: ListRecord, view: ViewRecord): string {
  const caml = checkViewXml(`<View><Query>${view.viewQuery}</Query></View>`, 'The view query is not valid', 'Fix the view with SetViewXml.');
  const page = ctx.store.items.query(list, {
    where: caml.where,
    orderBy: [...caml.groupBy, ...caml.orderBy],
    top: Math.min(view.rowLimit > 0 ? view.rowLimit : 30, 5000),
    skipToken: null,
    currentUserId: ctx.currentUser.id,
    today: ctx.today,
    threshold: ctx.threshold,
  });
  const root = `${new URL(ctx.site.siteUrl).origin}${encodeURI(listRootOf(ctx.site, list))}`;
  return renderViewTable({
    view,
    fields: ctx.store.catalog.fields(list),
    rows: page.rows,
    itemUrl: (id) => `${root}/DispForm.aspx?ID=${id}`,
    userById: (id) => ctx.store.users.byId(id),
  });
}
