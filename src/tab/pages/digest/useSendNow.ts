import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IsoDate } from '../../../domain/plan-item';
import type { SendRequest } from '../../../reminders/send-requests';
import { SharePointSendRequests } from '../../../sharepoint/send-request-repository';
import type { TabSession } from '../../session/tab-session';

/** Where a "Send now" stands, as the page shows it. */
export type SendNowState =
  | { state: 'idle' }
  | { state: 'requesting'; group: string }
  | { state: 'waiting'; request: SendRequest; since: number; checkedAt: number }
  | { state: 'done'; request: SendRequest }
  | { state: 'failed'; group: string; message: string };

/** How often the request row is re-read while the job works on it. */
export const SEND_POLL_MS = 3000;

/**
 * "Send now": the tab never holds webhook URLs, so it records a request in the Reminder
 * Log and the reminder job (which has them) sends it; the row is re-read every few
 * seconds until it says Sent or Failed.
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
      if (mounted.current) setState({ state: 'failed', group, message: error instanceof Error ? error.message : String(error) });
    }
  }, [requests, today]);

  const waitingId = state.state === 'waiting' ? state.request.id : null;
  useEffect(() => {
    if (waitingId === null) return;
    let live = true;
    const timer = setInterval(() => {
      requests.get(waitingId).then(
        (request) => {
          if (!live) return;
          if (request.outcome === 'Sent' || request.outcome === 'Failed') setState({ state: 'done', request });
          else setState((current) => (current.state === 'waiting' ? { ...current, request, checkedAt: Date.now() } : current));
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
