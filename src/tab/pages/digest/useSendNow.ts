import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IsoDate } from '../../../domain/plan-item';
import { claimState, SEND_LEASE_MS } from '../../../domain/send-lease';
import type { SendRequest } from '../../../reminders/send-requests';
import { SharePointSendRequests } from '../../../sharepoint/send-request-repository';
import type { TabSession } from '../../session/tab-session';

/** Where a "Send now" stands, as the page shows it. */
export type SendNowState =
  | { state: 'idle' }
  | { state: 'requesting'; group: string }
  | { state: 'waiting'; request: SendRequest; since: number; checkedAt: number }
  | { state: 'done'; request: SendRequest }
  /**
   * The request could not be made (`request` absent), or the job that claimed it stopped
   * before finishing (`reason: 'job-stopped'`, `request` as last read): the tab stops waiting.
   */
  | { state: 'failed'; group: string; message: string; reason?: 'request-refused' | 'job-stopped'; request?: SendRequest };

/** How often the request row is re-read while the job works on it. */
export const SEND_POLL_MS = 3000;

/** "10:42" — when a stopped job was last heard from, in the viewer's time. */
const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** What the tab says when the job that claimed a request stopped before finishing it. */
export function jobStoppedMessage(request: SendRequest): string {
  return `The reminder job that was sending ${request.groupName}'s digest stopped before it finished (last heard from at ${clockTime(request.modified)}), so it may not have been sent. `
    + 'The next run of the reminder job takes the request over and sends it; check the group\'s chat, or press "Send now" again later.';
}

/**
 * "Send now": the tab never holds webhook URLs, so it records a request in the Reminder
 * Log and the reminder job (which has them) sends it; the row is re-read every few
 * seconds until it says Sent or Failed — or until the job that claimed it has let its
 * lease run out (judged on SharePoint's clock, from the Date of each re-read), when the
 * tab stops waiting and says why. API: `state`, `send(groupName)`, `reset()`.
 */
export function useSendNow(session: TabSession, today: IsoDate): { state: SendNowState; send(group: string): Promise<void>; reset(): void } {
  const requests = useMemo(() => new SharePointSendRequests(session.site.sp), [session]);
  const [state, setState] = useState<SendNowState>({ state: 'idle' });
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);

  const send = useCallback(async (group: string) => {
    setState({ state: 'requesting', group });
    try {
      const request = await requests.request(group, new Date(), today);
      if (mounted.current) setState({ state: 'waiting', request, since: Date.now(), checkedAt: Date.now() });
    } catch (error) {
      if (mounted.current) setState({ state: 'failed', group, message: error instanceof Error ? error.message : String(error), reason: 'request-refused' });
    }
  }, [requests, today]);

  const waitingId = state.state === 'waiting' ? state.request.id : null;
  useEffect(() => {
    if (waitingId === null) return;
    let live = true;
    const timer = setInterval(() => {
      requests.get(waitingId).then(
        ({ value: request, serverNow }) => {
          if (!live) return;
          if (request.outcome === 'Sent' || request.outcome === 'Failed') setState({ state: 'done', request });
          else if (claimState(request, serverNow, SEND_LEASE_MS) === 'expired') {
            setState({ state: 'failed', group: request.groupName, message: jobStoppedMessage(request), reason: 'job-stopped', request });
          } else setState((current) => (current.state === 'waiting' ? { ...current, request, checkedAt: Date.now() } : current));
        },
        // A failed re-read is retried on the next tick; the request itself is safe in the log.
        () => undefined,
      );
    }, SEND_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [requests, waitingId]);

  const reset = useCallback(() => setState({ state: 'idle' }), []);
  return { state, send, reset };
}
