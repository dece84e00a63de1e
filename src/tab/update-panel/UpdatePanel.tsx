import {
  Button, Checkbox, DrawerBody, DrawerFooter, DrawerHeader, DrawerHeaderTitle, Field, Input, MessageBar,
  MessageBarBody, MessageBarTitle, OverlayDrawer, Select, Spinner, Textarea,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { RAGS, STATUSES, type PlanItem, type Rag, type Status } from '../../domain/plan-item';
import { mayUpdateAction, type Capabilities } from '../../domain/roles';
import { RagBadge } from '../components/StatusBadges';
import { UkDatePicker } from '../components/UkDatePicker';
import { formatDate, formatDateTime } from '../format';
import type { TabSession } from '../session/tab-session';
import { useUpdatePanel, type Conflict } from './useUpdatePanel';
import { useUpdatePanelStyles } from './useUpdatePanelStyles.styles';

// Only managers edit an action's own fields: the form loads when they ask for it.
const EditActionForm = lazy(() => import('./EditActionForm'));
const DeleteAction = lazy(() => import('./DeleteAction'));

export type UpdatePanelProps = {
  session: TabSession;
  itemId: number;
  locale: string;
  /** What the user may do; the form shows only to those who may update this action. */
  access: Capabilities | null;
  /** Builds the link "Copy link" puts on the clipboard (a Teams deep link inside Teams). */
  linkFor(item: PlanItem): string;
  onClose(): void;
};

/** The owner's update panel: status, RAG, percent, a note, a revised due date; conflicts and history. */
export default function UpdatePanel({ session, itemId, locale, access, linkFor, onClose }: UpdatePanelProps) {
  const styles = useUpdatePanelStyles();
  const panel = useUpdatePanel(session, itemId);
  const { item, form, errors } = panel;
  // When the conflict notice goes, its buttons go with it: put focus back on the form.
  const statusRef = useRef<HTMLSelectElement>(null);
  // (Focus first: if it were lost with the removed button, Fluent would send it back to
  // the row behind the panel.)
  const afterConflict = (action: () => void) => () => {
    statusRef.current?.focus();
    action();
  };
  const title = item?.title ?? 'Action';
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState(false);
  const mayEdit = access?.editActions === true;
  const mayUpdate = !editing && item !== null && access !== null && mayUpdateAction(access, item, session.me.id);

  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_, data) => { if (!data.open) onClose(); }}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" onClick={onClose}>Close</Button>}>
          {title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        {panel.load === 'loading' && <Spinner size="small" label="Loading the action…" />}
        {panel.load === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody><MessageBarTitle>This action could not be opened</MessageBarTitle>{panel.loadError}</MessageBarBody>
          </MessageBar>
        )}
        {item && form && (
          <>
            <ItemFacts item={item} locale={locale} />
            {mayEdit && !editing && (
              <div className={styles.footer}>
                <Button onClick={() => { setEdited(false); setEditing(true); }}>Edit action</Button>
                {access?.deleteActions && <Suspense fallback={null}><DeleteAction session={session} item={item} /></Suspense>}
              </div>
            )}
            <div role="status" aria-live="polite">
              {edited && <MessageBar intent="success"><MessageBarBody>Changes saved.</MessageBarBody></MessageBar>}
            </div>
            {editing && (
              <Suspense fallback={<Spinner size="tiny" label="Opening the editor…" />}>
                <EditActionForm session={session} item={item} onCancel={() => setEditing(false)}
                  onSaved={() => { setEditing(false); setEdited(true); void panel.reload(); }} />
              </Suspense>
            )}
            {!mayUpdate && !editing && (
              <p>{access === null ? 'Checking what you may change…' : 'You can read this action. Only its owner and plan managers can update it.'}</p>
            )}
            {mayUpdate && panel.conflict && <ConflictNotice conflict={panel.conflict} saving={panel.saving} onReapply={afterConflict(panel.reapply)} onDiscard={afterConflict(panel.discard)} />}
            {mayUpdate && <form className={styles.form} aria-label="Update this action" noValidate onSubmit={(event) => { event.preventDefault(); panel.save(); }}>
              <div className={styles.row}>
                <Field className={styles.grow} label="Status" validationMessage={errors.status}>
                  <Select ref={statusRef} value={form.status} onChange={(_, data) => panel.setField('status', data.value as Status)}>
                    {STATUSES.map((status) => <option key={status} value={status}>{status}</option>)}
                  </Select>
                </Field>
                <Field className={styles.grow} label="RAG status" validationMessage={errors.rag}>
                  <Select value={form.rag} onChange={(_, data) => panel.setField('rag', data.value as Rag | '')}>
                    <option value="">Not set</option>
                    {RAGS.map((rag) => <option key={rag} value={rag}>{rag}</option>)}
                  </Select>
                </Field>
                <Field className={styles.grow} label="Percent complete" validationMessage={errors.percent}>
                  <Input type="number" min={0} max={100} step={1} inputMode="numeric" value={form.percent}
                    onChange={(_, data) => panel.setField('percent', data.value)} />
                </Field>
              </div>
              <Field label="Progress note" hint="What has happened since the last update. Required when RAG is Red." validationMessage={errors.note}>
                <Textarea resize="vertical" value={form.note} onChange={(_, data) => panel.setField('note', data.value)} />
              </Field>
              <Checkbox label="Revise the due date" checked={form.reviseDueDate}
                onChange={(_, data) => panel.setField('reviseDueDate', data.checked === true)} />
              {form.reviseDueDate && (
                <div className={styles.row}>
                  <Field className={styles.grow} label="Revised due date" required validationMessage={errors.dueDate}>
                    <UkDatePicker value={form.dueDate} onChange={(date) => panel.setField('dueDate', date ?? '')} />
                  </Field>
                  <Field className={styles.grow} label="Reason for the new date" required validationMessage={errors.reason}>
                    <Textarea resize="vertical" value={form.reason} onChange={(_, data) => panel.setField('reason', data.value)} />
                  </Field>
                </div>
              )}
              {errors.form && <MessageBar intent="error"><MessageBarBody>{errors.form}</MessageBarBody></MessageBar>}
              <div role="status" aria-live="polite">
                {panel.saved && <MessageBar intent="success"><MessageBarBody>Update saved.</MessageBarBody></MessageBar>}
              </div>
              <div className={styles.footer}>
                {/* disabledFocusable: a disabled button would drop the keyboard focus out of the panel. */}
                <Button type="submit" appearance="primary" disabledFocusable={panel.saving || panel.conflict !== null}>
                  {panel.saving ? 'Saving…' : 'Save update'}
                </Button>
                <CopyLinkButton link={linkFor(item)} />
              </div>
            </form>}
            <History panel={panel} locale={locale} />
          </>
        )}
      </DrawerBody>
      <DrawerFooter>
        <Button onClick={onClose}>Done</Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}

