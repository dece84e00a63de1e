import type { FieldRef } from '../query';
import { choicesOf } from '../store/choices';
import { KIND_SPECS, toJsonValue } from '../store/field-kinds';
import type { FieldRecord, ListRecord, ViewRecord } from '../store/list-catalog';
import { entityNameOf, entityTypeOf, etagOf, USER_SUB_NAMES, type ItemRow } from '../store/list-items';
import type { SiteUser } from '../store/site-users';
import { ComplexValue, EntityValue, StringCollection } from './odata-json';

/** Where the site is, for the ids and links inside entities. */
export type SiteInfo = { siteUrl: string; sitePath: string; webId: string; siteId: string; userInfoListId: string; title: string; created: string };

/** `/sites/plans/Lists/Plan Items`: a list's folder, as ServerRelativeUrl. */
export function listRootOf(site: SiteInfo, list: ListRecord): string {
  return `${site.sitePath}/Lists/${list.urlName}`;
}

function listPath(list: ListRecord): string {
  return `Web/Lists(guid'${list.id}')`;
}

/** The web (site) entity. */
export function webEntity(site: SiteInfo): EntityValue {
  return new EntityValue(
    { type: 'SP.Web', id: `${site.siteUrl}/_api/Web`, uri: `${site.siteUrl}/_api/Web`, editLink: 'Web' },
    {
      Id: site.webId,
      Title: site.title,
      Description: '',
      Url: site.siteUrl,
      ServerRelativeUrl: site.sitePath,
      ServerRelativePath: new ComplexValue('SP.ResourcePath', { DecodedUrl: site.sitePath }),
      Created: site.created,
      Language: 1033,
      WebTemplate: 'STS',
    },
  );
}

/** A person as expanded inside an item (`$expand=Owner`), with the projected properties asked for. */
export function expandedUserEntity(site: SiteInfo, user: SiteUser, subs: string[] | null): EntityValue {
  const path = `Web/Lists(guid'${site.userInfoListId}')/Items(${user.id})`;
  const all: Record<string, unknown> = { Id: user.id, Title: user.title, EMail: user.email, Name: user.loginName };
  const props: Record<string, unknown> = {};
  for (const sub of subs ?? ['Id', 'Title', 'EMail', 'Name']) {
    if (sub === '*') Object.assign(props, all);
    else props[sub] = sub.toLowerCase() === 'id' ? user.id : all[USER_SUB_NAMES[sub.toLowerCase()]];
  }
  return new EntityValue({ type: 'SP.Data.UserInfoItem', id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path }, props);
}

/** A list (SP.List), with its root folder when expanded. */
export function listEntity(site: SiteInfo, list: ListRecord, itemCount: number, defaultView: ViewRecord | undefined, expandRootFolder: boolean): EntityValue {
  const path = listPath(list);
  const root = listRootOf(site, list);
  const props: Record<string, unknown> = {
    AllowContentTypes: false,
    BaseTemplate: list.baseTemplate,
    BaseType: 0,
    ContentTypesEnabled: false,
    Created: list.created,
    DefaultViewUrl: defaultView ? `${root}/${defaultView.urlName}.aspx` : `${root}/AllItems.aspx`,
    Description: list.description,
    EnableVersioning: false,
    EntityTypeName: entityNameOf(list),
    Hidden: false,
    Id: list.id,
    ItemCount: itemCount,
    LastItemModifiedDate: list.modified,
    ListItemEntityTypeFullName: entityTypeOf(list),
    ParentWebUrl: site.sitePath,
    Title: list.title,
  };
  if (expandRootFolder) props.RootFolder = folderEntity(site, list);
  return new EntityValue({ type: 'SP.List', id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path, etag: `"${list.version}"` }, props);
}

/** A list with its parent web inside when `$expand` names ParentWeb (getParentInfos). */
export function withParentWeb(site: SiteInfo, list: EntityValue, expand: string[]): EntityValue {
  if (expand.includes('parentweb')) list.props.ParentWeb = webEntity(site);
  return list;
}

/** A list's root folder (SP.Folder). */
export function folderEntity(site: SiteInfo, list: ListRecord): EntityValue {
  const path = `${listPath(list)}/RootFolder`;
  return new EntityValue(
    { type: 'SP.Folder', id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path },
    { Exists: true, Name: list.urlName, ServerRelativeUrl: listRootOf(site, list), ServerRelativePath: new ComplexValue('SP.ResourcePath', { DecodedUrl: listRootOf(site, list) }), ItemCount: 0, UniqueId: list.id },
  );
}

