import { RAGS, STATUSES, type IsoDate, type PlanItem } from '../../../domain/plan-item';
import { isOverdue } from '../../../domain/rules';
import { emptyBar, type PlanBarFilter } from '../plan/plan-state';

/** One bar: what it counts, how many, and the plan-view filter that shows those actions. */
export type CountBar = { label: string; count: number; filter: PlanBarFilter | null };

/** The Summary's four charts. */
export type PlanSummary = { total: number; overdue: number; byRag: CountBar[]; byStatus: CountBar[]; overdueByOwner: CountBar[]; overdueBySection: CountBar[] };

const bar = (patch: Partial<PlanBarFilter>): PlanBarFilter => ({ ...emptyBar(), ...patch });

const descending = (a: CountBar, b: CountBar) => b.count - a.count || a.label.localeCompare(b.label);

/**
 * Counts by RAG and status, and overdue actions by owner and by section (overdue as the
 * domain defines it). Each bar carries the filter that lists its actions in the plan view;
 * actions whose owner was never resolved to a person have no such filter.
 */
export function summarise(items: readonly PlanItem[], today: IsoDate): PlanSummary {
  const byRag: CountBar[] = RAGS.map((rag) => ({ label: rag, count: items.filter((i) => i.rag === rag).length, filter: bar({ rags: [rag] }) }));
  const unrated = items.filter((i) => i.rag === null).length;
  if (unrated) byRag.push({ label: 'Not set', count: unrated, filter: null });
  const byStatus: CountBar[] = STATUSES.map((status) => ({ label: status, count: items.filter((i) => i.status === status).length, filter: bar({ statuses: [status] }) }));

  const overdue = items.filter((i) => isOverdue(i, today));
  const owners = new Map<string, CountBar>();
  const sections = new Map<string, CountBar>();
  for (const item of overdue) {
    const ownerKey = item.owner ? `id:${item.owner.id}` : `text:${item.ownerText}`;
    const owner = owners.get(ownerKey) ?? {
      label: item.owner?.title || item.ownerText || 'No owner',
      count: 0,
      filter: item.owner ? bar({ ownerId: item.owner.id, overdue: true }) : null,
    };
    owner.count++;
    owners.set(ownerKey, owner);
    const section = sections.get(item.section) ?? { label: item.section || 'No section', count: 0, filter: item.section ? bar({ section: item.section, overdue: true }) : null };
    section.count++;
    sections.set(item.section, section);
  }
  return {
    total: items.length,
    overdue: overdue.length,
    byRag,
    byStatus,
    overdueByOwner: [...owners.values()].sort(descending),
    overdueBySection: [...sections.values()].sort(descending),
  };
}
