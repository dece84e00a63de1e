import { useCallback, useEffect, useState } from 'react';
import { explainError, type PlainError } from '../errors';
import type { IsoDate, PlanItem } from '../../domain/plan-item';
import { compareForMyActions } from '../../domain/rules';
import { onItemDeleted, onItemSaved } from '../session/item-events';
import type { TabSession } from '../session/tab-session';

export type MyActionsState =
  | { state: 'loading' }
  | { state: 'ready'; items: PlanItem[] }
  | { state: 'failed'; message: PlainError };

/** The signed-in user's actions, overdue first then by due date, kept fresh after saves. */
export function useMyActions(session: TabSession, today: IsoDate): MyActionsState & { reload(): void } {
  const [state, setState] = useState<MyActionsState>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ state: 'loading' });
    // One request: an indexed filter on Owner, ordered by DueDate on the server; the
    // overdue-first order is the domain's, applied to the rows we got.
    session.site.plans
      .query({ ownerId: session.me.id }, { today, orderBy: [{ field: 'DueDate', ascending: true }] })
      .then(
        (items) => { if (live) setState({ state: 'ready', items: [...items].sort((a, b) => compareForMyActions(a, b, today)) }); },
        (error: unknown) => { if (live) setState({ state: 'failed', message: explainError(error) }); },
      );
    return () => { live = false; };
  }, [session, today, generation]);

  useEffect(() => onItemSaved((saved) => {
    setState((current) => {
      if (current.state !== 'ready') return current;
      const items = current.items.map((item) => (item.id === saved.id ? saved : item));
      return { state: 'ready', items: items.sort((a, b) => compareForMyActions(a, b, today)) };
    });
  }), [today]);

  useEffect(() => onItemDeleted((id) => {
    setState((current) => (current.state === 'ready' ? { state: 'ready', items: current.items.filter((item) => item.id !== id) } : current));
  }), []);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