/** A field (SP.Field and its typed subclasses), with the settings of its kind; `list` null for a site column. */
export function fieldEntity(site: SiteInfo, list: ListRecord | null, field: FieldRecord): EntityValue {
  const spec = KIND_SPECS[field.kind];
  const path = `${list ? listPath(list) : 'Web'}/Fields(guid'${field.id}')`;
  const p = field.props;
  const props: Record<string, unknown> = {
    CanBeDeleted: !field.builtIn,
    DefaultValue: (p.DefaultValue as string | undefined) ?? null,
    Description: (p.Description as string | undefined) ?? '',
    EnforceUniqueValues: field.unique,
    EntityPropertyName: field.internalName,
    FieldTypeKind: spec.typeKind,
    Group: typeof p.Group === 'string' ? p.Group : field.builtIn ? '_Hidden' : 'Custom Columns',
    Hidden: p.Hidden === true,
    Id: field.id,
    Indexed: field.indexed,
    InternalName: field.internalName,
    ReadOnlyField: (field.builtIn && field.internalName !== 'Title') || field.kind === 'calculated',
    Required: p.Required === true,
    SchemaXml: fieldSchemaXml(field),
    StaticName: field.internalName,
    Title: field.title,
    TypeAsString: spec.typeAsString,
    TypeDisplayName: spec.typeAsString,
  };
  switch (field.kind) {
    case 'text':
      props.MaxLength = Number(p.MaxLength ?? 255);
      break;
    case 'note':
      Object.assign(props, { AllowHyperlink: p.AllowHyperlink ?? false, AppendOnly: p.AppendOnly ?? false, NumberOfLines: Number(p.NumberOfLines ?? 6), RestrictedMode: p.RestrictedMode ?? true, RichText: p.RichText ?? false });
      break;
    case 'number':
    case 'currency':
      Object.assign(props, { MinimumValue: p.MinimumValue ?? -1.7976931348623157e308, MaximumValue: p.MaximumValue ?? 1.7976931348623157e308, ShowAsPercentage: p.ShowAsPercentage ?? false });
      if (field.kind === 'currency') props.CurrencyLocaleId = Number(p.CurrencyLocaleId ?? 2057);
      break;
    case 'datetime':
      Object.assign(props, { DateTimeCalendarType: Number(p.DateTimeCalendarType ?? 1), DisplayFormat: Number(p.DisplayFormat ?? 1), FriendlyDisplayFormat: Number(p.FriendlyDisplayFormat ?? 0) });
      break;
    case 'choice':
    case 'multichoice':
      Object.assign(props, { Choices: new StringCollection(choicesOf(p)), EditFormat: Number(p.EditFormat ?? 0), FillInChoice: p.FillInChoice ?? false });
      break;
    case 'user':
      Object.assign(props, { AllowMultipleValues: false, LookupField: 'ImnName', LookupList: `{${site.userInfoListId}}`, SelectionMode: Number(p.SelectionMode ?? 0), Presence: true });
      break;
    case 'lookup':
      Object.assign(props, {
        AllowMultipleValues: p.AllowMultipleValues === true,
        LookupField: typeof p.LookupFieldName === 'string' ? p.LookupFieldName : typeof p.LookupField === 'string' ? p.LookupField : 'Title',
        LookupList: typeof p.LookupListId === 'string' ? `{${p.LookupListId}}` : typeof p.LookupList === 'string' ? p.LookupList : '',
        PrimaryFieldId: typeof p.PrimaryFieldId === 'string' ? p.PrimaryFieldId : null,
        IsDependentLookup: typeof p.PrimaryFieldId === 'string',
      });
      break;
    case 'url':
      props.DisplayFormat = Number(p.DisplayFormat ?? 0);
      break;
    case 'calculated':
      Object.assign(props, { Formula: String(p.Formula ?? ''), OutputType: Number(p.OutputType ?? 2), DateFormat: Number(p.DateFormat ?? 1) });
      break;
    default:
      break;
  }
  return new EntityValue({ type: spec.odataType, id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path }, props);
}

