import { makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { TabSession } from '../session/tab-session';

export type LocalModeBannerProps = { session: TabSession };

const ActAsPicker = lazy(() => import('./ActAsPicker'));

const useStyles = makeStyles({ banner: { marginBlockEnd: tokens.spacingVerticalS } });

/** The embedded server has no sign-in, so local mode says so plainly and lets you act as any site user. */
export function LocalModeBanner({ session }: LocalModeBannerProps) {
  const styles = useStyles();
  return (
    // Multiline so the picker wraps below the text instead of overflowing on narrow tabs.
    <MessageBar intent="info" layout="multiline" className={styles.banner}>
      <MessageBarBody>
        <MessageBarTitle>Local mode — acting as {session.me.title}</MessageBarTitle>
        {session.me.email ? `${session.me.email}. ` : ''}This is the embedded server, not SharePoint: you can act as any user of the site.
      </MessageBarBody>
      <MessageBarActions>
        <Suspense fallback={null}><ActAsPicker session={session} /></Suspense>
      </MessageBarActions>
    </MessageBar>
  );
}
