import { FluentProvider, Spinner, teamsLightTheme } from '@fluentui/react-components';
import { useMemo } from 'react';
import { readTabConfig } from './config';
import { useHost } from './host/useHost';
import { fluentThemeFor } from './host/theme';
import { Shell } from './Shell';
import { useGlobalStyles, useShellStyles } from './useShellStyles.styles';

/** The tab: waits for the host (Teams or browser), then themes and renders the shell. */
export function App() {
  useGlobalStyles();
  const styles = useShellStyles();
  const host = useHost();
  const config = useMemo(() => readTabConfig(), []);
  if (!host) {
    return <FluentProvider theme={teamsLightTheme} className={styles.provider}><Spinner label="Starting Plan Tracker…" /></FluentProvider>;
  }
  return (
    <FluentProvider theme={fluentThemeFor(host.theme)} className={styles.provider} lang={host.locale} data-theme={host.theme}>
      <Shell host={host} config={config} />
    </FluentProvider>
  );
}
