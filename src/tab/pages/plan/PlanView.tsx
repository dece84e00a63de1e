import { Button, Link } from '@fluentui/react-components';
import { useState } from 'react';
import type { PageProps } from '../page-props';
import { FilterBar } from './FilterBar';
import { PlanGrid } from './PlanGrid';
import { openInSharePointLink, SAVED_VIEWS } from './saved-views';
import { usePlanView } from './usePlanView';
import { barIsEmpty } from './plan-state';
import { usePlanViewStyles } from './usePlanViewStyles.styles';
import { LoadStatus } from '../../components/LoadStatus';

type ExportState = { state: 'idle' } | { state: 'working'; format: 'csv' | 'xlsx' } | { state: 'done'; fileName: string } | { state: 'failed'; message: string };

/**
 * The managers' plan view: every action of the plan, filtered on the server, grouped,
 * in a virtualised grid; saved views from manifest/lists.json with a link to the same
 * view in SharePoint; export of what is shown.
 */
export function PlanView({ session, host, today, openItem }: PageProps) {
  const styles = usePlanViewStyles();
  const model = usePlanView(session, today);
  const [exporting, setExporting] = useState<ExportState>({ state: 'idle' });
  const { rows } = model;
  const viewLink = openInSharePointLink(model.viewLinks, model.state, today);
  const items = rows.state === 'ready' || rows.state === 'partial' ? rows.rows : [];

  const runExport = async (format: 'csv' | 'xlsx') => {
    if (rows.state !== 'ready') return;
    setExporting({ state: 'working', format });
    try {
      const { downloadExport } = await import('../../export/download-export');
      // In the grid's order (sections in plan order), so the file reads as the screen does.
      const shown = model.entries.flatMap((entry) => (entry.kind === 'item' ? [entry.item] : []));
      const fileName = await downloadExport({ format, items: shown, filters: model.filterLines, viewTitle: model.state.view, today });
      setExporting({ state: 'done', fileName });
    } catch (error) {
      setExporting({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className={styles.root} aria-labelledby="plan-heading" aria-busy={model.busy}>
      <h2 id="plan-heading" className={styles.heading}>Plan: {model.state.view}</h2>
      {/* Thirty-odd filter controls come first: keyboard users jump straight to the actions. */}
      <a href="#plan-results" className={styles.skipLink}>Skip to the results</a>
      <FilterBar state={model.state} views={SAVED_VIEWS} owners={model.owners} sections={model.sections} onChange={model.setState} />
      <div className={styles.toolbar}>
        {viewLink && <Link href={viewLink.href} target="_blank" rel="noopener noreferrer">Open “{model.state.view}” in SharePoint{viewLink.notCarried.length > 0 && ` (without ${viewLink.notCarried.join(' and ')})`}</Link>}
        <Button appearance="secondary" disabled={rows.state !== 'ready' || model.busy || exporting.state === 'working'} onClick={() => void runExport('csv')}>Export CSV</Button>
        <Button appearance="secondary" disabled={rows.state !== 'ready' || model.busy || exporting.state === 'working'} onClick={() => void runExport('xlsx')}>Export Excel</Button>
        <span role="status" className={styles.summary}>
          {exporting.state === 'working' && `Preparing the ${exporting.format === 'csv' ? 'CSV' : 'Excel'} file…`}
          {exporting.state === 'done' && `Exported ${exporting.fileName}.`}
          {exporting.state === 'failed' && `Export failed: ${exporting.message}`}
        </span>
      </div>
      <p className={styles.filters}>{model.filterLines.map((l) => `${l.name}: ${l.value}`).join(' · ')}</p>
      <div id="plan-results" tabIndex={-1} className={styles.results}>
      <LoadStatus load={rows} loadingLabel="Loading the plan…" failedTitle="The plan could not be loaded" />
      {(rows.state === 'ready' || rows.state === 'partial') && (
        <>
          <p className={styles.summary} role="status" aria-live="polite">
            {rows.state === 'partial'
              ? `Showing the first ${items.length} actions; loading the rest…`
              : `${items.length} ${items.length === 1 ? 'action' : 'actions'}.`}
          </p>
          {items.length === 0
            ? <p className={styles.summary}>{model.state.plan && barIsEmpty(model.state.bar)
              ? `No actions in “${model.state.plan}” for the view “${model.state.view}”. Choose another view, or another plan above.`
              : 'No actions match these filters. Clear a filter or choose another view.'}</p>
            : <PlanGrid entries={model.entries} labelledBy="plan-heading" locale={host.locale} today={today}
                completeness={rows.state === 'ready' ? 'complete' : 'partial'} openItem={openItem} />}
        </>
      )}
      </div>
    </section>
  );
}

export default PlanView;
