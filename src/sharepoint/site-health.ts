import { sameCaml, viewTargetOf } from './provision';
import { FIELD_TYPE_KIND, type ListsManifest } from './schema';
import type { SavedViewDefinition } from '../domain/saved-views';

/**
 * How a site differs from manifest/lists.json, for `plan-tracker doctor`. Pure: the
 * adapter (read-site-state.ts) reads the site; this compares and says what fixes each
 * difference.
 */

/** What the site holds, as read through REST. A list absent from `lists` does not exist. */
export type SiteState = {
  lists: Map<string, ListState>;
};

/** One list's fields (by internal name) and views (by title). */
export type ListState = {
  fields: Map<string, { typeKind: number; indexed: boolean; unique: boolean }>;
  views: Map<string, { query: string; columns: string[] }>;
};

/** One difference between the site and the manifest, with what fixes it. */
export type HealthProblem = { what: string; fix: string };

const PROVISION = 'run `npx plan-tracker provision` (add `--site <url>` for another site)';

/** Every way the site falls short of the manifest: missing lists, fields, indexes, views and view columns; fields of another type. */
export function checkSiteAgainstManifest(manifest: ListsManifest, site: SiteState): HealthProblem[] {
  const problems: HealthProblem[] = [];
  for (const def of manifest.lists) {
    const list = site.lists.get(def.title);
    if (!list) {
      problems.push({ what: `list '${def.title}' is missing`, fix: PROVISION });
      continue;
    }
    for (const field of def.fields) {
      const found = list.fields.get(field.name);
      const label = `field '${def.title}/${field.name}'`;
      if (!found) {
        problems.push({ what: `${label} is missing`, fix: PROVISION });
        continue;
      }
      const kind = FIELD_TYPE_KIND[field.type];
      if (found.typeKind !== kind) {
        problems.push({
          what: `${label} has FieldTypeKind ${found.typeKind}; the manifest says ${field.type} (${kind})`,
          fix: `in the list's settings rename the column '${field.name}' (keep its data) or delete it if it holds none, then ${PROVISION}`,
        });
        continue;
      }
      if (field.indexed && !found.indexed) problems.push({ what: `${label} is not indexed, so filters on it fail past 5,000 items`, fix: PROVISION });
      if (field.unique && !found.unique) problems.push({ what: `${label} does not enforce unique values`, fix: `remove duplicate values from '${field.name}', then ${PROVISION}` });
    }
    for (const viewDef of def.views) {
      const target = viewTargetOf(viewDef as SavedViewDefinition);
      const view = list.views.get(viewDef.title);
      const label = `view '${def.title}/${viewDef.title}'`;
      if (!view) {
        problems.push({ what: `${label} is missing`, fix: PROVISION });
        continue;
      }
      if (target.fields) {
        const lacking = target.fields.filter((name) => !view.columns.includes(name));
        if (view.columns.length === 0) problems.push({ what: `${label} shows no columns`, fix: PROVISION });
        else if (lacking.length > 0) problems.push({ what: `${label} lacks the column${lacking.length === 1 ? '' : 's'} ${lacking.join(', ')}`, fix: PROVISION });
      }
      if (!sameCaml(view.query, target.query)) problems.push({ what: `${label} filters, sorts or groups differently from the manifest`, fix: PROVISION });
    }
  }
  return problems;
}
