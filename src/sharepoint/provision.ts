import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import { savedViewToViewXml, type SavedViewDefinition } from '../domain/saved-views';
import { messageOf, statusOf } from './batch';
import { ensurePlanManagersGroup } from './provision-groups';
import { PLAN_MANAGERS_GROUP } from '../domain/roles';
import { FIELD_TYPE_KIND, type FieldDefinition, type ListDefinition, type ListsManifest } from './schema';

/** What provisioning did: created, brought up to the manifest, already there, and problems it would not fix itself. */
export type ProvisionReport = { created: string[]; updated: string[]; existing: string[]; problems: string[] };

type FieldInfo = { FieldTypeKind: number; Indexed: boolean; EnforceUniqueValues: boolean; DisplayFormat?: number };

/**
 * Creates in the site whatever the manifest declares and the site lacks: lists, fields,
 * indexes, unique constraints, views, and brings existing views to the manifest's query
 * and columns. It changes no field that exists — a field of the wrong type is reported,
 * never dropped and re-created, because it may hold data.
 */
export async function provision(sp: SPFI, manifest: ListsManifest): Promise<ProvisionReport> {
  const report: ProvisionReport = { created: [], updated: [], existing: [], problems: [] };
  for (const list of manifest.lists) await provisionList(sp, list, report);
  // Who may manage plans is a SharePoint group, not a setting of ours (see src/domain/roles.ts).
  const managers = await ensurePlanManagersGroup(sp);
  (managers.created ? report.created : report.existing).push(`group '${PLAN_MANAGERS_GROUP}'`);
  return report;
}

async function provisionList(sp: SPFI, def: ListDefinition, report: ProvisionReport): Promise<void> {
  const { created } = await sp.web.lists.ensure(def.title, def.description, 100, false);
  (created ? report.created : report.existing).push(`list '${def.title}'`);
  const list = sp.web.lists.getByTitle(def.title);
  for (const field of def.fields) await provisionField(list, def.title, field, report);
  for (const view of def.views) await provisionView(list, def.title, view as SavedViewDefinition, report);
}

