import { normalizeDateTime } from '../query';
import type { FieldInfo } from '../query';
import { spErrors } from '../sp-error';

/**
 * The field kinds the emulator stores. The first eight are also the kinds the query
 * compiler knows; the others are filtered as the query kind `queryKindOf` maps them to.
 */
export type FieldKind = FieldInfo['kind'] | 'lookup' | 'multichoice' | 'currency' | 'url' | 'calculated' | 'image' | 'location';

type KindSpec = { typeKind: number; typeAsString: string; odataType: string; sqlType: string };

/** FieldTypeKind, TypeAsString and the OData type SharePoint reports for each kind. */
export const KIND_SPECS: Record<FieldKind, KindSpec> = {
  counter: { typeKind: 1, typeAsString: 'Counter', odataType: 'SP.Field', sqlType: 'INTEGER' },
  text: { typeKind: 2, typeAsString: 'Text', odataType: 'SP.FieldText', sqlType: 'TEXT COLLATE NOCASE' },
  note: { typeKind: 3, typeAsString: 'Note', odataType: 'SP.FieldMultiLineText', sqlType: 'TEXT COLLATE NOCASE' },
  datetime: { typeKind: 4, typeAsString: 'DateTime', odataType: 'SP.FieldDateTime', sqlType: 'TEXT' },
  choice: { typeKind: 6, typeAsString: 'Choice', odataType: 'SP.FieldChoice', sqlType: 'TEXT COLLATE NOCASE' },
  lookup: { typeKind: 7, typeAsString: 'Lookup', odataType: 'SP.FieldLookup', sqlType: 'INTEGER' },
  boolean: { typeKind: 8, typeAsString: 'Boolean', odataType: 'SP.Field', sqlType: 'INTEGER' },
  number: { typeKind: 9, typeAsString: 'Number', odataType: 'SP.FieldNumber', sqlType: 'REAL' },
  currency: { typeKind: 10, typeAsString: 'Currency', odataType: 'SP.FieldCurrency', sqlType: 'REAL' },
  url: { typeKind: 11, typeAsString: 'URL', odataType: 'SP.FieldUrl', sqlType: 'TEXT' },
  multichoice: { typeKind: 15, typeAsString: 'MultiChoice', odataType: 'SP.FieldMultiChoice', sqlType: 'TEXT' },
  calculated: { typeKind: 17, typeAsString: 'Calculated', odataType: 'SP.FieldCalculated', sqlType: '' },
  user: { typeKind: 20, typeAsString: 'User', odataType: 'SP.FieldUser', sqlType: 'INTEGER' },
  location: { typeKind: 33, typeAsString: 'Location', odataType: 'SP.FieldLocation', sqlType: 'TEXT' },
  image: { typeKind: 34, typeAsString: 'Thumbnail', odataType: 'SP.FieldThumbnail', sqlType: 'TEXT' },
};

/** The kind for a FieldTypeKind number, or undefined when the emulator does not support it. */
export function kindOfTypeKind(typeKind: number): FieldKind | undefined {
  return (Object.keys(KIND_SPECS) as FieldKind[]).find((kind) => KIND_SPECS[kind].typeKind === typeKind && kind !== 'counter');
}

/** The kind named by an OData type in a create body (`SP.FieldText`), when it names one. */
export function kindOfODataType(type: string): FieldKind | undefined {
  if (type === 'SP.Field') return undefined;
  return (Object.keys(KIND_SPECS) as FieldKind[]).find((kind) => KIND_SPECS[kind].odataType === type);
}

/** The kind of a `Type="…"` attribute in field schema XML (`createFieldAsXml`). */
export function kindOfSchemaType(type: string): FieldKind | undefined {
  const byType: Record<string, FieldKind> = {
    text: 'text',
    note: 'note',
    datetime: 'datetime',
    choice: 'choice',
    multichoice: 'multichoice',
    lookup: 'lookup',
    lookupmulti: 'lookup',
    boolean: 'boolean',
    number: 'number',
    currency: 'currency',
    url: 'url',
    calculated: 'calculated',
    user: 'user',
    location: 'location',
    thumbnail: 'image',
  };
  return byType[type.toLowerCase()];
}

/** The kind a calculated field's result has (OutputType / ResultType), as the query compiler and JSON see it. */
export function outputKindOf(props: Record<string, unknown>): FieldInfo['kind'] {
  const output = Number(props.OutputType ?? 2);
  if (output === 9 || output === 10) return 'number';
  if (output === 4) return 'datetime';
  if (output === 8) return 'boolean';
  return 'text';
}

