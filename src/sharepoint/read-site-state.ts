import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import { viewFieldNames } from './provision';
import type { ListsManifest } from './schema';
import type { ListState, SiteState } from './site-health';

type FieldRow = { InternalName: string; FieldTypeKind: number; Indexed: boolean; EnforceUniqueValues: boolean };
type ViewRow = { Id: string; Title: string; ViewQuery: string };

/**
 * Reads what `doctor` compares with the manifest: which of the manifest's lists exist,
 * their fields' types and indexes, and their views' queries and columns. Read-only.
 */
export async function readSiteState(sp: SPFI, manifest: ListsManifest): Promise<SiteState> {
  const titles = new Set(((await sp.web.lists.select('Title')()) as { Title: string }[]).map((l) => l.Title));
  const lists = new Map<string, ListState>();
  for (const def of manifest.lists) {
    if (!titles.has(def.title)) continue;
    const list = sp.web.lists.getByTitle(def.title);
    const fields = (await list.fields.select('InternalName', 'FieldTypeKind', 'Indexed', 'EnforceUniqueValues')()) as FieldRow[];
    const views = (await list.views.select('Id', 'Title', 'ViewQuery')()) as ViewRow[];
    const wanted = new Set(def.views.map((v) => v.title));
    const state: ListState = {
      fields: new Map(fields.map((f) => [f.InternalName, { typeKind: f.FieldTypeKind, indexed: f.Indexed, unique: f.EnforceUniqueValues }])),
      views: new Map(),
    };
    for (const view of views.filter((v) => wanted.has(v.Title))) {
      const columns = viewFieldNames((await list.views.getById(view.Id).fields.select('Items')<{ Items: unknown }>()).Items);
      state.views.set(view.Title, { query: view.ViewQuery, columns });
    }
    lists.set(def.title, state);
  }
  return { lists };
}
