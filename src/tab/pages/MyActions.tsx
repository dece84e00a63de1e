import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, useRestoreFocusTarget } from '@fluentui/react-components';
import type { PlanItem } from '../../domain/plan-item';
import { badgeFor } from '../../domain/rules';
import { AttentionBadge, RagBadge } from '../components/StatusBadges';
import { formatDate, formatDateTime } from '../format';
import type { PageProps } from './page-props';
import { useMyActions } from './useMyActions';
import { useMyActionsStyles } from './useMyActionsStyles.styles';
import { LoadStatus } from '../components/LoadStatus';

/** The personal tab's home: the signed-in user's actions, overdue first. */
export function MyActions({ session, host, today, openItem }: PageProps) {
  const styles = useMyActionsStyles();
  const actions = useMyActions(session, today);
  // The update panel is a modal drawer: closing it returns focus to the row that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();

  return (
    <section className={styles.root} aria-labelledby="my-actions-heading">
      <h2 id="my-actions-heading" className={styles.heading}>My actions</h2>
      <LoadStatus load={actions} loadingLabel="Loading your actions…" failedTitle="Your actions could not be loaded" />
      {actions.state === 'ready' && actions.items.length === 0 && (
        <p className={styles.summary}>No actions are assigned to {session.me.title}. When a plan names you as an owner, its actions appear here.</p>
      )}
      {actions.state === 'ready' && actions.items.length > 0 && (
        <>
          <p className={styles.summary}>{summarise(actions.items, today)}</p>
          <Table aria-labelledby="my-actions-heading" size="medium">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.actionColumn}>Action</TableHeaderCell>
                <TableHeaderCell>Due</TableHeaderCell>
                <TableHeaderCell>RAG</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell className={styles.lastUpdateColumn}>Last update</TableHeaderCell>
                <TableHeaderCell>Attention</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {actions.items.map((item) => {
                const badge = badgeFor(item, today);
                return (
                  <TableRow key={item.id}>
                    <TableCell>
                      <div className={styles.titleCell}>
                        {/* Values from SharePoint are only ever rendered as React text. */}
                        <Link as="button" className={styles.title} {...restoreFocusTarget} onClick={() => openItem(item.id)}>{item.title}</Link>
                        <span className={styles.secondary}>{[item.actionRef, item.section].filter(Boolean).join(' · ')}</span>
                      </div>
                    </TableCell>
                    <TableCell>{item.dueDate ? formatDate(item.dueDate, host.locale) : item.dueText || (item.ongoing ? 'Ongoing' : '—')}</TableCell>
                    <TableCell><RagBadge rag={item.rag} /></TableCell>
                    <TableCell>{item.status}{item.percentComplete > 0 ? ` (${item.percentComplete}%)` : ''}</TableCell>
                    <TableCell>
                      <div className={styles.titleCell}>
                        <span>{item.lastUpdated ? formatDateTime(item.lastUpdated, host.locale) : 'Never'}</span>
                        {item.latestUpdate && <span className={styles.note}>{item.latestUpdate}</span>}
                      </div>
                    </TableCell>
                    <TableCell><div className={styles.badges}>{badge && <AttentionBadge kind={badge} />}</div></TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}

function summarise(items: PlanItem[], today: string): string {
  const overdue = items.filter((item) => badgeFor(item, today) === 'overdue').length;
  const count = `${items.length} action${items.length === 1 ? '' : 's'}`;
  return overdue > 0 ? `${count}, ${overdue} overdue.` : `${count}, none overdue.`;
}
