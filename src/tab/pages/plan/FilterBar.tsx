import { Button, Checkbox, Field, SearchBox, Select } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { RAGS, STATUSES, type Person } from '../../../domain/plan-item';
import type { SavedViewDefinition } from '../../../domain/saved-views';
import { barToFilter, DUE_WINDOWS, emptyBar, type GroupBy, type PlanBarFilter, type PlanViewState } from './plan-state';
import { useFilterBarStyles } from './useFilterBarStyles.styles';
import { UkDatePicker } from '../../components/UkDatePicker';
import { useNarrow } from '../../components/useNarrow';

/** Props of the filter bar. */
export type FilterBarProps = {
  state: PlanViewState;
  views: readonly SavedViewDefinition[];
  owners: readonly Person[];
  sections: readonly string[];
  onChange(next: PlanViewState): void;
};

/** How long typing must pause before the text filter runs on the server. */
const TEXT_DEBOUNCE_MS = 300;

const GROUP_LABELS: Record<GroupBy, string> = { section: 'Section', owner: 'Owner', rag: 'RAG', none: 'No grouping' };

/** The choices with one switched on or off, kept in their canonical order. */
function toggled<T extends string>(all: readonly T[], current: readonly T[], value: T, on: boolean): T[] {
  return all.filter((v) => (v === value ? on : current.includes(v)));
}

/** Free text typed locally, sent on after a pause (or at once on Enter). */
function useDebouncedText(value: string, commit: (text: string) => void) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => setText(value), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const change = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commitRef.current(next), TEXT_DEBOUNCE_MS);
  };
  const flush = () => { clearTimeout(timer.current); commitRef.current(text); };
  return { text, change, flush };
}

/** The plan view's filters: saved view, owner, status, RAG, section, due window, overdue, text, grouping. */
export function FilterBar({ state, views, owners, sections, onChange }: FilterBarProps) {
  const styles = useFilterBarStyles();
  const setBar = (patch: Partial<PlanBarFilter>) => onChange({ ...state, bar: { ...state.bar, ...patch } });
  const search = useDebouncedText(state.bar.text, (text) => { if (text !== state.bar.text) setBar({ text }); });
  const narrow = useNarrow();
  const [open, setOpen] = useState(false);
  const active = Object.keys(barToFilter(state.bar)).length;

  // On a narrow screen the bar would be two screens tall: it folds behind one button that counts what is set.
  if (narrow && !open) {
    return (
      <div className={styles.bar}>
        <Button aria-expanded={false} aria-controls="plan-filters" onClick={() => setOpen(true)}>
          Filters{active ? ` (${active} active)` : ''}
        </Button>
      </div>
    );
  }
  return (
    <>
      {narrow && (
        <div className={styles.bar}>
          <Button aria-expanded aria-controls="plan-filters" onClick={() => setOpen(false)}>Hide filters{active ? ` (${active} active)` : ''}</Button>
        </div>
      )}
      <div id="plan-filters" className={styles.bar} role="search" aria-label="Filter the plan">
        <Field label="View">
          <Select value={state.view} onChange={(_, d) => onChange({ ...state, view: d.value, bar: emptyBar(), group: undefined })}>
            {views.map((v) => <option key={v.title} value={v.title}>{v.title}</option>)}
          </Select>
        </Field>
        <Field label="Owner">
          <Select value={state.bar.ownerId === undefined ? '' : String(state.bar.ownerId)}
            onChange={(_, d) => setBar({ ownerId: d.value ? Number(d.value) : undefined })}>
            <option value="">Anyone</option>
            {owners.map((o) => <option key={o.id} value={String(o.id)}>{o.title}</option>)}
          </Select>
        </Field>
        <fieldset className={styles.choices}>
          <legend className={styles.legend}>Status</legend>
          {STATUSES.map((status) => (
            <Checkbox key={status} label={status} checked={state.bar.statuses.includes(status)}
              onChange={(_, d) => setBar({ statuses: toggled(STATUSES, state.bar.statuses, status, d.checked === true) })} />
          ))}
        </fieldset>
        <fieldset className={styles.choices}>
          <legend className={styles.legend}>RAG</legend>
          {RAGS.map((rag) => (
            <Checkbox key={rag} label={rag} checked={state.bar.rags.includes(rag)}
              onChange={(_, d) => setBar({ rags: toggled(RAGS, state.bar.rags, rag, d.checked === true) })} />
          ))}
        </fieldset>
        <Field label="Section">
          <Select value={state.bar.section ?? ''} onChange={(_, d) => setBar({ section: d.value || undefined })}>
            <option value="">All sections</option>
            {sections.map((s) => <option key={s} value={s}>{s}</option>)}
          </Select>
        </Field>
        <Field label="Due">
          <Select value={state.bar.dueWithinDays === undefined ? '' : String(state.bar.dueWithinDays)}
            onChange={(_, d) => setBar({ dueWithinDays: d.value ? Number(d.value) : undefined })}>
            <option value="">Any time</option>
            {DUE_WINDOWS.map((n) => <option key={n} value={String(n)}>In the next {n} days</option>)}
          </Select>
        </Field>
        <Field label="Due from">
          <UkDatePicker value={state.bar.dueFrom} onChange={(date) => setBar({ dueFrom: date })} />
        </Field>
        <Field label="Due to">
          <UkDatePicker value={state.bar.dueTo} onChange={(date) => setBar({ dueTo: date })} />
        </Field>
        <Checkbox className={styles.checkbox} label="Overdue only" checked={state.bar.overdue} onChange={(_, d) => setBar({ overdue: d.checked === true })} />
        <Field label="Search actions">
          <SearchBox value={search.text} onChange={(_, d) => search.change(d.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') search.flush(); }} />
        </Field>
        <Field label="Group by">
          <Select value={state.group ?? ''} onChange={(_, d) => onChange({ ...state, group: (d.value || undefined) as GroupBy | undefined })}>
            <option value="">As the view groups</option>
            {(Object.keys(GROUP_LABELS) as GroupBy[]).map((g) => <option key={g} value={g}>{GROUP_LABELS[g]}</option>)}
          </Select>
        </Field>
        <Button className={styles.clear} appearance="secondary" onClick={() => onChange({ ...state, bar: emptyBar(), group: undefined })}>Clear filters</Button>
      </div>
    </>
  );
}
