import {
  Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner,
} from '@fluentui/react-components';
import { ownerKey } from '../../../domain/owner-matching';
import type { ImportSummary } from '../../../importer/apply-import';
import type { ParsedPlan } from '../../../importer/table';
import type { PageProps } from '../page-props';
import { ColumnMappingEditor } from './ColumnMappingEditor';
import type { ImportProgress } from './import-in-chunks';
import { ParsedActionsTable, WarningsTable } from './ImportPreviewTables';
import { OwnerMatching } from './OwnerMatching';
import { RowKindsTable } from './RowKindsTable';
import { useImportPage } from './useImportPage';
import { useImportPageStyles } from './useImportPageStyles.styles';

const ACCEPT = '.txt,.tsv,.csv,.xlsx,.docx,text/plain,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What was found, in one sentence. */
function describeParsed(parsed: ParsedPlan): string {
  const sections = new Set(parsed.items.map((i) => i.section)).size;
  const notes = parsed.progressNotes.length ? `, ${plural(parsed.progressNotes.length, 'progress note')}` : '';
  return `Found ${plural(parsed.items.length, 'action')} in ${plural(sections, 'section')}, ${plural(parsed.warnings.length, 'warning')}${notes}. Nothing has been written yet.`;
}

function describeSummary(summary: ImportSummary, parsed: ParsedPlan, plan: string): string {
  const warnings = parsed.warnings.length + summary.warnings.length;
  const notes = summary.progressNotes ? ` ${plural(summary.progressNotes, 'progress note')} added to history.` : '';
  const repaired = summary.repaired ? ` ${plural(summary.repaired, 'duplicate')} from an earlier import moved to the recycle bin.` : '';
  return `Imported into "${plan}": ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${plural(warnings, 'warning')}.${notes}${repaired}`;
}

const describeProgress = (progress: ImportProgress | null) =>
  !progress ? 'Checking what is already in the plan…' : progress.total === 0 ? 'Nothing to write.' : `Written ${progress.done} of ${progress.total} changes…`;

/**
 * Import a plan document: the file is read and parsed in the browser, the actions and
 * warnings shown before anything is written, the column mapping open to correction;
 * then Import writes through the plan repository in `$batch`es with a progress bar.
 * SharePoint permissions decide who may write.
 */
