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
          {/* On a narrow screen each row becomes a card: cells stack, each named by its column. */}
          <Table aria-labelledby="my-actions-heading" size="medium" className={styles.table}>
            <TableHeader className={styles.header}>
              <TableRow>
                <TableHeaderCell className={styles.actionColumn}>Action</TableHeaderCell>
                <TableHeaderCell>Plan</TableHeaderCell>
                <TableHeaderCell>Due</TableHeaderCell>
                <TableHeaderCell>RAG</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell className={styles.lastUpdateColumn}>Last update</TableHeaderCell>
                <TableHeaderCell>Attention</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody className={styles.table}>
              {actions.items.map((item) => {
                const badge = badgeFor(item, today);
                return (
                  <TableRow key={item.id} className={styles.row}>
                    <TableCell className={styles.cell}>
                      <div className={styles.titleCell}>
                        {/* Values from SharePoint are only ever rendered as React text. */}
                        <Link as="button" className={styles.title} {...restoreFocusTarget} onClick={() => openItem(item.id)}>{item.title}</Link>
                        <span className={styles.secondary}>{[item.actionRef, item.section].filter(Boolean).join(' · ')}</span>
                      </div>
                    </TableCell>
                    <TableCell className={styles.cell} data-label="Plan">{item.plan || '—'}</TableCell>
                    <TableCell className={styles.cell} data-label="Due">{item.dueDate ? formatDate(item.dueDate, host.locale) : item.dueText || (item.ongoing ? 'Ongoing' : '—')}</TableCell>
                    <TableCell className={styles.cell} data-label="RAG"><RagBadge rag={item.rag} /></TableCell>
                    <TableCell className={styles.cell} data-label="Status">{item.status}{item.percentComplete > 0 ? ` (${item.percentComplete}%)` : ''}</TableCell>
                    <TableCell className={styles.cell} data-label="Last update">
                      <div className={styles.titleCell}>
                        <span>{item.lastUpdated ? formatDateTime(item.lastUpdated, host.locale) : 'Never'}</span>
                        {item.latestUpdate && <span className={styles.note}>{item.latestUpdate}</span>}
                      </div>
                    </TableCell>
                    <TableCell className={styles.cell} data-label="Attention"><div className={styles.badges}>{badge && <AttentionBadge kind={badge} />}</div></TableCell>
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
