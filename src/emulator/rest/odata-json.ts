import type { SpError } from '../sp-error';

/**
 * The JSON flavours SharePoint answers in, chosen by the Accept header:
 * `odata=verbose` (`d`, `d.results`, `__metadata`), `odata=minimalmetadata` (`value`,
 * `odata.*`) and `odata=nometadata` (bare values). Plain `application/json` gets
 * minimal metadata, as SharePoint Online does.
 */
export type Flavour = 'verbose' | 'minimal' | 'nometadata';

/** The flavour an Accept header asks for. */
export function flavourOf(accept: string | null): Flavour {
  const text = (accept ?? '').toLowerCase();
  if (text.includes('odata=verbose')) return 'verbose';
  if (text.includes('odata=nometadata')) return 'nometadata';
  return 'minimal';
}

/** The Content-Type SharePoint sends with each flavour. */
export function contentTypeOf(flavour: Flavour): string {
  switch (flavour) {
    case 'verbose':
      return 'application/json;odata=verbose;charset=utf-8';
    case 'nometadata':
      return 'application/json;odata=nometadata;streaming=true;charset=utf-8';
    case 'minimal':
      return 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
  }
}

/** Where an entity lives: its OData type, id, absolute URI, edit link and (for items) ETag. */
export type EntityMeta = { type: string; id: string; uri: string; editLink: string; etag?: string };

/** An entity (or nested entity, like an expanded person) before it is rendered in a flavour. */
export class EntityValue {
  constructor(
    readonly meta: EntityMeta,
    readonly props: Record<string, unknown>,
  ) {}
}

/** A collection of strings (Choices): a bare array, or `{ results }` in verbose. */
export class StringCollection {
  constructor(readonly values: string[]) {}
}

/** A complex value (SP.FieldUrlValue): its properties, with `__metadata.type` in verbose. */
export class ComplexValue {
  constructor(
    readonly type: string,
    readonly props: Record<string, unknown>,
  ) {}
}

function renderValue(flavour: Flavour, value: unknown): unknown {
  if (value instanceof EntityValue) return renderEntityBody(flavour, value);
  // An expanded collection of entities (RoleDefinitionBindings): `results` in verbose.
  if (Array.isArray(value) && value[0] instanceof EntityValue) return flavour === 'verbose' ? { results: value.map((v) => renderValue(flavour, v)) } : value.map((v) => renderValue(flavour, v));
  if (value instanceof ComplexValue) return flavour === 'verbose' ? { __metadata: { type: value.type }, ...value.props } : { ...value.props };
  if (value instanceof StringCollection) {
    return flavour === 'verbose' ? { __metadata: { type: 'Collection(Edm.String)' }, results: value.values } : value.values;
  }
  return value;
}

function renderEntityBody(flavour: Flavour, entity: EntityValue): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity.props)) props[key] = renderValue(flavour, value);
  const { meta } = entity;
  if (flavour === 'verbose') {
    return { __metadata: { id: meta.uri, uri: meta.uri, ...(meta.etag ? { etag: meta.etag } : {}), type: meta.type }, ...props };
  }
  if (flavour === 'nometadata') return props;
  return {
    'odata.type': meta.type,
    'odata.id': meta.id,
    ...(meta.etag ? { 'odata.etag': meta.etag } : {}),
    'odata.editLink': meta.editLink,
    ...props,
  };
}

/** One entity as a response body; `metadataUrl` is `…/_api/$metadata#SP.ApiData.Lists/@Element` style. */
export function renderEntity(flavour: Flavour, metadataUrl: string, entity: EntityValue): unknown {
  const body = renderEntityBody(flavour, entity);
  if (flavour === 'verbose') return { d: body };
  if (flavour === 'nometadata') return body;
  return { 'odata.metadata': metadataUrl, ...body };
}

/** A collection as a response body, with the next page's link when there is one. */
export function renderCollection(flavour: Flavour, metadataUrl: string, entities: EntityValue[], nextLink?: string | null): unknown {
  const values = entities.map((entity) => renderEntityBody(flavour, entity));
  if (flavour === 'verbose') return { d: { results: values, ...(nextLink ? { __next: nextLink } : {}) } };
  return {
    ...(flavour === 'minimal' ? { 'odata.metadata': metadataUrl } : {}),
    value: values,
    ...(nextLink ? { 'odata.nextLink': nextLink } : {}),
  };
}

/** A primitive result (`recycle` → the recycle bin id). */
export function renderPrimitive(flavour: Flavour, metadataUrl: string, name: string, value: unknown): unknown {
  if (flavour === 'verbose') return { d: { [name]: value } };
  return { ...(flavour === 'minimal' ? { 'odata.metadata': metadataUrl } : {}), value };
}

/** SharePoint's error body: `odata.error` (minimal, nometadata) or `error` (verbose). */
export function renderError(flavour: Flavour, error: SpError): unknown {
  const inner = { code: error.code, message: { lang: 'en-US', value: error.message } };
  return flavour === 'verbose' ? { error: inner } : { 'odata.error': inner };
}
