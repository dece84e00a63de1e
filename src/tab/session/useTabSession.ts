import { useEffect, useState } from 'react';
import type { TabConfig } from '../config';
import type { HostContext } from '../host/host';
import { actAsFrom, openTabSession, type TabSession } from './tab-session';

export type SessionState =
  | { state: 'connecting' }
  | { state: 'ready'; session: TabSession }
  | { state: 'failed'; message: string };

const sessions = new Map<string, Promise<TabSession>>();

/**
 * Opens the site once per (site, host, user): main.tsx starts it before React's first
 * render so the sign-in round trip overlaps loading the UI; the hook then finds it here.
 */
export function startTabSession(config: TabConfig, host: HostContext, search: string = window.location.search): Promise<TabSession> {
  const key = [config.siteUrl, config.authMode, host.kind, host.user?.loginHint ?? '', actAsFrom(search, host) ?? ''].join('|');
  let session = sessions.get(key);
  if (!session) {
    session = openTabSession(config, host, search);
    sessions.set(key, session);
    // A failure is shown once; the next attempt (a reload, another user) starts afresh.
    session.catch(() => sessions.delete(key));
  }
  return session;
}

/** The open session for the host; reconnects only if the config or host user changes. */
export function useTabSession(config: TabConfig, host: HostContext): SessionState {
  const [state, setState] = useState<SessionState>({ state: 'connecting' });
  const hostUser = host.user?.loginHint ?? '';
  useEffect(() => {
    let live = true;
    setState({ state: 'connecting' });
    startTabSession(config, host).then(
      (session) => { if (live) setState({ state: 'ready', session }); },
      (error: unknown) => { if (live) setState({ state: 'failed', message: error instanceof Error ? error.message : String(error) }); },
    );
    return () => { live = false; };
    // The theme changing must not reconnect, so this depends on who and where only.
  }, [config, host.kind, hostUser]);
  return state;
}