async function provisionField(list: ReturnType<SPFI['web']['lists']['getByTitle']>, listTitle: string, def: FieldDefinition, report: ProvisionReport): Promise<void> {
  const label = `field '${listTitle}/${def.name}'`;
  let info: FieldInfo | null = null;
  try {
    info = await list.fields.getByInternalNameOrTitle(def.name).select('FieldTypeKind', 'Indexed', 'EnforceUniqueValues', 'DisplayFormat')();
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  if (info && info.FieldTypeKind !== FIELD_TYPE_KIND[def.type]) {
    report.problems.push(`${label} exists with FieldTypeKind ${info.FieldTypeKind} but the manifest says ${def.type} (${FIELD_TYPE_KIND[def.type]}); it was left as it is. Rename or remove it by hand if it holds no data.`);
    return;
  }
  if (!info) {
    await addField(list, def);
    report.created.push(label);
  } else {
    report.existing.push(label);
  }
  const wantsIndex = def.indexed === true && !info?.Indexed;
  const wantsUnique = def.unique === true && !info?.EnforceUniqueValues;
  if (wantsIndex || wantsUnique) {
    try {
      await list.fields.getByInternalNameOrTitle(def.name).update({ Indexed: true, ...(def.unique ? { EnforceUniqueValues: true } : {}) }, 'SP.Field');
      report.created.push(`${def.unique ? 'unique index' : 'index'} on ${label}`);
    } catch (error) {
      report.problems.push(`${label}: could not set the index${def.unique ? ' and unique values' : ''}: ${messageOf(error)}`);
    }
  }
}

async function addField(list: ReturnType<SPFI['web']['lists']['getByTitle']>, def: FieldDefinition): Promise<void> {
  const fields = list.fields;
  const range = { ...(def.min !== undefined ? { MinimumValue: def.min } : {}), ...(def.max !== undefined ? { MaximumValue: def.max } : {}) };
  switch (def.type) {
    case 'text': await fields.addText(def.name, { MaxLength: 255 }); break;
    // Plain text notes: plan text is shown as text everywhere, never as HTML.
    case 'note': await fields.addMultilineText(def.name, { RichText: false, NumberOfLines: 6 }); break;
    case 'number': await fields.addNumber(def.name, range); break;
    case 'boolean': await fields.addBoolean(def.name); break;
    case 'date': await fields.addDateTime(def.name, { DisplayFormat: 0 }); break;
    case 'datetime': await fields.addDateTime(def.name, { DisplayFormat: 1 }); break;
    case 'choice': await fields.addChoice(def.name, { Choices: def.choices ?? [], ...(def.default ? { DefaultValue: def.default } : {}) }); break;
    case 'user': await fields.addUser(def.name, { SelectionMode: 0 }); break;
  }
}

/** The `<Query>` body SharePoint keeps as a view's ViewQuery, from a whole `<View>`. */
export function viewQueryOf(viewXml: string): string {
  const match = viewXml.match(/<Query>([\s\S]*)<\/Query>/);
  return match ? match[1] : '';
}

/** What a view should be on the site: its ViewQuery (grouping, filter, sort) and columns. */
export type ViewTarget = { title: string; query: string; fields: string[] | undefined; isDefault: boolean };

/** The view the manifest declares, as SharePoint keeps it. */
export function viewTargetOf(def: SavedViewDefinition): ViewTarget {
  let query = viewQueryOf(savedViewToViewXml(def));
  if (def.groupBy) query = `<GroupBy Collapse="FALSE"><FieldRef Name="${def.groupBy}"/></GroupBy>${query}`;
  return { title: def.title, query, fields: def.fields, isDefault: def.default === true };
}

/** CAML compared the way SharePoint treats it: quotes, blanks between tags and before `/>` do not matter. */
export function sameCaml(a: string, b: string): boolean {
  const norm = (xml: string) => xml.replace(/>\s+</g, '><').replace(/\s*\/>/g, '/>').replace(/'/g, '"').trim();
  return norm(a) === norm(b);
}

/** The column names of a `ViewFields` answer: a plain array, or `{ results }` in verbose JSON. */
export function viewFieldNames(items: unknown): string[] {
  const values = Array.isArray(items) ? items : (items as { results?: unknown } | undefined)?.results;
  return Array.isArray(values) ? values.map(String) : [];
}

/**
 * Creates a view the site lacks, and brings an existing one to the manifest: its query
 * (filter, sort, grouping) and its columns. Views hold no data, so updating them is safe,
 * and a site provisioned before views had columns gets them on the next run.
 */
async function provisionView(list: ReturnType<SPFI['web']['lists']['getByTitle']>, listTitle: string, def: SavedViewDefinition, report: ProvisionReport): Promise<void> {
  const label = `view '${listTitle}/${def.title}'`;
  const target = viewTargetOf(def);
  let current: { Id: string; ViewQuery: string } | null = null;
  try {
    current = await list.views.getByTitle(def.title).select('Id', 'ViewQuery')();
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  if (!current) {
    current = await list.views.add(def.title, false, { ViewQuery: target.query, RowLimit: 100, DefaultView: target.isDefault, Paged: true });
    report.created.push(label);
  } else if (!sameCaml(current.ViewQuery, target.query)) {
    await list.views.getById(current.Id).update({ ViewQuery: target.query });
    report.updated.push(`query of ${label}`);
  } else {
    report.existing.push(label);
  }
  if (!target.fields) return;
  const view = list.views.getById(current.Id);
  const shown = viewFieldNames((await view.fields.select('Items')<{ Items: unknown }>()).Items);
  if (shown.join('|') === target.fields.join('|')) return;
  await view.fields.removeAll();
  for (const name of target.fields) await view.fields.add(name);
  if (!report.created.includes(label)) report.updated.push(`columns of ${label}`);
}
