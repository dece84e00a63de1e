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

const deletedListeners = new Set<(itemId: number) => void>();

/** A manager deleted an action (to the recycle bin): every page drops its row. */
export function announceItemDeleted(itemId: number): void {
  for (const listener of deletedListeners) listener(itemId);
}

/** Subscribes to deleted items; returns the unsubscribe. */
export function onItemDeleted(listener: (itemId: number) => void): () => void {
  deletedListeners.add(listener);
  return () => deletedListeners.delete(listener);
}