function ItemFacts({ item, locale }: { item: PlanItem; locale: string }) {
  const styles = useUpdatePanelStyles();
  const facts: [string, ReactNode][] = [
    ['Reference', item.actionRef || '—'],
    ['Section', item.section || '—'],
    ['Due', item.dueDate ? formatDate(item.dueDate, locale) : item.dueText || (item.ongoing ? 'Ongoing' : '—')],
    ['RAG', <RagBadge key="rag" rag={item.rag} />],
    ['Status', `${item.status} (${item.percentComplete}%)`],
    ['Owner', item.owner?.title || item.ownerText || '—'],
    ['Action', <span key="details" className={styles.actionText}>{item.actionDetails || item.title}</span>],
  ];
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value]) => [
        <dt key={`${term}-t`} className={styles.term}>{term}</dt>,
        <dd key={`${term}-d`} className={styles.definition}>{value}</dd>,
      ])}
    </dl>
  );
}

type ConflictNoticeProps = { conflict: Conflict; saving: boolean; onReapply(): void; onDiscard(): void };

function ConflictNotice({ conflict, saving, onReapply, onDiscard }: ConflictNoticeProps) {
  const styles = useUpdatePanelStyles();
  // The user pressed Save and must now decide: take them to the choice.
  const reapplyRef = useRef<HTMLButtonElement>(null);
  useEffect(() => reapplyRef.current?.focus(), []);
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Someone else changed this action while you were editing</MessageBarTitle>
        Your update was not saved. They changed:
        <ul className={styles.changes}>
          {conflict.changes.length === 0 && <li>nothing you can see (the item was saved again)</li>}
          {conflict.changes.map((change) => (
            <li key={change.field}>{change.label}: {change.from || 'empty'} → {change.to || 'empty'}</li>
          ))}
        </ul>
        {/* In the body, not MessageBarActions: in a medium drawer at 1366×768 the actions
            slot was laid over the form below, where a mouse click could not reach them. */}
        <div className={styles.conflictActions}>
          <Button ref={reapplyRef} appearance="primary" disabledFocusable={saving} onClick={onReapply}>Re-apply my changes</Button>
          <Button disabledFocusable={saving} onClick={onDiscard}>Discard my changes</Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

function History({ panel, locale }: { panel: ReturnType<typeof useUpdatePanel>; locale: string }) {
  const styles = useUpdatePanelStyles();
  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading" className={styles.sectionHeading}>History</h3>
      {panel.history === null && <Spinner size="tiny" label="Loading history…" />}
      {panel.history?.length === 0 && <p>No updates yet.</p>}
      {panel.history && panel.history.length > 0 && (
        <ol className={styles.history} aria-label="Updates, newest first">
          {panel.history.map((update) => (
            <li key={update.id} className={styles.historyItem}>
              <span className={styles.historyMeta}>
                {formatDateTime(update.created, locale)} · {update.author?.title ?? 'Unknown'} · {update.status} · {update.rag ?? 'No RAG'} · {update.percentComplete}%
                {update.dueDate ? ` · due ${formatDate(update.dueDate, locale)}` : ''}
              </span>
              {update.comment && <span className={styles.historyComment}>{update.comment}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function CopyLinkButton({ link }: { link: string }) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(link).then(() => setOutcome('copied'), () => setOutcome('failed'));
  };
  return (
    <>
      <Button onClick={copy}>Copy link</Button>
      <span role="status" aria-live="polite">
        {outcome === 'copied' && 'Link copied.'}
        {outcome === 'failed' && <Input readOnly value={link} aria-label="Link to this action (copy it yourself)" />}
      </span>
    </>
  );
}
