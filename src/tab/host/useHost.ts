import { useEffect, useState } from 'react';
import { hostReady, onHostThemeChange, type HostContext } from './host';

/** The host once it is known (null while teams-js initialises), following theme changes. */
export function useHost(): HostContext | null {
  const [host, setHost] = useState<HostContext | null>(null);
  useEffect(() => {
    let live = true;
    hostReady().then((ready) => { if (live) setHost(ready); });
    const unsubscribe = onHostThemeChange((theme) => setHost((current) => (current ? { ...current, theme } : current)));
    return () => { live = false; unsubscribe(); };
  }, []);
  return host;
}
