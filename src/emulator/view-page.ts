import { toJsonValue } from './store/field-kinds';
import type { FieldRecord, ListRecord, ViewRecord } from './store/list-catalog';
import type { ItemRow } from './store/list-items';
import type { SiteUser } from './store/site-users';

/** Escapes text for HTML: every list value is shown as text, never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

function display(field: FieldRecord, row: ItemRow, userById: (id: number) => SiteUser | undefined): string {
  const value = toJsonValue(field.kind, row[field.internalName]);
  if (value === null) return '';
  if (field.kind === 'user') return userById(Number(value))?.title ?? '';
  if (field.kind === 'boolean') return value ? 'Yes' : 'No';
  if (field.kind === 'datetime') return Number(field.props.DisplayFormat ?? 1) === 0 ? String(value).slice(0, 10) : String(value);
  return String(value);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#242424}table{border-collapse:collapse}th,td{border:1px solid #d1d1d1;padding:.35rem .6rem;text-align:left;vertical-align:top}th{background:#f5f5f5}caption{text-align:left;font-weight:600;margin-bottom:.5rem}nav a{margin-right:1rem}</style>
</head><body>${body}</body></html>`;
}

// Computed columns SharePoint offers on every list: the title as a link to the item, and the edit link.
const COMPUTED_COLUMNS: Record<string, { title: string; shows: string }> = {
  LinkTitle: { title: 'Title', shows: 'Title' },
  LinkTitleNoMenu: { title: 'Title', shows: 'Title' },
  Edit: { title: 'Edit', shows: 'ID' },
};

/** The internal name a view column is known by (a field's internal name or title, or a computed column); undefined when the list has none. */
export function resolveViewField(fields: FieldRecord[], nameOrTitle: string): string | undefined {
  const computed = Object.keys(COMPUTED_COLUMNS).find((name) => name.toLowerCase() === nameOrTitle.toLowerCase());
  if (computed) return computed;
  const exact = fields.find((f) => f.internalName === nameOrTitle) ?? fields.find((f) => f.title === nameOrTitle);
  return (exact ?? fields.find((f) => f.internalName.toLowerCase() === nameOrTitle.toLowerCase() || f.title.toLowerCase() === nameOrTitle.toLowerCase()))?.internalName;
}

type Column = { title: string; field: FieldRecord; link: boolean };

/** The columns a view shows, in its order; a view with no columns still shows the title, so its rows can be opened. */
function viewColumns(view: ViewRecord, fields: FieldRecord[]): Column[] {
  const byName = (name: string) => fields.find((f) => f.internalName === name);
  const columns = view.viewFields.flatMap((name): Column[] => {
    const computed = COMPUTED_COLUMNS[name];
    const field = byName(computed ? computed.shows : name);
    return field ? [{ title: computed ? computed.title : field.title, field, link: computed !== undefined }] : [];
  });
  return columns.length > 0 ? columns : [{ title: 'Title', field: byName('Title')!, link: true }];
}

/** A view's rows as an accessible HTML table of the view's columns (the page, and `renderAsHtml`). */
export function renderViewTable(options: {
  view: ViewRecord;
  fields: FieldRecord[];
  rows: ItemRow[];
  itemUrl: (id: number) => string;
  userById: (id: number) => SiteUser | undefined;
  caption?: string;
}): string {
  const { rows } = options;
  const columns = viewColumns(options.view, options.fields);
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join('');
  const body = rows
    .map((row) => {
      const cells = columns.map((c) => {
        const text = escapeHtml(display(c.field, row, options.userById));
        return c.link ? `<td><a href="${escapeHtml(options.itemUrl(row.ID))}">${text || '(no title)'}</a></td>` : `<td>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const caption = options.caption ?? `${rows.length} item${rows.length === 1 ? '' : 's'}`;
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A view of a list as a plain, accessible HTML page (the local stand-in for SharePoint's view page). */
export function renderViewPage(options: {
  siteTitle: string;
  list: ListRecord;
  view: ViewRecord;
  views: { title: string; url: string }[];
  fields: FieldRecord[];
  rows: ItemRow[];
  itemUrl: (id: number) => string;
  userById: (id: number) => SiteUser | undefined;
  /** The URL's filter parameters, described ("RAG is Red"), when the link carried any. */
  urlFilters?: string[];
}): string {
  const { list, view, rows } = options;
  const filtered = options.urlFilters?.length ? ` filtered by ${options.urlFilters.join(' and ')}` : '';
  const table = renderViewTable({ ...options, caption: `${rows.length} item${rows.length === 1 ? '' : 's'}${filtered}` });
  const nav = options.views.map((v) => `<a href="${escapeHtml(v.url)}"${v.title === view.title ? ' aria-current="page"' : ''}>${escapeHtml(v.title)}</a>`).join('');
  return page(
    `${view.title} - ${list.title}`,
    `<header><p>${escapeHtml(options.siteTitle)} (embedded SharePoint)</p><h1>${escapeHtml(list.title)}: ${escapeHtml(view.title)}</h1><nav aria-label="Views">${nav}</nav></header>
<main>${table}</main>`,
  );
}

/** One item as an HTML definition list (DispForm.aspx). */
export function renderItemPage(options: { list: ListRecord; fields: FieldRecord[]; row: ItemRow; listUrl: string; userById: (id: number) => SiteUser | undefined }): string {
  const { list, fields, row } = options;
  const entries = fields
    .filter((f) => f.internalName !== 'ID')
    .map((f) => `<dt>${escapeHtml(f.title)}</dt><dd>${escapeHtml(display(f, row, options.userById)) || '&nbsp;'}</dd>`)
    .join('\n');
  const title = typeof row.Title === 'string' && row.Title ? row.Title : `Item ${row.ID}`;
  return page(`${title} - ${list.title}`, `<header><h1>${escapeHtml(title)}</h1><p><a href="${escapeHtml(options.listUrl)}">Back to ${escapeHtml(list.title)}</a></p></header><main><dl>\n${entries}\n</dl></main>`);
}
