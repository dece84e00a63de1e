import type { IsoDate, Person, PlanItem, Status } from './plan-item';
import { formatUkDate } from './uk-dates';

/** A manager's change to an action's own fields; only what is set changes. */
export type ActionEdit = {
  title?: string;
  actionDetails?: string;
  section?: string;
  /** The resolved owner (a site user), or null to clear it. */
  owner?: Person | null;
  /** The owner as written (a board, a team, a post). */
  ownerText?: string;
  dueDate?: IsoDate | null;
  /** Why the due date moves: required when it does (steering groups ask). */
  dueReason?: string;
  measure?: string;
  resource?: string;
};

/** A bulk change to selected rows (owner, status, due date, steering group). */
export type BulkEdit = { owner?: Person | null; ownerText?: string; status?: Status; dueDate?: IsoDate | null; dueReason?: string; steeringGroup?: string };

/** Which input a message belongs to. */
export type EditErrors = Partial<Record<keyof ActionEdit | 'form', string>>;

/** Checks an edit: a title, at most 255 characters, and a reason whenever the due date moves. */
export function checkEdit(item: PlanItem, edit: ActionEdit): EditErrors {
  const errors: EditErrors = {};
  if (edit.title !== undefined && !edit.title.trim()) errors.title = 'Enter a title for the action.';
  if (edit.title !== undefined && edit.title.trim().length > 255) errors.title = `Shorten the title to 255 characters (it has ${edit.title.trim().length}); put the full text in Details.`;
  if (edit.dueDate !== undefined && edit.dueDate !== item.dueDate && !edit.dueReason?.trim()) {
    errors.dueReason = 'Say why the due date changes; the steering group sees this.';
  }
  if (!Object.keys(changedFields(item, edit)).length) errors.form = 'Nothing has changed: change a field, or close the form.';
  return errors;
}

/** Only the fields the edit really changes. */
export function changedFields(item: PlanItem, edit: ActionEdit | BulkEdit): Partial<PlanItem> {
  const out: Partial<PlanItem> = {};
  const set = <K extends keyof PlanItem>(key: K, value: PlanItem[K] | undefined) => {
    if (value !== undefined && value !== item[key]) out[key] = value;
  };
  const e = edit as ActionEdit & BulkEdit;
  set('title', e.title?.trim());
  set('actionDetails', e.actionDetails);
  set('section', e.section?.trim());
  if (e.owner !== undefined && (e.owner?.id ?? null) !== (item.owner?.id ?? null)) out.owner = e.owner;
  set('ownerText', e.ownerText?.trim());
  set('dueDate', e.dueDate);
  set('measure', e.measure);
  set('resource', e.resource);
  set('status', e.status);
  set('steeringGroup', e.steeringGroup?.trim());
  return out;
}

const LABELS: Partial<Record<keyof PlanItem, string>> = {
  title: 'Title', actionDetails: 'Details', section: 'Section', owner: 'Owner', ownerText: 'Owner (as written)', dueDate: 'Due date',
  measure: 'Measure', resource: 'Resource', status: 'Status', steeringGroup: 'Steering group',
};

const shown = (key: keyof PlanItem, value: unknown): string => {
  if (value === null || value === undefined || value === '') return 'none';
  if (key === 'dueDate') return formatUkDate(value as IsoDate);
  if (key === 'owner') return (value as Person).title;
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/**
 * The history line of an edit, in words with UK dates: "Edited: Owner: none → Sam Jones;
 * Due date: 31/03/2027 → 30/06/2027 (reason: …)". Every change leaves this trace.
 */
export function describeEdit(item: PlanItem, edit: ActionEdit | BulkEdit): string {
  const changes = changedFields(item, edit);
  const parts = (Object.keys(changes) as (keyof PlanItem)[]).map((key) => `${LABELS[key] ?? key}: ${shown(key, item[key])} → ${shown(key, changes[key])}`);
  const reason = 'dueDate' in changes && edit.dueReason?.trim() ? ` (reason: ${edit.dueReason.trim()})` : '';
  return `Edited: ${parts.join('; ')}${reason}`;
}
