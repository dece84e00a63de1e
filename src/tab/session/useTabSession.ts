import { useEffect, useState } from 'react';
import type { TabConfig } from '../config';
import type { HostContext } from '../host/host';
import { openTabSession, type TabSession } from './tab-session';

export type SessionState =
  | { state: 'connecting' }
  | { state: 'ready'; session: TabSession }
  | { state: 'failed'; message: string };

/** Opens the site once the host is known; reconnects only if the config or host user changes. */
export function useTabSession(config: TabConfig, host: HostContext): SessionState {
  const [state, setState] = useState<SessionState>({ state: 'connecting' });
  const hostUser = host.user?.loginHint ?? '';
  useEffect(() => {
    let live = true;
    setState({ state: 'connecting' });
    openTabSession(config, host).then(
      (session) => { if (live) setState({ state: 'ready', session }); },
      (error: unknown) => { if (live) setState({ state: 'failed', message: error instanceof Error ? error.message : String(error) }); },
    );
    return () => { live = false; };
    // The theme changing must not reconnect, so this depends on who and where only.
  }, [config, host.kind, hostUser]);
  return state;
}
