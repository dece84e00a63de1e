import type { PlanItem } from '../../domain/plan-item';

type Listener = (item: PlanItem) => void;
const listeners = new Set<Listener>();

/**
 * The update panel is shared by every page (My actions now, the managers' Plan view
 * next), so a saved item is announced here and each page patches its own rows.
 */
export function announceItemSaved(item: PlanItem): void {
  for (const listener of listeners) listener(item);
}

/** Subscribes to saved items; returns the unsubscribe. */
export function onItemSaved(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
