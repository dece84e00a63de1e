import { Button, mergeClasses, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { PlanBarFilter } from '../plan/plan-state';
import type { CountBar } from './summary-counts';
import { useBarChartStyles } from './useSummaryStyles.styles';

/** Props of a bar chart. `tone: 'rag'` colours bars by their RAG label. */
export type BarChartProps = {
  title: string;
  /** What a bar counts, for its accessible name ("12 actions"). */
  unit: string;
  bars: readonly CountBar[];
  tone: 'rag' | 'brand';
  /** The column heading of the table form. */
  category: string;
  onSelect(filter: PlanBarFilter): void;
};

const RAG_TONES = ['Red', 'Amber', 'Green', 'Blue'] as const;

/**
 * A horizontal bar chart whose bars are buttons (a click or Enter opens the plan view
 * filtered to those actions), with the same numbers as a table one toggle away.
 */
export function BarChart({ title, unit, bars, tone, category, onSelect }: BarChartProps) {
  const styles = useBarChartStyles();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const max = Math.max(1, ...bars.map((b) => b.count));
  const plural = (n: number) => `${n} ${n === 1 ? unit : `${unit}s`}`;

  return (
    <section className={styles.chart} aria-labelledby={headingId}>
      <div className={styles.titleRow}>
        <h3 id={headingId} className={styles.title}>{title}</h3>
        {/* A plain button with aria-pressed: Fluent's checked ToggleButton fails contrast in the high-contrast theme. */}
        <Button size="small" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>Show as table</Button>
      </div>
      {bars.length === 0 && <p className={styles.empty}>None.</p>}
      {bars.length > 0 && asTable && (
        <Table size="small" aria-labelledby={headingId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{category}</TableHeaderCell>
              <TableHeaderCell>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {bars.map((b) => (
              <TableRow key={b.label}>
                <TableCell>{b.label}</TableCell>
                <TableCell>{b.count}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {bars.length > 0 && !asTable && (
        <ul className={styles.bars}>
          {bars.map((b) => {
            const toneClass = tone === 'rag' && (RAG_TONES as readonly string[]).includes(b.label) ? styles[b.label as (typeof RAG_TONES)[number]] : undefined;
            // The visible label and count are the start of the accessible name; the rest is for screen readers.
            const content = (
              <>
                <span className={styles.label}>{b.label}</span>
                <span className={styles.track} aria-hidden="true">
                  <span className={mergeClasses(styles.fill, toneClass)} style={{ display: 'block', width: `${(b.count / max) * 100}%` }} />
                </span>
                <span className={styles.value}>{b.count}<span className={styles.hidden}> {plural(b.count).replace(/^\d+ /, '')}{b.filter ? '. Show in the plan' : ''}</span></span>
              </>
            );
            const filter = b.filter;
            return (
              <li key={b.label}>
                {filter
                  ? <button type="button" className={mergeClasses(styles.bar, styles.clickable)}
                      onClick={() => onSelect(filter)}>{content}</button>
                  : <div className={styles.bar}>{content}</div>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
