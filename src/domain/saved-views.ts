import { z } from 'zod';
import { isIsoDate, isIsoDateTime } from './dates';
import type { PlanFilter } from './filter-model';
import { RAGS, STATUSES } from './plan-item';
import type { PlanOrder } from './ports';
import { toViewXml } from './to-caml';

/**
 * The Plan Items views of manifest/lists.json. One definition gives both the CAML view
 * provisioned into SharePoint and the query the tab runs, so a manager sees the same
 * rows in both places.
 */

/** The fields a Plan Items view may sort on (the repository's `PlanOrder`). */
export const PLAN_ORDER_FIELDS = ['DueDate', 'Title', 'ID', 'Section', 'ActionRef', 'Modified', 'LastUpdated'] as const satisfies readonly PlanOrder['field'][];

/** A saved view as manifest/lists.json declares it. */
export type SavedViewDefinition = {
  title: string;
  default?: boolean;
  filter: PlanFilter;
  orderBy: PlanOrder[];
  /** Internal name of the field SharePoint groups the view by. */
  groupBy?: string;
  /** The columns SharePoint shows for the view, in order (LinkTitle is the title linked to the item). */
  fields?: string[];
};

const PLAN_ITEMS = 'Plan Items';

const filterSchema = z.strictObject({
  plan: z.string().optional(),
  ownerId: z.number().int().positive().optional(),
  ownerIsMe: z.boolean().optional(),
  ownerText: z.string().optional(),
  statuses: z.array(z.enum(STATUSES)).optional(),
  rags: z.array(z.enum(RAGS)).optional(),
  section: z.string().optional(),
  steeringGroup: z.string().optional(),
  dueFrom: z.string().refine(isIsoDate, 'a date such as 2024-05-31').optional(),
  dueTo: z.string().refine(isIsoDate, 'a date such as 2024-05-31').optional(),
  dueWithinDays: z.number().int().nonnegative().optional(),
  overdue: z.boolean().optional(),
  completed: z.boolean().optional(),
  lastUpdatedBefore: z.string().refine(isIsoDateTime, 'a date and time such as 2024-05-31T09:00:00Z').optional(),
  lastUpdatedFrom: z.string().refine(isIsoDateTime, 'a date and time such as 2024-05-31T09:00:00Z').optional(),
  text: z.string().optional(),
}) satisfies z.ZodType<PlanFilter>;

const viewSchema = z.strictObject({
  title: z.string().min(1),
  default: z.boolean().optional(),
  filter: filterSchema,
  orderBy: z.array(z.strictObject({ field: z.enum(PLAN_ORDER_FIELDS), ascending: z.boolean() })).default([]),
  groupBy: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an internal field name').optional(),
  fields: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an internal field name')).optional(),
});

const manifestSchema = z.object({
  lists: z.array(z.object({ title: z.string(), views: z.array(z.unknown()).default([]) })),
});

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.join('.') : 'the view';
  return `${where}: ${issue.message}`;
}

/**
 * The validated views of the Plan Items list in a parsed manifest/lists.json. Throws an
 * error naming the view and the field that is wrong, so an admin who customised the
 * manifest knows what to fix.
 */
export function planItemViews(manifest: unknown): SavedViewDefinition[] {
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) throw new Error(`manifest/lists.json is not a lists manifest (${describeIssue(parsed.error.issues[0])}).`);
  const list = parsed.data.lists.find((l) => l.title === PLAN_ITEMS);
  if (!list) throw new Error(`manifest/lists.json has no '${PLAN_ITEMS}' list; add it, or restore the manifest from the release.`);
  return list.views.map((raw, index) => {
    const result = viewSchema.safeParse(raw);
    if (result.success) return result.data;
    const title = typeof (raw as { title?: unknown })?.title === 'string' ? `'${(raw as { title: string }).title}'` : `number ${index + 1}`;
    throw new Error(`View ${title} of '${PLAN_ITEMS}' in manifest/lists.json is not valid: ${result.error.issues.map(describeIssue).join('; ')}.`);
  });
}

/**
 * The `<View>` XML SharePoint is given when the view is provisioned: Where and OrderBy.
 * Grouping and the row limit are view properties the provisioner sets itself.
 */
export function savedViewToViewXml(def: SavedViewDefinition): string {
  return toViewXml(def.filter, def.orderBy);
}

/** The filter and sort order the tab runs for a saved view (with `repository.query`). */
export function savedViewToQuery(def: SavedViewDefinition): { filter: PlanFilter; orderBy: PlanOrder[]; groupBy?: string } {
  const query: { filter: PlanFilter; orderBy: PlanOrder[]; groupBy?: string } = {
    filter: { ...def.filter },
    orderBy: def.orderBy.map((o) => ({ ...o })),
  };
  if (def.groupBy) query.groupBy = def.groupBy;
  return query;
}
