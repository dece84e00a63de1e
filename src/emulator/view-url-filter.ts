import { parseUrlFilterParams, type UrlFilterCondition } from '../domain/view-url-filters';
import { spErrors } from './sp-error';
import type { FieldRecord } from './store/list-catalog';

/**
 * The filter parameters of a view page's URL (`FilterField1=RAG&FilterValue1=Red`,
 * `FilterFields1=RAG&FilterValues1=Red;#Amber`, `FilterOp1=Lt`, `FilterLookupId1=1`) as
 * CAML, ANDed with the view's own `<Where>` — how SharePoint narrows a view from its URL.
 */

const VALUE_TYPES: Record<string, string> = { datetime: 'DateTime', number: 'Number', counter: 'Counter', boolean: 'Boolean', user: 'User', choice: 'Choice' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function conditionCaml(condition: UrlFilterCondition, field: FieldRecord): string {
  const lookupId = field.kind === 'user' && condition.lookupId ? ' LookupId="TRUE"' : '';
  const ref = `<FieldRef Name="${field.internalName}"${lookupId}/>`;
  const type = condition.type ?? VALUE_TYPES[field.kind] ?? 'Text';
  const value = (v: string) => `<Value Type="${type}">${escapeXml(v)}</Value>`;
  if (condition.values.length > 1) return `<In>${ref}<Values>${condition.values.map(value).join('')}</Values></In>`;
  const op = condition.op ?? 'Eq';
  // An empty FilterValue is how SharePoint links ask for blank values.
  if (condition.values[0] === '' && op === 'Eq') return `<IsNull>${ref}</IsNull>`;
  return `<${op}>${ref}${value(condition.values[0])}</${op}>`;
}

/** The view's `<Query>` with the URL's filters ANDed into its `<Where>`, and each filter described for the page. */
export function applyUrlFilters(viewQuery: string, params: URLSearchParams, fields: FieldRecord[]): { viewQuery: string; described: string[] } {
  const conditions = parseUrlFilterParams(params);
  if (conditions.length === 0) return { viewQuery, described: [] };
  const parts = conditions.map((condition) => {
    const field = fields.find((f) => f.internalName.toLowerCase() === condition.field.toLowerCase());
    if (!field) throw spErrors.fieldNotFound(condition.field, 'this view');
    return { caml: conditionCaml(condition, field), field };
  });
  const where = /<Where>([\s\S]*)<\/Where>/.exec(viewQuery);
  const all = [...(where ? [where[1]] : []), ...parts.map((p) => p.caml)];
  const combined = all.reduce((acc, next) => `<And>${acc}${next}</And>`);
  const rest = viewQuery.replace(/<Where>[\s\S]*<\/Where>/, '');
  const described = conditions.map((c, i) => `${parts[i].field.title} ${describeOp(c)} ${c.values.map((v) => (v === '' ? '(blank)' : v)).join(' or ')}`);
  return { viewQuery: `<Where>${combined}</Where>${rest}`, described };
}

function describeOp(condition: UrlFilterCondition): string {
  switch (condition.op) {
    case 'Geq': return 'on or after';
    case 'Leq': return 'on or before';
    case 'Lt': return 'before';
    default: return condition.lookupId ? 'is user' : 'is';
  }
}
