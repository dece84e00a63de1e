import { mergeClasses } from '@fluentui/react-components';
import type { PlanItem } from '../../../domain/plan-item';
import { isOverdue } from '../../../domain/rules';
import { RagBadge } from '../../components/StatusBadges';
import { formatDate } from '../../format';
import type { GridEntry } from './grouping';
import { usePlanGrid } from './usePlanGrid';
import { usePlanGridStyles } from './usePlanGridStyles.styles';

/** Props of the plan grid. */
export type PlanGridProps = {
  entries: readonly GridEntry[];
  /** Id of the element naming the grid. */
  labelledBy: string;
  locale: string;
  today: string;
  /** `partial` while only the first screen has arrived: group counts are not known yet. */
  completeness: 'partial' | 'complete';
  openItem(itemId: number): void;
};

const COLUMNS = ['Ref', 'Action', 'Owner', 'Due', 'Status', 'RAG'] as const;

function dueText(item: PlanItem, locale: string, today: string): string {
  const due = item.dueDate ? formatDate(item.dueDate, locale) : item.dueText || (item.ongoing ? 'Ongoing' : '—');
  return isOverdue(item, today) ? `${due} (overdue)` : due;
}

/**
 * The plan's actions as an ARIA grid: virtualised (only rows in view are drawn) and
 * navigable by keyboard; Enter or a click opens the action's update panel. Every value
 * from SharePoint is rendered as React text.
 */
export function PlanGrid({ entries, labelledBy, locale, today, completeness, openItem }: PlanGridProps) {
  const styles = usePlanGridStyles();
  const grid = usePlanGrid(entries, COLUMNS.length, openItem);

  const cellProps = (row: number, col: number) => ({
    'data-row': row,
    'data-col': col,
    tabIndex: grid.active.row === row && grid.active.col === col ? 0 : -1,
    onFocus: () => grid.onCellFocus(row, col),
  });

  const drawn = [];
  for (let row = grid.first; row < grid.last; row++) {
    const entry = entries[row];
    const position = { transform: `translateY(${row * grid.rowHeight}px)`, ...(grid.measured === null ? {} : { height: `${grid.measured}px` }) };
    const measure = entry.kind === 'item' ? grid.measureRow : undefined;
    if (entry.kind === 'group') {
      drawn.push(
        <div key={entry.key} role="row" aria-rowindex={row + 2} className={styles.groupRow} style={position} ref={measure}>
          <div role="rowheader" aria-colspan={COLUMNS.length} className={mergeClasses(styles.cell, styles.groupCell)} {...cellProps(row, 0)}>
            {entry.label}
            {completeness === 'complete' && <span className={styles.groupCount}>({entry.count} {entry.count === 1 ? 'action' : 'actions'})</span>}
          </div>
        </div>,
      );
      continue;
    }
    const { item } = entry;
    const owner = item.ownerText || item.owner?.title || '—';
    drawn.push(
      <div key={item.id} role="row" aria-rowindex={row + 2} className={mergeClasses(styles.row, styles.bodyRow)} style={position} ref={measure}
        onClick={() => openItem(item.id)}>
        <div role="gridcell" className={mergeClasses(styles.cell, styles.areaRef)} {...cellProps(row, 0)}>{item.actionRef || String(item.id)}</div>
        <div role="gridcell" className={mergeClasses(styles.cell, styles.titleCell, styles.areaTitle)} title={item.title} {...cellProps(row, 1)}>{item.title}</div>
        <div role="gridcell" className={mergeClasses(styles.cell, styles.areaOwner)} title={owner} {...cellProps(row, 2)}>{owner}</div>
        <div role="gridcell" className={mergeClasses(styles.cell, styles.areaDue)} {...cellProps(row, 3)}>{dueText(item, locale, today)}</div>
        <div role="gridcell" className={mergeClasses(styles.cell, styles.areaStatus)} {...cellProps(row, 4)}>{item.status}</div>
        <div role="gridcell" className={mergeClasses(styles.cell, styles.areaRag)} {...cellProps(row, 5)}><RagBadge rag={item.rag} /></div>
      </div>,
    );
  }

  return (
    <div role="grid" aria-labelledby={labelledBy} aria-rowcount={entries.length + 1} aria-colcount={COLUMNS.length}
      className={styles.scroller} ref={grid.scroller} onScroll={grid.onScroll} onKeyDown={grid.onKeyDown}>
      <div role="rowgroup" className={styles.header} ref={grid.header}>
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.headerRow)}>
          {COLUMNS.map((name) => <div key={name} role="columnheader" className={mergeClasses(styles.cell, styles.headerCell)}>{name}</div>)}
        </div>
      </div>
      <div role="rowgroup" className={styles.body} style={{ height: `${entries.length * grid.rowHeight}px` }}>
        {drawn}
      </div>
    </div>
  );
}
