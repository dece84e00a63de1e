import type { PlanItem } from './plan-item';
import type { PlanOrder } from './ports';

const ORDER_KEYS: Record<PlanOrder['field'], (item: PlanItem) => string | number> = {
  ID: (i) => i.id,
  DueDate: (i) => i.dueDate ?? '',
  Title: (i) => i.title.toLowerCase(),
  Section: (i) => i.section.toLowerCase(),
  ActionRef: (i) => i.actionRef.toLowerCase(),
  Modified: (i) => i.lastUpdated ?? '',
  LastUpdated: (i) => i.lastUpdated ?? '',
};

/**
 * Sorts in memory as SharePoint orders a query: empty values first when ascending,
 * text case-insensitively, then by ID — for rows filtered here after a list scan.
 */
export function sortLikeSharePoint(items: readonly PlanItem[], orderBy: readonly PlanOrder[]): PlanItem[] {
  return [...items].sort((a, b) => {
    for (const { field, ascending } of orderBy) {
      const ka = ORDER_KEYS[field](a);
      const kb = ORDER_KEYS[field](b);
      if (ka !== kb) return (ka < kb ? -1 : 1) * (ascending ? 1 : -1);
    }
    return a.id - b.id;
  });
}