export function ImportPage({ session, host }: PageProps) {
  const styles = useImportPageStyles();
  const page = useImportPage(session);
  const { state } = page;
  const busy = state.step === 'reading' || state.step === 'importing';
  const parsed = 'parsed' in state ? state.parsed : null;
  const planMissing = !page.planName.trim();

  return (
    <section className={styles.root} aria-labelledby="import-heading">
      <h2 id="import-heading" className={styles.heading}>Import a plan</h2>
      <p className={styles.intro}>
        Choose the plan document (.txt, .tsv, .csv, .xlsx or .docx). It is read here, in your browser; you see the actions and
        warnings first, and nothing is written to the plan until you press Import. Importing the same plan again updates what
        changed and never duplicates an action.
      </p>

      <div className={styles.form}>
        <Field label="Plan file" hint="Up to 10 MB. Word tables, Excel sheets, CSV, or text copied out of a PDF.">
          {(fieldProps) => (
            <input
              {...fieldProps}
              type="file"
              accept={ACCEPT}
              className={styles.fileInput}
              disabled={busy}
              // Cleared on each pick, so choosing the same file again (a re-import) still reads it.
              onClick={(event) => { event.currentTarget.value = ''; }}
              onChange={(event) => {
                const chosen = event.currentTarget.files?.[0];
                if (chosen) void page.chooseFile(chosen);
              }}
            />
          )}
        </Field>
        <Field label="Plan name" required validationMessage={parsed && planMissing ? 'Give the plan a name.' : undefined}>
          <Input value={page.planName} disabled={busy} onChange={(_, data) => page.setPlanName(data.value)} />
        </Field>
        <Field label="Steering group" hint="Optional: the group whose digest lists these actions.">
          <Input value={page.group} disabled={busy} onChange={(_, data) => page.setGroup(data.value)} />
        </Field>
      </div>

      {state.step === 'reading' && <Spinner size="small" label={`Reading ${state.fileName}…`} />}

      {state.step === 'unreadable' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{state.fileName} could not be imported</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}

      {page.mapping && (state.step === 'preview' || state.step === 'unreadable' || state.step === 'failed') && (
        <div className={styles.part}>
          <h3 className={styles.subheading}>Column mapping</h3>
          <p className={styles.intro}>How each column of the header row is read. If a column was read wrongly, choose what it holds; the file is read again with your choice (for every table in it).</p>
          <ColumnMappingEditor header={page.mapping.header} mapping={page.mapping.mapping} disabled={busy} onChange={(column, role) => void page.setColumnRole(column, role)} />
        </div>
      )}

      {parsed && state.step !== 'reading' && state.step !== 'unreadable' && (
        <>
          <p className={styles.summary} role="status">{describeParsed(parsed)}</p>

          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy || planMissing || state.step === 'imported'} onClick={() => void page.runImport()}>
              {state.step === 'failed' ? 'Retry import' : `Import ${plural(parsed.items.length, 'action')}`}
            </Button>
          </div>

          {(state.step === 'importing' || state.step === 'failed') && (
            <div className={styles.progress}>
              <Field label="Import progress" validationState="none" hint={describeProgress(state.progress)}>
                <ProgressBar
                  value={state.progress && state.progress.total > 0 ? state.progress.done / state.progress.total : undefined}
                  thickness="large"
                />
              </Field>
            </div>
          )}

          <div role="status" aria-live="polite">
            {state.step === 'importing' && <span className={styles.secondary}>{describeProgress(state.progress)}</span>}
            {state.step === 'imported' && (
              <MessageBar intent="success">
                <MessageBarBody>
                  <MessageBarTitle>Import finished</MessageBarTitle>
                  {describeSummary(state.summary, parsed, page.planName.trim())}
                  {state.summary.unresolvedOwners.length > 0 && ` ${plural(state.summary.unresolvedOwners.length, 'owner')} stay as text.`}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>

          {state.step === 'failed' && (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>The import stopped</MessageBarTitle>
                {state.message} Actions already written stay in the plan; press Retry import (or import the file again) and nothing is duplicated.
              </MessageBarBody>
            </MessageBar>
          )}

          {state.step === 'imported' && state.summary.warnings.length > 0 && (
            <div className={styles.part}>
              <h3 className={styles.subheading}>Warnings while writing ({state.summary.warnings.length})</h3>
              <WarningsTable warnings={state.summary.warnings} />
            </div>
          )}

          {page.owners && (
            <div className={styles.part}>
              <h3 className={styles.subheading}>Owners ({page.owners.proposals.length})</h3>
              <p className={styles.intro}>Who each owner in the plan is. Confirm or change the person, or keep the owner as text; your choices are remembered for the next import of any plan.</p>
              {page.owners.problem && <MessageBar intent="warning"><MessageBarBody>{page.owners.problem}</MessageBarBody></MessageBar>}
              <OwnerMatching proposals={page.owners.proposals} users={page.owners.users} decisions={page.owners.decisions} keyOf={ownerKey} disabled={busy} onDecide={page.decideOwner} />
            </div>
          )}

          <div className={styles.part}>
            <h3 className={styles.subheading}>Warnings ({parsed.warnings.length})</h3>
            {parsed.warnings.length ? <WarningsTable warnings={parsed.warnings} /> : <p className={styles.intro}>No warnings: every row was read.</p>}
          </div>

          <div className={styles.part}>
            <h3 className={styles.subheading}>Actions ({parsed.items.length})</h3>
            <ParsedActionsTable items={parsed.items} locale={host.locale} />
          </div>

          {parsed.rows.length > 0 && (
            <div className={styles.part}>
              <h3 className={styles.subheading}>Rows of the file ({parsed.rows.length})</h3>
              <p className={styles.intro}>What each row was read as, and why. If a row was read wrongly, choose what it is; the file is read again with your choice.</p>
              <RowKindsTable rows={parsed.rows} disabled={busy} onChange={(row, kind) => void page.setRowKind(row, kind)} />
            </div>
          )}
        </>
      )}
    </section>
  );
}

export default ImportPage;
