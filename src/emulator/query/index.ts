/** The query languages of the embedded SharePoint server: OData and CAML parsers, the SQL compiler, the threshold rule. */
export * from './ast';
export { parseODataFilter } from './odata-filter';
export { parseODataExpand, parseODataOrderBy, parseODataSelect } from './odata-options';
export { compileFilterToSql, compileOrderByToSql, QueryTypeError } from './sql';
export type { FieldInfo, SqlContext, SqlFragment } from './sql';
export { indexedNarrowing } from './narrowing';
export { normalizeDateTime, todayPlus } from './dates';
export { parseCaml } from './caml';
export type { ParsedCaml } from './caml';
