import { spErrors } from '../sp-error';
import { computedListFields } from '../store/builtin-fields';
import { formulaRefs, parseFormula } from '../store/calculated-formula';
import { kindOfODataType, kindOfSchemaType, kindOfTypeKind, type FieldKind } from '../store/field-kinds';
import type { FieldRecord, ListRecord } from '../store/list-catalog';
import { noContent, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { namedArgs, stringArg, type PathSegment } from './api-path';
import { fieldEntity, listRootOf } from './entities';
import { collection, entity, requireMethod, voidResult } from './respond';

/**
 * `…/fields` of a list or of the web (site columns): read, add (`add*`, `AddField`,
 * `createFieldAsXml`, `addDependentLookupField`), update, delete and the form settings.
 * Both kinds of collection answer alike; a `FieldScope` says where the fields live.
 */
type FieldScope = {
  list: ListRecord | null;
  all(): FieldRecord[];
  add(title: string, kind: FieldKind, props: Record<string, unknown>, fixed: { internalName?: string; id?: string }): FieldRecord;
  update(field: FieldRecord, changes: { title?: string; indexed?: boolean; unique?: boolean; props: Record<string, unknown> }): void;
  delete(field: FieldRecord): void;
  notFound(name: string): Error;
};

function listScope(ctx: ApiContext, list: ListRecord): FieldScope {
  const catalog = ctx.store.catalog;
  const stored = () => catalog.fields(list);
  return {
    list,
    all: () => [...stored(), ...computedListFields(list.seq, stored().length)],
    add: (title, kind, props, fixed) => {
      const field = catalog.addField(list, title, kind, props, fixed);
      if (kind === 'calculated') ctx.store.items.recalculate(list);
      return field;
    },
    update: (field, changes) => {
      if (!stored().includes(field)) throw spErrors.badRequest(`The field '${field.title}' is computed by SharePoint and cannot be changed.`);
      catalog.updateField(list, field, changes);
      if (field.kind === 'calculated' && 'Formula' in changes.props) ctx.store.items.recalculate(list);
    },
    delete: (field) => {
      if (!stored().includes(field)) throw spErrors.badRequest(`The field '${field.title}' is a built-in field and cannot be deleted.`);
      catalog.deleteField(list, field);
    },
    notFound: (name) => spErrors.fieldNotFound(name, listRootOf(ctx.site, list)),
  };
}

function webScope(ctx: ApiContext): FieldScope {
  const siteFields = ctx.store.siteFields;
  return {
    list: null,
    all: () => siteFields.all(),
    add: (title, kind, props, fixed) => siteFields.add(title, kind, props, fixed),
    update: (field, changes) => siteFields.update(field, { title: changes.title, props: changes.props }),
    delete: (field) => siteFields.delete(field),
    notFound: (name) => spErrors.fieldNotFound(name, ctx.site.sitePath),
  };
}

/** `lists/…/fields/…`. */
export function listFieldRoutes(ctx: ApiContext, req: ApiRequest, list: ListRecord, segment: PathSegment, rest: PathSegment[]): ApiResult {
  return fieldRoutes(ctx, req, listScope(ctx, list), segment, rest);
}

/** `web/fields/…` and `web/availablefields/…` (site columns). */
export function webFieldRoutes(ctx: ApiContext, req: ApiRequest, segment: PathSegment, rest: PathSegment[]): ApiResult {
  if (segment.name === 'availablefields') requireMethod(req, ['GET'], 'AvailableFields');
  return fieldRoutes(ctx, req, webScope(ctx), segment, rest);
}

function byId(scope: FieldScope, id: string): FieldRecord | undefined {
  const bare = id.replace(/^\{|\}$/g, '').toLowerCase();
  return scope.all().find((f) => f.id.toLowerCase() === bare);
}

/** `getByInternalNameOrTitle`: the internal name first, then the title (case-insensitive as a fallback). */
function byName(scope: FieldScope, name: string, titleOnly: boolean): FieldRecord | undefined {
  const fields = scope.all();
  if (titleOnly) return fields.find((f) => f.title === name) ?? fields.find((f) => f.title.toLowerCase() === name.toLowerCase());
  return (
    fields.find((f) => f.internalName === name) ??
    fields.find((f) => f.title === name) ??
    fields.find((f) => f.internalName.toLowerCase() === name.toLowerCase() || f.title.toLowerCase() === name.toLowerCase())
  );
}

function render(ctx: ApiContext, req: ApiRequest, scope: FieldScope, field: FieldRecord, status = 200): ApiResult {
  const result = entity(ctx, req, 'SP.ApiData.Fields', fieldEntity(ctx.site, scope.list, field));
  return { ...result, status };
}

function fieldRoutes(ctx: ApiContext, req: ApiRequest, scope: FieldScope, segment: PathSegment, rest: PathSegment[]): ApiResult {
  let field: FieldRecord | undefined;
  let tail = rest;
  if (segment.args !== null) {
    const id = stringArg(segment.args) ?? segment.args;
    field = byId(scope, id);
    if (!field) throw scope.notFound(id);
  } else if (rest[0]) {
    const selector = rest[0];
    tail = rest.slice(1);
    switch (selector.name) {
      case 'getbyinternalnameortitle':
      case 'getbytitle':
      case 'getbyid': {
        const name = stringArg(selector.args) ?? '';
        field = selector.name === 'getbyid' ? byId(scope, name) : byName(scope, name, selector.name === 'getbytitle');
        if (!field) throw scope.notFound(name);
        break;
      }
      case 'addfield':
        requireMethod(req, ['POST'], 'AddField');
        return addField(ctx, req, scope, (req.body?.parameters ?? {}) as Record<string, unknown>);
      case 'createfieldasxml':
        requireMethod(req, ['POST'], 'CreateFieldAsXml');
        return createFieldAsXml(ctx, req, scope);
      case 'adddependentlookupfield':
        requireMethod(req, ['POST'], 'AddDependentLookupField');
        return addDependentLookup(ctx, req, scope, namedArgs(selector.args));
      default:
        throw spErrors.resourceNotFound(selector.raw);
    }
  }
  if (!field) {
    if (req.method === 'POST') return addField(ctx, req, scope, req.body ?? {});
    requireMethod(req, ['GET'], 'fields');
    return collection(ctx, req, 'SP.ApiData.Fields', scope.all().map((f) => fieldEntity(ctx.site, scope.list, f)));
  }
  if (tail.length > 0) return fieldAction(ctx, req, scope, field, tail);
  switch (req.method) {
    case 'GET':
      return render(ctx, req, scope, field);
    case 'MERGE':
    case 'PATCH': {
      const body = { ...(req.body ?? {}) };
      delete body.__metadata;
      delete body['@odata.type'];
      const { Indexed, EnforceUniqueValues, Title, ...props } = body;
      if (typeof props.Formula === 'string') checkFormula(scope, props.Formula);
      scope.update(field, {
        indexed: typeof Indexed === 'boolean' ? Indexed : undefined,
        unique: typeof EnforceUniqueValues === 'boolean' ? EnforceUniqueValues : undefined,
        title: typeof Title === 'string' ? Title : undefined,
        props,
      });
      return noContent();
    }
    case 'DELETE':
      scope.delete(field);
      return { status: 200, body: null };
    default:
      throw spErrors.methodNotAllowed(req.method, field.internalName);
  }
}

/** `setShowInDisplayForm(true)` and the like: stored as the field's settings, answered with nothing. */
function fieldAction(ctx: ApiContext, req: ApiRequest, scope: FieldScope, field: FieldRecord, tail: PathSegment[]): ApiResult {
  const [action, ...more] = tail;
  if (more.length > 0) throw spErrors.resourceNotFound(more[0].raw);
  const settings: Record<string, string> = { setshowindisplayform: 'ShowInDisplayForm', setshowineditform: 'ShowInEditForm', setshowinnewform: 'ShowInNewForm' };
  const setting = settings[action.name];
  if (setting) {
    requireMethod(req, ['POST'], action.raw);
    const value = (action.args ?? '').trim().toLowerCase();
    if (value !== 'true' && value !== 'false') throw spErrors.badQuery(`${action.raw} needs true or false, as in ${action.name}(true).`);
    if (!field.builtIn) scope.update(field, { props: { [setting]: value === 'true' } });
    return voidResult(req, action.name);
  }
  if (action.name === 'schemaxml') {
    requireMethod(req, ['GET'], 'SchemaXml');
    return entity(ctx, req, 'SP.ApiData.Fields', fieldEntity(ctx.site, scope.list, field));
  }
  throw spErrors.resourceNotFound(action.raw);
}

/** Checks a calculated formula: the supported subset, and only columns the scope has. */
function checkFormula(scope: FieldScope, formula: string): void {
  const parsed = parseFormula(formula);
  const fields = scope.all();
  for (const ref of formulaRefs(parsed)) {
    const found = fields.find((f) => f.internalName.toLowerCase() === ref.toLowerCase() || f.title.toLowerCase() === ref.toLowerCase());
    if (!found) throw spErrors.unsupportedFormula(`the column '${ref}' does not exist`);
    if (['user', 'lookup', 'multichoice', 'url', 'image', 'location'].includes(found.kind)) {
      throw spErrors.badRequest('One or more column references are not allowed, because the columns are defined as a data type that is not supported in formulas.');
    }
  }
}

/** Adds a field from PnPjs' `fields.add*` body (verbose, `__metadata.type`) or `AddField` parameters. */
function addField(ctx: ApiContext, req: ApiRequest, scope: FieldScope, body: Record<string, unknown>): ApiResult {
  const { __metadata, Title, FieldTypeKind, Indexed, EnforceUniqueValues, ...props } = body;
  const title = typeof Title === 'string' ? Title.trim() : '';
  if (!title) throw spErrors.badRequest('A new field needs a Title.');
  if (title.length > 255) throw spErrors.badRequest(`The field title is ${title.length} characters long; SharePoint allows at most 255.`);
  const odataType = (__metadata as { type?: string } | undefined)?.type;
  const kind: FieldKind | undefined = FieldTypeKind !== undefined ? kindOfTypeKind(Number(FieldTypeKind)) : odataType ? kindOfODataType(odataType) : undefined;
  if (!kind) {
    throw spErrors.badRequest(
      `The embedded server does not support FieldTypeKind ${String(FieldTypeKind ?? odataType)}. Supported: 2 text, 3 note, 4 date-time, 6 choice, 7 lookup, 8 boolean, 9 number, 10 currency, 11 URL, 15 multi-choice, 17 calculated, 20 person, 33 location, 34 image.`,
    );
  }
  return createField(ctx, req, scope, title, kind, props, {}, Indexed === true, EnforceUniqueValues === true);
}

function createField(
  ctx: ApiContext,
  req: ApiRequest,
  scope: FieldScope,
  title: string,
  kind: FieldKind,
  props: Record<string, unknown>,
  fixed: { internalName?: string; id?: string },
  indexed = false,
  unique = false,
): ApiResult {
  if (kind === 'calculated') checkFormula(scope, String(props.Formula ?? ''));
  if (kind === 'lookup' && typeof props.LookupListId === 'string' && !ctx.store.catalog.byId(props.LookupListId.replace(/^\{|\}$/g, ''))) {
    throw spErrors.listIdNotFound(props.LookupListId);
  }
  let field = scope.add(title, kind, props, fixed);
  if (indexed || unique) {
    scope.update(field, { indexed: indexed || unique, unique, props: {} });
    field = byId(scope, field.id)!;
  }
  return render(ctx, req, scope, field, 201);
}

/** `createFieldAsXml({ SchemaXml })`: the `<Field …/>` attributes a list app sends (Type, Name, DisplayName, ID, Required, Group, Min/Max, choices). */
function createFieldAsXml(ctx: ApiContext, req: ApiRequest, scope: FieldScope): ApiResult {
  const parameters = (req.body?.parameters ?? {}) as Record<string, unknown>;
  const xml = typeof parameters.SchemaXml === 'string' ? parameters.SchemaXml : '';
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw spErrors.badRequest('The field schema XML may not hold a DTD or entity declarations.');
  const open = /^\s*<Field\b([^>]*?)\/?>/i.exec(xml);
  if (!open) throw spErrors.badRequest("createFieldAsXml needs SchemaXml starting with <Field …>, e.g. <Field Type=\"Text\" DisplayName=\"Code\" Name=\"Code\" />.");
  const attrs: Record<string, string> = {};
  for (const match of open[1].matchAll(/(\w+)\s*=\s*"([^"]*)"/g)) attrs[match[1].toLowerCase()] = decodeXml(match[2]);
  const kind = kindOfSchemaType(attrs.type ?? '');
  if (!kind) throw spErrors.badRequest(`The field type '${attrs.type ?? ''}' is not supported by the embedded server.`);
  const title = attrs.displayname ?? attrs.name ?? '';
  if (!title) throw spErrors.badRequest('The field schema needs a DisplayName or Name attribute.');
  const props: Record<string, unknown> = {};
  if (attrs.required) props.Required = attrs.required.toUpperCase() === 'TRUE';
  if (attrs.group) props.Group = attrs.group;
  if (attrs.description) props.Description = attrs.description;
  if (attrs.maxlength) props.MaxLength = Number(attrs.maxlength);
  if (attrs.min) props.MinimumValue = Number(attrs.min);
  if (attrs.max) props.MaximumValue = Number(attrs.max);
  if (attrs.format && kind === 'datetime') props.DisplayFormat = attrs.format === 'DateOnly' ? 0 : 1;
  if (attrs.list) props.LookupListId = attrs.list.replace(/^\{|\}$/g, '');
  if (attrs.showfield) props.LookupFieldName = attrs.showfield;
  const choices = [...xml.matchAll(/<CHOICE>([^<]*)<\/CHOICE>/gi)].map((m) => decodeXml(m[1]));
  if (choices.length > 0) props.Choices = choices;
  const formula = /<Formula>([^<]*)<\/Formula>/i.exec(xml);
  if (formula) props.Formula = decodeXml(formula[1]);
  const id = attrs.id ? attrs.id.replace(/^\{|\}$/g, '') : undefined;
  const existing = id && scope.list ? ctx.store.siteFields.all().find((f) => f.id.toLowerCase() === id.toLowerCase()) : undefined;
  // A list field made from a site column's schema keeps the site column's id, as SharePoint does.
  return createField(ctx, req, scope, title, kind, existing ? { ...existing.props, ...props } : props, { internalName: attrs.name, id });
}

/** `addDependentLookupField(displayName, primaryLookupFieldId, showField)`: a second column of the primary lookup's item. */
function addDependentLookup(ctx: ApiContext, req: ApiRequest, scope: FieldScope, args: Record<string, string>): ApiResult {
  const primary = byId(scope, args.primarylookupfieldid ?? '');
  if (!primary || primary.kind !== 'lookup') throw scope.notFound(args.primarylookupfieldid ?? '');
  const title = args.displayname ?? '';
  if (!title) throw spErrors.badRequest('addDependentLookupField needs a displayName.');
  return createField(ctx, req, scope, title, 'lookup', { LookupListId: primary.props.LookupListId, LookupFieldName: args.showfield ?? 'Title', PrimaryFieldId: primary.id, ReadOnlyField: true }, {});
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+);/g, (entity, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    return named[name] ?? (name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : entity);
  });
}
