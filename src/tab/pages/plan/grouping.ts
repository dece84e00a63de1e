import { RAGS, type PlanItem } from '../../../domain/plan-item';
import { compareNatural } from '../../../domain/natural-order';
import type { GroupBy } from './plan-state';

/** One line of the grid: a group heading or an action. */
export type GridEntry =
  | { kind: 'group'; key: string; label: string; count: number }
  | { kind: 'item'; item: PlanItem };

const NO_SECTION = 'No section';
const NO_OWNER = 'No owner';
const NO_RAG = 'RAG not set';

/** The group an item falls in, as a label. */
export function groupLabel(item: PlanItem, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'section':
      return item.section || NO_SECTION;
    case 'owner':
      return item.ownerText || item.owner?.title || NO_OWNER;
    case 'rag':
      return item.rag ?? NO_RAG;
    case 'none':
      return '';
  }
}

const ragRank = (label: string) => {
  const i = (RAGS as readonly string[]).indexOf(label);
  return i < 0 ? RAGS.length : i;
};

/**
 * Groups rows for the grid, keeping the given order inside each group. Sections read in
 * plan order (R.2 before R.10, which SharePoint's text sort gets wrong) with "No section"
 * last; owners sort by name with "No owner" last; RAG reads Red, Amber, Green, Blue, then not set.
 */
export function groupRows(rows: readonly PlanItem[], groupBy: GroupBy): GridEntry[] {
  if (groupBy === 'none') return rows.map((item) => ({ kind: 'item', item }));
  const groups = new Map<string, PlanItem[]>();
  for (const item of rows) {
    const label = groupLabel(item, groupBy);
    const members = groups.get(label);
    if (members) members.push(item);
    else groups.set(label, [item]);
  }
  let labels = [...groups.keys()];
  const lastly = (none: string) => (a: string, b: string) => (a === none ? 1 : b === none ? -1 : compareNatural(a, b));
  if (groupBy === 'owner') labels.sort(lastly(NO_OWNER));
  if (groupBy === 'section') labels.sort(lastly(NO_SECTION));
  if (groupBy === 'rag') labels = labels.sort((a, b) => ragRank(a) - ragRank(b));
  const out: GridEntry[] = [];
  for (const label of labels) {
    const members = groups.get(label)!;
    out.push({ kind: 'group', key: `${groupBy}:${label}`, label, count: members.length });
    for (const item of members) out.push({ kind: 'item', item });
  }
  return out;
}
