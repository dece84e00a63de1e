import { z } from 'zod';

/** The field types manifest/lists.json may declare. */
export const FIELD_TYPES = ['text', 'note', 'number', 'boolean', 'date', 'datetime', 'choice', 'user'] as const;

const fieldSchema = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an internal name: letters, digits and _ only'),
  type: z.enum(FIELD_TYPES),
  builtIn: z.boolean().optional(),
  indexed: z.boolean().optional(),
  unique: z.boolean().optional(),
  choices: z.array(z.string()).optional(),
  default: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

const viewSchema = z.object({
  title: z.string().min(1),
  default: z.boolean().optional(),
  filter: z.record(z.string(), z.unknown()),
  orderBy: z.array(z.object({ field: z.string(), ascending: z.boolean() })).default([]),
  groupBy: z.string().optional(),
  /** The columns the view shows, in order: internal names, or LinkTitle for the title linked to the item. */
  fields: z.array(z.string().min(1)).optional(),
});

const listSchema = z.object({
  title: z.string().min(1),
  description: z.string().default(''),
  fields: z.array(fieldSchema),
  views: z.array(viewSchema).default([]),
});

/** The shape of manifest/lists.json. */
export const manifestSchema = z.object({ $schema: z.string().optional(), lists: z.array(listSchema) });

export type ListsManifest = z.infer<typeof manifestSchema>;
export type ListDefinition = z.infer<typeof listSchema>;
export type FieldDefinition = z.infer<typeof fieldSchema>;
export type ViewDefinition = z.infer<typeof viewSchema>;

/** Columns every SharePoint list has besides its declared fields: the linked title and the built-in fields. */
export const VIEW_ONLY_COLUMNS = ['LinkTitle', 'LinkTitleNoMenu', 'ID', 'Title', 'Created', 'Modified', 'Author', 'Editor'] as const;

/** Validates a parsed manifest, naming the first thing wrong and where. */
export function parseListsManifest(json: unknown, source = 'manifest/lists.json'): ListsManifest {
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${source} is not valid: ${issue.path.join('.')} — ${issue.message}. Fix the file and run again.`);
  }
  for (const list of result.data.lists) {
    for (const field of list.fields) {
      if (field.unique && !field.indexed) throw new Error(`${source}: field '${field.name}' of '${list.title}' is unique but not indexed; SharePoint requires an index for unique values.`);
      if (field.type === 'choice' && !field.choices?.length) throw new Error(`${source}: choice field '${field.name}' of '${list.title}' has no choices.`);
    }
    const known = new Set([...VIEW_ONLY_COLUMNS, ...list.fields.map((f) => f.name)]);
    for (const view of list.views) {
      const unknown = (view.fields ?? []).find((name) => !known.has(name));
      if (unknown) throw new Error(`${source}: view '${view.title}' of '${list.title}' shows the column '${unknown}', which the list does not declare. Use a field name of the list, or LinkTitle for the linked title.`);
    }
  }
  return result.data;
}

/** SharePoint's FieldTypeKind for each manifest type. */
export const FIELD_TYPE_KIND: Record<FieldDefinition['type'], number> = {
  text: 2, note: 3, number: 9, boolean: 8, date: 4, datetime: 4, choice: 6, user: 20,
};