/** The `<Field …/>` schema SharePoint reports for a field (SchemaXml). */
export function fieldSchemaXml(field: FieldRecord): string {
  const spec = KIND_SPECS[field.kind];
  const attrs: Record<string, string> = {
    ID: `{${field.id}}`,
    Type: spec.typeAsString,
    Name: field.internalName,
    StaticName: field.internalName,
    DisplayName: field.title,
    Required: field.props.Required === true ? 'TRUE' : 'FALSE',
    Indexed: field.indexed ? 'TRUE' : 'FALSE',
    EnforceUniqueValues: field.unique ? 'TRUE' : 'FALSE',
  };
  if (typeof field.props.Group === 'string') attrs.Group = field.props.Group;
  if (field.kind === 'text') attrs.MaxLength = String(field.props.MaxLength ?? 255);
  const inner = field.kind === 'choice' || field.kind === 'multichoice' ? `<CHOICES>${choicesOf(field.props).map((c) => `<CHOICE>${escapeXml(c)}</CHOICE>`).join('')}</CHOICES>` : '';
  const formula = field.kind === 'calculated' ? `<Formula>${escapeXml(String(field.props.Formula ?? ''))}</Formula>` : '';
  const text = Object.entries(attrs).map(([k, v]) => `${k}="${escapeXml(v)}"`).join(' ');
  return inner || formula ? `<Field ${text}>${inner}${formula}</Field>` : `<Field ${text} />`;
}

export { choicesOf } from '../store/choices';

/** A view (SP.View) with its page URL and CAML. */
export function viewEntity(site: SiteInfo, list: ListRecord, view: ViewRecord): EntityValue {
  const path = `${listPath(list)}/Views(guid'${view.id}')`;
  return new EntityValue(
    { type: 'SP.View', id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path },
    {
      BaseViewId: '1',
      DefaultView: view.isDefault,
      Hidden: false,
      Id: view.id,
      ListViewXml: viewXmlOf(view),
      Paged: view.paged,
      PersonalView: view.personal,
      RowLimit: view.rowLimit,
      ServerRelativeUrl: `${listRootOf(site, list)}/${view.urlName}.aspx`,
      Title: view.title,
      ViewQuery: view.viewQuery,
      ViewType: 'HTML',
    },
  );
}

/** The whole `<View>` of a stored view: query, fields and row limit. */
export function viewXmlOf(view: ViewRecord): string {
  const fields = view.viewFields.map((name) => `<FieldRef Name="${name}" />`).join('');
  return `<View Name="{${view.id.toUpperCase()}}" DefaultView="${view.isDefault ? 'TRUE' : 'FALSE'}" Type="HTML" DisplayName="${escapeXml(view.title)}"><Query>${view.viewQuery}</Query><ViewFields>${fields}</ViewFields><RowLimit Paged="${view.paged ? 'TRUE' : 'FALSE'}">${view.rowLimit}</RowLimit></View>`;
}

