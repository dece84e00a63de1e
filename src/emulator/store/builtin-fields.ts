import type { FieldKind } from './field-kinds';
import type { FieldRecord } from './list-catalog';

/**
 * Built-in fields every list and the site's column gallery report with SharePoint's
 * fixed ids (SPBuiltInFieldId) but that the emulator works out rather than stores in
 * a column: they appear in `fields`, are found by id, title or internal name, and are
 * read-only.
 */
const COMPUTED: { id: string; internalName: string; title: string; kind: FieldKind }[] = [
  { id: 'c042a256-787d-4a6f-8a8a-cf6ab767f12d', internalName: 'ContentType', title: 'Content Type', kind: 'text' },
  { id: '67df98f4-9dec-48ff-a553-29bece9c5bf4', internalName: 'Attachments', title: 'Attachments', kind: 'boolean' },
  { id: 'dce8262a-3ae9-45aa-aab4-83bd75fb738a', internalName: '_UIVersionString', title: 'Version', kind: 'text' },
  { id: 'ae069f25-3ac2-4256-b9c3-15dbc15da0e0', internalName: 'GUID', title: 'GUID', kind: 'text' },
];

/** The computed built-in fields of a list (see above), after its stored ones. */
export function computedListFields(listSeq: number, firstPosition: number): FieldRecord[] {
  return COMPUTED.map((f, i) => ({ ...f, listSeq, indexed: false, unique: false, builtIn: true, props: { Hidden: f.internalName === 'GUID' }, position: firstPosition + i }));
}

/** The stored built-in fields of every list, as site columns carry them too. */
const LIST_BUILT_INS: { id: string; internalName: string; title: string; kind: FieldKind }[] = [
  { id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', internalName: 'ID', title: 'ID', kind: 'counter' },
  { id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', internalName: 'Title', title: 'Title', kind: 'text' },
  { id: '8c06beca-0777-48f7-91c7-6da68bc07b69', internalName: 'Created', title: 'Created', kind: 'datetime' },
  { id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', internalName: 'Modified', title: 'Modified', kind: 'datetime' },
  { id: '1df5e554-ec7e-46a6-901d-d85a3881cb18', internalName: 'Author', title: 'Created By', kind: 'user' },
  { id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2', internalName: 'Editor', title: 'Modified By', kind: 'user' },
];

/** A few of the standard site columns of a team site's column gallery (Core Contact and Calendar Columns). */
const STANDARD_SITE_COLUMNS: { id: string; internalName: string; title: string; kind: FieldKind; group: string }[] = [
  { id: '3c0e9e00-8fcc-479f-9d8d-3447cda34c5b', internalName: 'OtherAddressCountry', title: 'Other Address Country/Region', kind: 'text', group: 'Core Contact and Calendar Columns' },
  { id: '3f3a5c85-9d5a-4663-b925-8b68a678ea3a', internalName: 'WorkCountry', title: 'Country/Region', kind: 'text', group: 'Core Contact and Calendar Columns' },
  { id: '64cd368d-2f95-4bfc-a1f9-8d4324ecb007', internalName: 'StartDate', title: 'Start Date', kind: 'datetime', group: 'Core Task and Issue Columns' },
  { id: 'cd21b4c2-6841-4f9e-a23a-738a65f99889', internalName: 'TaskDueDate', title: 'Due Date', kind: 'datetime', group: 'Core Task and Issue Columns' },
];

/** The site's built-in columns: the list built-ins, the computed ones and a few standard columns. */
export function builtInSiteColumns(): FieldRecord[] {
  const base = [...LIST_BUILT_INS.map((f) => ({ ...f, group: '_Hidden' })), ...COMPUTED.map((f) => ({ ...f, group: '_Hidden' })), ...STANDARD_SITE_COLUMNS];
  return base.map((f, position) => ({
    listSeq: 0,
    id: f.id,
    internalName: f.internalName,
    title: f.title,
    kind: f.kind,
    indexed: false,
    unique: false,
    builtIn: true,
    props: { Group: f.group },
    position,
  }));
}
