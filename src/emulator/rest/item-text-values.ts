import { toJsonValue } from '../store/field-kinds';
import type { FieldRecord } from '../store/list-catalog';
import type { ItemRow } from '../store/list-items';
import type { SiteUser } from '../store/site-users';

/** How an item's values read as text: the names of people, dd/MM/yyyy dates (the site is UK English). */
export type TextContext = { userById(id: number): SiteUser | undefined; lookupTitle(field: FieldRecord, id: number): string | undefined };

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2024-05-31T09:05:00Z` → `31/05/2024 09:05` (date-only fields: `31/05/2024`). */
export function ukDateText(iso: string, dateOnly: boolean): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return dateOnly ? date : `${date} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** One field's value as the text SharePoint shows (FieldValuesAsText). */
export function fieldText(field: FieldRecord, row: ItemRow, ctx: TextContext): string {
  const stored = row[field.internalName];
  if (stored === null || stored === undefined) return '';
  const value = toJsonValue(field.kind, stored, field.props);
  switch (field.kind) {
    case 'user':
      return ctx.userById(Number(value))?.title ?? '';
    case 'lookup':
      return ctx.lookupTitle(field, Number(value)) ?? '';
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'datetime':
      return ukDateText(String(value), Number(field.props.DisplayFormat ?? 1) === 0);
    case 'multichoice':
      return (value as string[]).join('; ');
    case 'url': {
      const link = value as { Url: string; Description: string };
      return `${link.Url}, ${link.Description}`;
    }
    default:
      return String(value);
  }
}

/** The property name SharePoint gives a field in FieldValuesAsText: `_x0020_` becomes `_x005f_x0020_`, a leading `_` is prefixed with `OData_`. */
export function textPropertyName(internalName: string): string {
  const escaped = internalName.replace(/_x([0-9a-f]{4})_/gi, '_x005f_x$1_');
  return escaped.startsWith('_') ? `OData_${escaped}` : escaped;
}
