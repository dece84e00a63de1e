
import type { PageProps } from '../page-props';
import { BarChart } from './BarChart';
import { useSummary } from './useSummary';
import { useSummaryStyles } from './useSummaryStyles.styles';
import { LoadStatus } from '../../components/LoadStatus';

/**
 * The steering group's overview: actions by RAG and by status, overdue actions by owner
 * and by section. Each chart has a table form; a bar opens the plan view filtered to it.
 */
export function Summary({ session, today }: PageProps) {
  const styles = useSummaryStyles();
  const { state, showInPlan } = useSummary(session, today);
  return (
    <section className={styles.root} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={styles.heading}>Summary</h2>
      <LoadStatus load={state} loadingLabel="Counting the plan…" failedTitle="The summary could not be loaded" />
      {state.state === 'ready' && (
        <>
          <p className={styles.totals}>{state.summary.total} actions, {state.summary.overdue} overdue.</p>
          <div className={styles.charts}>
            <BarChart title="Actions by RAG" category="RAG" unit="action" tone="rag" bars={state.summary.byRag} onSelect={showInPlan} />
            <BarChart title="Actions by status" category="Status" unit="action" tone="brand" bars={state.summary.byStatus} onSelect={showInPlan} />
            <BarChart title="Overdue by owner" category="Owner" unit="overdue action" tone="brand" bars={state.summary.overdueByOwner} onSelect={showInPlan} />
            <BarChart title="Overdue by section" category="Section" unit="overdue action" tone="brand" bars={state.summary.overdueBySection} onSelect={showInPlan} />
          </div>
        </>
      )}
    </section>
  );
}

export default Summary;
