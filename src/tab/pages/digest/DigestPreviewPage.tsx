import { Button, Field, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Digest } from '../../../domain/digest';
import type { SteeringGroup } from '../../../domain/plan-item';
import { sendNowChoice } from '../../../domain/digest-resend';
import { formatDateTime, localToday } from '../../format';
import type { PageProps } from '../page-props';
import { AdaptiveCardView } from './AdaptiveCardView';
import { useDigestPreview, useSteeringGroups } from './useDigestPreview';
import { useDigestPreviewStyles } from './useDigestPreviewStyles.styles';
import { useSendNow, type SendNowState } from './useSendNow';
import { LoadStatus } from '../../components/LoadStatus';
import { SendNowConfirm } from './SendNowConfirm';

/** After this long still Requested, the page says the job may not be running. */
const JOB_SLOW_MS = 2 * 60 * 1000;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The digest's counts as sentences, for everyone (and for screen readers, who cannot see the card's layout). */
function countLines(digest: Digest, since: string, locale: string): string[] {
  const { counts } = digest;
  return [
    `${plural(counts.overdue, 'overdue action')}${counts.escalated ? `, ${counts.escalated} of them escalated` : ''}`,
    `${plural(counts.dueSoon, 'action')} due within ${digest.group.dueSoonDays} days`,
    `${plural(counts.stale, 'action')} with no update in ${digest.group.updateCadenceDays} days`,
    `${plural(counts.changed, 'change')} since ${since ? formatDateTime(since, locale) : 'a week ago (no digest sent yet)'}`,
  ];
}

function sendStatus(state: SendNowState, locale: string): string {
  switch (state.state) {
    case 'idle':
      return '';
    case 'requesting':
      return `Asking the reminder job to send ${state.group}'s digest…`;
    case 'waiting':
      if (state.request.outcome === 'Claimed') return `Sending ${state.request.groupName}'s digest…`;
      return state.checkedAt - state.since > JOB_SLOW_MS
        ? `Still waiting for the reminder job to pick up the request for ${state.request.groupName}. Is it running? (\`npm start\` runs it locally; on a tenant, the scheduled \`plan-tracker remind --watch\`.)`
        : `Requested: the reminder job will send ${state.request.groupName}'s digest within a minute…`;
    case 'done':
      return state.request.outcome === 'Sent'
        ? `Sent to ${state.request.groupName}${state.request.sentAt ? ` at ${formatDateTime(state.request.sentAt, locale)}` : ''} (${plural(state.request.itemIds.length, 'action')}).`
        : `Not sent to ${state.request.groupName}: ${state.request.detail}`;
    case 'failed':
      return state.message;
  }
}

/**
 * A manager's look at a steering group's next digest, computed in the browser with the
 * reminder job's own selection and card, rendered as Teams would show it; "Send now" asks
 * the reminder job to send it (webhook URLs are secrets the tab never holds).
 */
export function DigestPreviewPage({ session, config, host, today }: PageProps) {
  const styles = useDigestPreviewStyles();
  const groups = useSteeringGroups(session);
  const [chosen, setChosen] = useState<string>('');
  const [refresh, setRefresh] = useState(0);
  const sendNow = useSendNow(session, today);
  const [confirming, setConfirming] = useState(false);

  const groupList: SteeringGroup[] = groups.state === 'ready' ? groups.groups : [];
  const group = groupList.find((g) => g.name === chosen) ?? groupList[0] ?? null;
  const overdueViewUrl = groups.state === 'ready' ? groups.overdueViewUrl : '';
  const preview = useDigestPreview(session, config, host, group, overdueViewUrl, refresh);

  // Once sent, "changed since the last digest" starts again: show the new next digest.
  const sentId = sendNow.state.state === 'done' && sendNow.state.request.outcome === 'Sent' ? sendNow.state.request.id : null;
  useEffect(() => {
    if (sentId !== null) setRefresh((n) => n + 1);
  }, [sentId]);

  const sending = sendNow.state.state === 'requesting' || sendNow.state.state === 'waiting';
  const status = sendStatus(sendNow.state, host.locale);
  const lastSentAt = preview.state === 'ready' ? preview.lastSentAt : null;
  // The user's own day: a digest sent at 00:30 BST is "today" for a London user.
  const choice = sendNowChoice(lastSentAt, today, (instant) => localToday(new Date(instant)));

  return (
    <section className={styles.root} aria-labelledby="digest-heading">
      <h2 id="digest-heading" className={styles.heading}>Digest preview</h2>
      <p className={styles.intro}>
        The card a steering group&apos;s chat will receive with its next digest, as it would be sent now: overdue, due soon, no update
        and changed actions. &quot;Send now&quot; asks the reminder job to post it to the group&apos;s chat straight away.
      </p>

      <LoadStatus load={groups} loadingLabel="Loading the steering groups…" failedTitle="The steering groups could not be loaded" />
      {groups.state === 'ready' && groupList.length === 0 && (
        <p className={styles.intro}>No steering groups yet. Add one to the Steering Groups list, or set a steering group on actions (the Import page can), and its digest appears here.</p>
      )}

      {group && (
        <div className={styles.controls}>
          <Field label="Steering group" className={styles.groupField}>
            <Select value={group.name} onChange={(_, data) => { setChosen(data.value); sendNow.reset(); }}>
              {groupList.map((g) => <option key={g.name} value={g.name}>{g.name}{g.id === null ? ' (not in the Steering Groups list)' : ''}</option>)}
            </Select>
          </Field>
          <Button appearance="primary" disabled={sending || preview.state !== 'ready'} onClick={() => setConfirming(true)}>
            {choice.kind === 'again-today' ? 'Send again…' : 'Send now…'}
          </Button>
          <Button disabled={preview.state === 'loading'} onClick={() => setRefresh((n) => n + 1)}>Refresh preview</Button>
        </div>
      )}

      {group && preview.state === 'ready' && (
        <p className={styles.intro}>
          {lastSentAt ? `Last digest sent to ${group.name}: ${formatDateTime(lastSentAt, host.locale)}.` : `No digest has been sent to ${group.name} yet.`}
        </p>
      )}
      {group && preview.state === 'ready' && (
        <SendNowConfirm open={confirming} group={group.name} actionCount={preview.message.itemIds.length} choice={choice}
          onCancel={() => setConfirming(false)}
          onConfirm={() => { setConfirming(false); void sendNow.send(group.name); }} />
      )}
      <p className={styles.status} role="status" aria-live="polite">{status}</p>

      <LoadStatus load={preview} loadingLabel="Working out the next digest…" failedTitle="The digest could not be worked out" />
      {preview.state === 'ready' && (
        <>
          <h3 className={styles.subheading}>Next digest for {preview.digest.group.name}</h3>
          <p className={styles.summary}>
            The card lists {plural(preview.message.itemIds.length, 'action')}:
          </p>
          <ul className={styles.counts} aria-label="Digest counts">
            {countLines(preview.digest, preview.lastSentAt ?? '', host.locale).map((line) => <li key={line}>{line}</li>)}
          </ul>
          <AdaptiveCardView card={preview.message.payload.attachments[0].content} label={`Digest card for ${preview.digest.group.name}`} />
        </>
      )}
    </section>
  );
}

export default DigestPreviewPage;
