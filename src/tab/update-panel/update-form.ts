import type { IsoDate, PlanItem, Rag, Status, StatusUpdate } from '../../domain/plan-item';
import { formatUkDate } from '../../domain/uk-dates';

/** The update panel's fields as the user types them (strings until saved). */
export type UpdateForm = {
  status: Status;
  rag: Rag | '';
  percent: string;
  note: string;
  reviseDueDate: boolean;
  dueDate: IsoDate | '';
  reason: string;
};

/** Which field a validation message belongs to. */
export type FormField = 'status' | 'rag' | 'percent' | 'note' | 'dueDate' | 'reason' | 'form';

export type FormErrors = Partial<Record<FormField, string>>;

/** A fresh form for an item: its current values and an empty note. */
export function formFor(item: PlanItem): UpdateForm {
  return {
    status: item.status,
    rag: item.rag ?? '',
    percent: String(item.percentComplete),
    note: '',
    reviseDueDate: false,
    dueDate: item.dueDate ?? '',
    reason: '',
  };
}

/** Checks only what the domain cannot see: the raw inputs and the reason for a new date. */
export function checkInputs(form: UpdateForm): FormErrors {
  const errors: FormErrors = {};
  const percent = form.percent.trim();
  if (!/^\d{1,3}$/.test(percent) || Number(percent) > 100) errors.percent = 'Enter a whole number from 0 to 100.';
  if (form.reviseDueDate) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.dueDate)) errors.dueDate = 'Enter the new due date.';
    if (!form.reason.trim()) errors.reason = 'Say why the due date changes; the steering group sees this.';
  }
  return errors;
}

/** The form as the domain's StatusUpdate; the reason for a new date goes into the note. */
export function toStatusUpdate(form: UpdateForm): StatusUpdate {
  const note = form.note.trim();
  const reason = form.reviseDueDate && form.reason.trim() ? `Due date revised to ${formatUkDate(form.dueDate)}: ${form.reason.trim()}` : '';
  return {
    status: form.status,
    rag: form.rag || null,
    percentComplete: Number(form.percent.trim()),
    comment: [note, reason].filter(Boolean).join('\n\n'),
    ...(form.reviseDueDate ? { dueDate: form.dueDate || null } : {}),
  };
}

/** Maps a domain validation field (a StatusUpdate key) to the input that shows it. */
export function fieldOf(domainField: string): FormField {
  switch (domainField) {
    case 'status': return 'status';
    case 'rag': return 'rag';
    case 'percentComplete': return 'percent';
    case 'comment': return 'note';
    case 'dueDate': return 'dueDate';
    default: return 'form';
  }
}