/** The kind the query compiler filters and sorts a field as. */
export function queryKindOf(kind: FieldKind, props: Record<string, unknown>): FieldInfo['kind'] {
  switch (kind) {
    case 'currency':
      return 'number';
    case 'lookup':
      // A lookup is filtered by the id it holds (`LookupId`), as a person field is.
      return 'user';
    case 'multichoice':
    case 'url':
    case 'image':
    case 'location':
      return 'text';
    case 'calculated':
      return outputKindOf(props);
    default:
      return kind;
  }
}

/** The SQL type of a field's column (a calculated field stores its result). */
export function sqlTypeOf(kind: FieldKind, props: Record<string, unknown>): string {
  return kind === 'calculated' ? KIND_SPECS[outputKindOf(props)].sqlType : KIND_SPECS[kind].sqlType;
}

/**
 * SharePoint's internal name for a display name: characters outside `[A-Za-z0-9_]`
 * become `_xHHHH_` (a space is `_x0020_`), cut to 32 characters as SharePoint does.
 */
export function encodeInternalName(title: string): string {
  let out = '';
  for (const ch of title) {
    out += /[A-Za-z0-9_]/.test(ch) ? ch : `_x${ch.codePointAt(0)!.toString(16).padStart(4, '0')}_`;
  }
  return out.slice(0, 32);
}

const EDM: Record<FieldKind, string> = {
  counter: 'Edm.Int32',
  text: 'Edm.String',
  note: 'Edm.String',
  choice: 'Edm.String',
  number: 'Edm.Double',
  currency: 'Edm.Double',
  boolean: 'Edm.Boolean',
  datetime: 'Edm.DateTime',
  user: 'Edm.Int32',
  lookup: 'Edm.Int32',
  multichoice: 'Collection(Edm.String)',
  url: 'SP.FieldUrlValue',
  calculated: 'Edm.String',
  image: 'Edm.String',
  location: 'Edm.String',
};

/** The values of a multi-choice body value: an array, or verbose `{ results: [...] }`. */
function multiValues(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.map(String);
  const results = (value as { results?: unknown } | null)?.results;
  return Array.isArray(results) ? results.map(String) : null;
}

/**
 * Converts a JSON value from a request body to what the column stores, refusing what
 * SharePoint refuses ("Cannot convert a primitive value to the expected type …").
 * `dateOnly` fields keep only the date, at midnight UTC (the emulated site's time zone).
 */
export function toStoredValue(kind: FieldKind, value: unknown, name: string, dateOnly: boolean): string | number | null {
  if (value === null || value === undefined) return null;
  const bad = () => spErrors.badValue(EDM[kind], `field '${name}' cannot hold ${JSON.stringify(value)}`);
  switch (kind) {
    case 'text':
    case 'note':
    case 'choice':
    case 'image':
    case 'location':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw bad();
    case 'number':
    case 'currency': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) throw bad();
      return n;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (value === 1 || value === 0) return value;
      if (value === 'true' || value === 'false') return value === 'true' ? 1 : 0;
      throw bad();
    case 'datetime': {
      if (typeof value !== 'string') throw bad();
      if (value.trim() === '') return null;
      const normalised = normalizeDateTime(value);
      if (normalised === null) throw bad();
      return dateOnly ? `${normalised.slice(0, 10)}T00:00:00Z` : normalised;
    }
    case 'multichoice': {
      const values = multiValues(value);
      if (!values) throw bad();
      return values.length === 0 ? null : JSON.stringify(values);
    }
    case 'url': {
      if (typeof value !== 'object' || Array.isArray(value)) throw bad();
      const { Url, Description } = value as { Url?: unknown; Description?: unknown };
      if (typeof Url !== 'string' || (Description !== undefined && Description !== null && typeof Description !== 'string')) throw bad();
      if (Url === '') return null;
      return JSON.stringify({ Description: typeof Description === 'string' ? Description : Url, Url });
    }
    case 'calculated':
      throw spErrors.badRequest(`The field '${name}' is calculated: SharePoint works out its value from its formula, so it cannot be written.`);
    case 'user':
    case 'lookup':
    case 'counter': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(n)) throw bad();
      // SharePoint treats a person or lookup id of -1 or 0 as "no value".
      return n <= 0 ? null : n;
    }
  }
}

/** Converts a stored column value to the JSON SharePoint returns for the kind. */
export function toJsonValue(kind: FieldKind, stored: unknown, props: Record<string, unknown> = {}): unknown {
  if (stored === null || stored === undefined) return kind === 'multichoice' ? [] : null;
  switch (kind) {
    case 'boolean':
      return stored === 1 || stored === true;
    case 'number':
    case 'currency':
    case 'counter':
    case 'user':
    case 'lookup':
      return Number(stored);
    case 'multichoice':
      return JSON.parse(String(stored)) as string[];
    case 'url':
      return JSON.parse(String(stored)) as { Description: string; Url: string };
    case 'calculated':
      return toJsonValue(outputKindOf(props), stored);
    default:
      return stored;
  }
}
