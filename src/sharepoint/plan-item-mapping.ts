import type { IsoDate, NewPlanItem, Person, PlanItem, ProgressUpdate, Rag, Status } from '../domain/plan-item';
import { planActionKey } from '../domain/plan-action-key';

/** The Plan Items fields every query selects (internal names). */
export const PLAN_ITEM_SELECT = [
  'ID', 'Title', 'Plan', 'Section', 'ActionRef', 'ActionDetails', 'OwnerId', 'Owner/Id', 'Owner/Title', 'Owner/EMail', 'Owner/Name',
  'OwnerText', 'Resource', 'StartDate', 'DueDate', 'DueText', 'Ongoing', 'Status', 'RAG', 'PercentComplete',
  'LatestUpdate', 'LastUpdated', 'Measure', 'SteeringGroup', 'CompletedDate',
];

/** The Progress Updates fields every history query selects. */
export const PROGRESS_UPDATE_SELECT = [
  'ID', 'PlanItemId', 'Status', 'RAG', 'PreviousStatus', 'PreviousRAG', 'PercentComplete', 'Comment', 'RevisedDueDate',
  'UpdatedAt', 'Created', 'Author/Id', 'Author/Title', 'Author/EMail',
];

type SpRow = Record<string, unknown>;

/** A list value as text: '' for null or missing. */
export const text = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const numberOr = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** `2024-05-31T00:00:00Z` (SharePoint) → `2024-05-31`; date-only fields carry no time. */
export function toIsoDate(v: unknown): IsoDate | null {
  return typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : null;
}

/** `2024-05-31` → `2024-05-31T00:00:00Z`, how SharePoint takes a date-only value. */
export function fromIsoDate(d: IsoDate | null | undefined): string | null {
  return d ? `${d}T00:00:00Z` : null;
}

function person(v: unknown): Person | null {
  if (!v || typeof v !== 'object') return null;
  const p = v as SpRow;
  const id = numberOr(p.Id ?? p.ID, 0);
  if (!id) return null;
  return { id, title: text(p.Title), email: text(p.EMail ?? p.Email) || null, upn: upnOfLoginName(text(p.Name)) };
}

/** `i:0#.f|membership|jane@contoso.onmicrosoft.com` → the UPN; null for other claims (groups, system accounts). */
export function upnOfLoginName(loginName: string): string | null {
  const match = /^i:0#\.f\|membership\|(.+@.+)$/i.exec(loginName.trim());
  return match ? match[1] : null;
}

/** The ETag as the server sent it: minimal metadata (`odata.etag`) or verbose (`__metadata.etag`). */
export function etagOf(row: SpRow): string {
  const meta = row.__metadata as SpRow | undefined;
  return text(row['odata.etag'] ?? meta?.etag ?? '*');
}

/** A Plan Items row → the domain's PlanItem. */
export function toPlanItem(row: SpRow): PlanItem {
  return {
    id: numberOr(row.ID ?? row.Id, 0),
    etag: etagOf(row),
    title: text(row.Title),
    plan: text(row.Plan),
    section: text(row.Section),
    actionRef: text(row.ActionRef),
    actionDetails: text(row.ActionDetails),
    owner: person(row.Owner),
    ownerText: text(row.OwnerText),
    resource: text(row.Resource),
    startDate: toIsoDate(row.StartDate),
    dueDate: toIsoDate(row.DueDate),
    dueText: text(row.DueText),
    ongoing: row.Ongoing === true,
    status: (text(row.Status) || 'Not started') as Status,
    rag: (text(row.RAG) || null) as Rag | null,
    percentComplete: numberOr(row.PercentComplete, 0),
    latestUpdate: text(row.LatestUpdate),
    lastUpdated: typeof row.LastUpdated === 'string' ? row.LastUpdated : null,
    measure: text(row.Measure),
    steeringGroup: text(row.SteeringGroup),
    completedDate: toIsoDate(row.CompletedDate),
  };
}

/** Domain field names → SharePoint internal names, for writes. */
const FIELD_NAMES: Record<string, string> = {
  title: 'Title', plan: 'Plan', section: 'Section', actionRef: 'ActionRef', actionDetails: 'ActionDetails',
  ownerText: 'OwnerText', resource: 'Resource', dueText: 'DueText', ongoing: 'Ongoing', status: 'Status', rag: 'RAG',
  percentComplete: 'PercentComplete', latestUpdate: 'LatestUpdate', lastUpdated: 'LastUpdated', measure: 'Measure',
  steeringGroup: 'SteeringGroup', ownerId: 'OwnerId',
};
const DATE_FIELDS: Record<string, string> = { startDate: 'StartDate', dueDate: 'DueDate', completedDate: 'CompletedDate' };

/** A partial domain item → the body of a SharePoint add or MERGE. Unknown keys are ignored. */
export function toSpFields(fields: Partial<NewPlanItem & PlanItem>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key in DATE_FIELDS) out[DATE_FIELDS[key]] = fromIsoDate(value as IsoDate | null);
    else if (key === 'owner') out.OwnerId = (value as Person | null)?.id ?? null;
    else if (key === 'title') out.Title = text(value).slice(0, 255);
    else if (key in FIELD_NAMES) out[FIELD_NAMES[key]] = value;
  }
  // Every write that names an action's plan and ref carries its unique key, so SharePoint
  // refuses a second item with the same ActionRef in one plan (two imports at once).
  if (typeof fields.plan === 'string' && typeof fields.actionRef === 'string' && fields.actionRef) {
    out.PlanActionKey = planActionKey(fields.plan, fields.actionRef);
  }
  return out;
}

/** A Progress Updates row → the domain's ProgressUpdate. */
export function toProgressUpdate(row: SpRow): ProgressUpdate {
  return {
    id: numberOr(row.ID ?? row.Id, 0),
    planItemId: numberOr(row.PlanItemId, 0),
    status: (text(row.Status) || 'Not started') as Status,
    rag: (text(row.RAG) || null) as Rag | null,
    percentComplete: numberOr(row.PercentComplete, 0),
    comment: text(row.Comment),
    author: person(row.Author),
    created: text(row.UpdatedAt ?? row.Created),
    dueDate: toIsoDate(row.RevisedDueDate),
    previousStatus: (text(row.PreviousStatus) || null) as Status | null,
    previousRag: (text(row.PreviousRAG) || null) as Rag | null,
  };
}
