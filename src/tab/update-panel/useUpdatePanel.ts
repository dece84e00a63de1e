import { explainError } from '../errors';
import { useCallback, useEffect, useState } from 'react';
import type { PlanItem, ProgressUpdate } from '../../domain/plan-item';
import { ConflictError } from '../../domain/ports';
import { describeChanges, validateUpdate } from '../../domain/update-rules';
import { announceItemSaved } from '../session/item-events';
import { prepareForWrites, type TabSession } from '../session/tab-session';
import { checkInputs, fieldOf, formFor, toStatusUpdate, type FormErrors, type UpdateForm } from './update-form';

/** A field someone else changed while this user was editing. */
export type OtherChange = { field: string; label: string; from: string; to: string };

export type Conflict = { current: PlanItem; changes: OtherChange[] };

export type PanelState = {
  load: 'loading' | 'ready' | 'failed';
  loadError: string;
  item: PlanItem | null;
  form: UpdateForm | null;
  errors: FormErrors;
  saving: boolean;
  /** Announced after a save, cleared on the next edit. */
  saved: boolean;
  conflict: Conflict | null;
  history: ProgressUpdate[] | null;
};

const initial: PanelState = {
  load: 'loading', loadError: '', item: null, form: null, errors: {}, saving: false, saved: false, conflict: null, history: null,
};

/** The fields of `mine` that differ from `base`, laid over `theirs`. */
export function mergeEdits(base: UpdateForm, mine: UpdateForm, theirs: UpdateForm): UpdateForm {
  const merged: UpdateForm = { ...theirs };
  for (const key of Object.keys(mine) as (keyof UpdateForm)[]) {
    if (mine[key] !== base[key]) (merged as Record<keyof UpdateForm, unknown>)[key] = mine[key];
  }
  return merged;
}

const messageOf = (error: unknown) => explainError(error).message;

/** State and actions of the update panel for one action. */
export function useUpdatePanel(session: TabSession, itemId: number) {
  const [state, setState] = useState<PanelState>(initial);

  const loadHistory = useCallback(() => {
    session.site.plans.history(itemId).then(
      (history) => setState((s) => ({ ...s, history })),
      () => setState((s) => ({ ...s, history: [] })),
    );
  }, [session, itemId]);

  useEffect(() => {
    let live = true;
    setState(initial);
    // Always read the item afresh: its ETag is what a save will be checked against.
    session.site.plans.getById(itemId).then(
      (item) => { if (live) setState((s) => ({ ...s, load: 'ready', item, form: formFor(item) })); },
      (error: unknown) => { if (live) setState((s) => ({ ...s, load: 'failed', loadError: messageOf(error) })); },
    );
    loadHistory();
    prepareForWrites(session);
    return () => { live = false; };
  }, [session, itemId, loadHistory]);

  /** Changes one field; Completed implies 100%. */
  const setField = useCallback(<K extends keyof UpdateForm>(field: K, value: UpdateForm[K]) => {
    setState((s) => {
      if (!s.form) return s;
      const form = { ...s.form, [field]: value };
      if (field === 'status' && value === 'Completed') form.percent = '100';
      const errors = { ...s.errors };
      delete errors[field as keyof FormErrors];
      delete errors.form;
      return { ...s, form, errors, saved: false };
    });
  }, []);

  /** Validates and saves on top of `base` (the item as read, or as it now is after a conflict). */
  const saveOnto = useCallback(async (base: PlanItem, form: UpdateForm) => {
    const inputErrors = checkInputs(form);
    const update = toStatusUpdate(form);
    const errors: FormErrors = { ...inputErrors };
    if (Object.keys(inputErrors).length === 0) {
      for (const problem of validateUpdate(base, update)) errors[fieldOf(problem.field)] ??= problem.message;
    }
    if (Object.keys(errors).length > 0) {
      setState((s) => ({ ...s, errors }));
      return;
    }
    setState((s) => ({ ...s, saving: true, errors: {}, saved: false }));
    try {
      const updated = await session.site.plans.updateStatus(base, update, new Date().toISOString());
      announceItemSaved(updated);
      setState((s) => ({ ...s, saving: false, saved: true, conflict: null, item: updated, form: formFor(updated) }));
      loadHistory();
    } catch (error) {
      if (error instanceof ConflictError) {
        const changes = describeChanges(base, error.current);
        setState((s) => ({ ...s, saving: false, conflict: { current: error.current, changes } }));
      } else {
        setState((s) => ({ ...s, saving: false, errors: { form: `Your update was not saved: ${messageOf(error)} Try again in a moment.` } }));
      }
    }
  }, [session, loadHistory]);

  const save = useCallback(() => {
    if (state.item && state.form && !state.saving) void saveOnto(state.item, state.form);
  }, [state.item, state.form, state.saving, saveOnto]);

  /**
   * Re-applies what this user changed — only the fields they edited — on top of the
   * other person's version, so their change to other fields survives.
   */
  const reapply = useCallback(() => {
    if (!state.conflict || !state.form || !state.item) return;
    const current = state.conflict.current;
    const merged = mergeEdits(formFor(state.item), state.form, formFor(current));
    setState((s) => ({ ...s, item: current, form: merged }));
    void saveOnto(current, merged);
  }, [state.conflict, state.form, state.item, saveOnto]);

  /** Drops the user's update and shows the item as it now is. */
  const discard = useCallback(() => {
    if (!state.conflict) return;
    const current = state.conflict.current;
    announceItemSaved(current);
    setState((s) => ({ ...s, item: current, form: formFor(current), conflict: null, errors: {} }));
    loadHistory();
  }, [state.conflict, loadHistory]);

  /** Reads the action and its history again (after a manager's edit) and tells every page. */
  const reload = useCallback(async () => {
    const item = await session.site.plans.getById(itemId);
    announceItemSaved(item);
    setState((s) => ({ ...s, item, form: formFor(item), conflict: null, saved: false }));
    loadHistory();
  }, [session, itemId, loadHistory]);

  return { ...state, setField, save, reapply, discard, reload };
}
