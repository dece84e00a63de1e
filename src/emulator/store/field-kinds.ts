import { normalizeDateTime } from '../query';
import type { FieldInfo } from '../query';
import { spErrors } from '../sp-error';

/** The field kinds the emulator stores; the same names the SQL compiler uses. */
export type FieldKind = FieldInfo['kind'];

type KindSpec = { typeKind: number; typeAsString: string; odataType: string; sqlType: string };

/** FieldTypeKind, TypeAsString and the OData type SharePoint reports for each kind. */
export const KIND_SPECS: Record<FieldKind, KindSpec> = {
  counter: { typeKind: 1, typeAsString: 'Counter', odataType: 'SP.Field', sqlType: 'INTEGER' },
  text: { typeKind: 2, typeAsString: 'Text', odataType: 'SP.FieldText', sqlType: 'TEXT COLLATE NOCASE' },
  note: { typeKind: 3, typeAsString: 'Note', odataType: 'SP.FieldMultiLineText', sqlType: 'TEXT COLLATE NOCASE' },
  datetime: { typeKind: 4, typeAsString: 'DateTime', odataType: 'SP.FieldDateTime', sqlType: 'TEXT' },
  choice: { typeKind: 6, typeAsString: 'Choice', odataType: 'SP.FieldChoice', sqlType: 'TEXT COLLATE NOCASE' },
  boolean: { typeKind: 8, typeAsString: 'Boolean', odataType: 'SP.Field', sqlType: 'INTEGER' },
  number: { typeKind: 9, typeAsString: 'Number', odataType: 'SP.FieldNumber', sqlType: 'REAL' },
  user: { typeKind: 20, typeAsString: 'User', odataType: 'SP.FieldUser', sqlType: 'INTEGER' },
};

/** The kind for a FieldTypeKind number, or undefined when the emulator does not support it. */
export function kindOfTypeKind(typeKind: number): FieldKind | undefined {
  return (Object.keys(KIND_SPECS) as FieldKind[]).find((kind) => KIND_SPECS[kind].typeKind === typeKind && kind !== 'counter');
}

/** The kind named by an OData type in a create body (`SP.FieldText`), when it names one. */
export function kindOfODataType(type: string): FieldKind | undefined {
  const byType: Record<string, FieldKind> = {
    'SP.FieldText': 'text',
    'SP.FieldMultiLineText': 'note',
    'SP.FieldNumber': 'number',
    'SP.FieldDateTime': 'datetime',
    'SP.FieldChoice': 'choice',
    'SP.FieldUser': 'user',
  };
  return byType[type];
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
  boolean: 'Edm.Boolean',
  datetime: 'Edm.DateTime',
  user: 'Edm.Int32',
};

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
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw bad();
    case 'number': {
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
    case 'user':
    case 'counter': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(n)) throw bad();
      // SharePoint treats a person id of -1 or 0 as "no one".
      return n <= 0 ? null : n;
    }
  }
}

/** Converts a stored column value to the JSON SharePoint returns for the kind. */
export function toJsonValue(kind: FieldKind, stored: unknown): unknown {
  if (stored === null || stored === undefined) return null;
  switch (kind) {
    case 'boolean':
      return stored === 1 || stored === true;
    case 'number':
    case 'counter':
    case 'user':
      return Number(stored);
    default:
      return stored;
  }
}