/** A view's fields (SP.ViewFieldCollection). */
export function viewFieldsEntity(site: SiteInfo, list: ListRecord, view: ViewRecord): EntityValue {
  const path = `${listPath(list)}/Views(guid'${view.id}')/ViewFields`;
  return new EntityValue(
    { type: 'SP.ViewFieldCollection', id: `${site.siteUrl}/_api/${path}`, uri: `${site.siteUrl}/_api/${path}`, editLink: path },
    { SchemaXml: `<FieldRefs>${view.viewFields.map((n) => `<FieldRef Name="${n}" />`).join('')}</FieldRefs>`, Items: new StringCollection(view.viewFields) },
  );
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A field's value in an item's JSON: choices as a collection, a link as SP.FieldUrlValue. */
export function itemValue(field: FieldRecord, row: ItemRow): unknown {
  const value = toJsonValue(field.kind, row[field.internalName], field.props);
  if (field.kind === 'multichoice') return new StringCollection(value as string[]);
  if (field.kind === 'url' && value !== null) return new ComplexValue('SP.FieldUrlValue', value as Record<string, unknown>);
  return value;
}

/** What of an item to return: everything (no `$select`) or the selected refs, with expanded person fields. */
export type ItemShape = { select: FieldRef[] | null; expand: Set<string> };

const EXTRA_PROPS: Record<string, (row: ItemRow) => unknown> = {
  FileSystemObjectType: () => 0,
  ServerRedirectedEmbedUri: () => null,
  ServerRedirectedEmbedUrl: () => '',
  ContentTypeId: () => '0x0100A1B2C3D4E5F60718293A4B5C6D7E8F90',
  OData__UIVersionString: (row) => `${row._Version}.0`,
  Attachments: () => false,
  GUID: (row) => row.GUID,
};

/** The names `$select` accepts beyond the list's fields (the fixed properties of every item). */
export const ITEM_EXTRA_NAMES = Object.keys(EXTRA_PROPS);

/**
 * An item as SharePoint returns it. Without `$select`: every field (person fields as
 * `OwnerId`/`OwnerStringId`) plus the fixed properties; with it: only what was asked.
 */
export function itemEntity(
  site: SiteInfo,
  list: ListRecord,
  fields: FieldRecord[],
  row: ItemRow,
  shape: ItemShape,
  userById: (id: number) => SiteUser | undefined,
): EntityValue {
  const path = `${listPath(list)}/Items(${row.ID})`;
  const props: Record<string, unknown> = {};
  const byName = new Map(fields.map((f) => [f.internalName.toLowerCase(), f]));
  const person = (field: FieldRecord, subs: string[] | null) => {
    const id = row[field.internalName];
    const user = id === null || id === undefined ? undefined : userById(Number(id));
    return user ? expandedUserEntity(site, user, subs) : null;
  };
  const all = !shape.select || shape.select.some((ref) => ref.name === '*');
  if (all) {
    props.FileSystemObjectType = 0;
    props.Id = row.ID;
    props.ServerRedirectedEmbedUri = null;
    props.ServerRedirectedEmbedUrl = '';
    props.ContentTypeId = EXTRA_PROPS.ContentTypeId(row);
    for (const field of fields) {
      if (field.internalName === 'ID' || ['Created', 'Modified', 'Author', 'Editor'].includes(field.internalName)) continue;
      if (field.kind === 'user' || field.kind === 'lookup') {
        const value = toJsonValue('user', row[field.internalName]);
        props[`${field.internalName}Id`] = value;
        if (field.kind === 'user') props[`${field.internalName}StringId`] = value === null ? null : String(value);
      } else {
        props[field.internalName] = itemValue(field, row);
      }
    }
    Object.assign(props, {
      ID: row.ID,
      Modified: row.Modified,
      Created: row.Created,
      AuthorId: toJsonValue('user', row.Author),
      EditorId: toJsonValue('user', row.Editor),
      OData__UIVersionString: EXTRA_PROPS.OData__UIVersionString(row),
      Attachments: false,
      GUID: row.GUID,
    });
  }
  // Projected person properties, gathered per field: Owner/Title + Owner/EMail → Owner { Title, EMail }.
  const subsByField = new Map<string, string[]>();
  for (const ref of shape.select ?? []) {
    if (ref.name === '*') continue;
    if (ref.sub) {
      const key = ref.name.toLowerCase();
      subsByField.set(key, [...(subsByField.get(key) ?? []), ref.sub]);
      continue;
    }
    const lower = ref.name.toLowerCase();
    if (lower === 'id') {
      props[ref.name] = row.ID;
      continue;
    }
    const extra = ITEM_EXTRA_NAMES.find((n) => n.toLowerCase() === lower);
    if (extra && !byName.has(lower)) {
      props[extra] = EXTRA_PROPS[extra](row);
      continue;
    }
    const field = byName.get(lower);
    if (field) {
      if (field.kind === 'user' || field.kind === 'lookup') {
        if (shape.expand.has(lower)) subsByField.set(lower, subsByField.get(lower) ?? []);
        else props[`${field.internalName}Id`] = toJsonValue('user', row[field.internalName]);
      } else {
        props[field.internalName] = itemValue(field, row);
      }
      continue;
    }
    // `OwnerId` / `OwnerStringId`.
    const idMatch = /^(.+?)(String)?Id$/i.exec(ref.name);
    const base = idMatch ? byName.get(idMatch[1].toLowerCase()) : undefined;
    if (base) {
      const value = toJsonValue('user', row[base.internalName]);
      props[idMatch![2] ? `${base.internalName}StringId` : `${base.internalName}Id`] = idMatch![2] && value !== null ? String(value) : value;
    }
  }
  for (const name of shape.expand) {
    const field = byName.get(name);
    if (!field || field.kind !== 'user') continue;
    const subs = subsByField.get(name);
    props[field.internalName] = person(field, subs && subs.length > 0 ? subs.map((s) => (s === '*' ? '*' : USER_SUB_NAMES[s.toLowerCase()] ?? s)) : null);
  }
  return new EntityValue(
    { type: entityTypeOf(list), id: row.GUID, uri: `${site.siteUrl}/_api/${path}`, editLink: path, etag: etagOf(row._Version) },
    props,
  );
}
