import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useMemo } from 'react';
import { LocalModeBanner } from './components/LocalModeBanner';
import type { TabConfig } from './config';
import { localToday } from './format';
import { deepLinkToItem, type HostContext } from './host/host';
import type { Capabilities } from '../domain/roles';
import { pageFor, pagesFor } from './pages/registry';
import { PlanPicker, UnknownPlanNotice } from './plans/PlanPicker';
import { usePlanChoice, usePlans } from './plans/usePlans';
import type { Route } from './routes';
import type { TabSession } from './session/tab-session';
import { useAccess } from './session/useAccess';
import { useTabSession } from './session/useTabSession';
import { useRoute } from './useRoute';
import { useShellStyles } from './useShellStyles.styles';

// Not needed for the first view, so they load after it (a deep link loads the panel at once).
const UpdatePanel = lazy(() => import('./update-panel/UpdatePanel'));
const PageNav = lazy(() => import('./components/PageNav'));

export type ShellProps = { host: HostContext; config: TabConfig };

/** The frame every page sits in: who you are, navigation, the page, and the update panel. */
export function Shell({ host, config }: ShellProps) {
  const styles = useShellStyles();
  const connection = useTabSession(config, host);
  const [route, navigate] = useRoute(host.page.subPageId);
  const access = useAccess(connection.state === 'ready' ? connection.session : null);
  // Managers' pages (Import, Digest preview) are offered only to those SharePoint lets manage.
  const pages = pagesFor(access);

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <h1 className={styles.appName}>Plan Tracker</h1>
        {pages.length > 1 && (
          <Suspense fallback={null}>
            <PageNav pages={pages} current={route.page} onSelect={(page) => navigate({ page, itemId: null })} />
          </Suspense>
        )}
      </header>
      {connection.state === 'connecting' && <Spinner label="Connecting to the plan…" />}
      {connection.state === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Plan Tracker could not connect to {config.siteUrl}</MessageBarTitle>
            {connection.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {connection.state === 'ready' && <SessionFrame session={connection.session} host={host} config={config} route={route} navigate={navigate} access={access} />}
    </div>
  );
}

type SessionFrameProps = ShellProps & { session: TabSession; route: Route; navigate(next: Route): void; access: Capabilities | null };

/** What the shell shows once connected: the plan picker, the page and the update panel. */
function SessionFrame({ session, host, config, route, navigate, access }: SessionFrameProps) {
  const styles = useShellStyles();
  const today = useMemo(() => localToday(), []);
  const plans = usePlans(session);
  const [plan, choosePlan] = usePlanChoice();
  const definition = pageFor(route.page);
  const Page = definition.component;
  const refused = access !== null && definition.requires !== undefined && !access[definition.requires];
  // The settings page picks its own plan; every other page is scoped by the picker.
  const scoped = route.page !== 'config';

  return (
    <>
      {session.mode === 'local' && <LocalModeBanner session={session} />}
      {scoped && (
        <div className={styles.scope}>
          <PlanPicker plans={plans} plan={plan} onChoose={choosePlan} />
        </div>
      )}
      {scoped && <UnknownPlanNotice plans={plans} plan={plan} />}
      <main className={styles.main}>
        {/* Keyed by plan: a page reads its scope from the URL when it mounts, so another plan is a fresh page. */}
        {refused
          ? <p>Only plan managers can use {definition.label}. If you need to, ask a plan manager or the site owner to add you to the Plan Managers group.</p>
          : <Page key={plan ?? ''} session={session} host={host} config={config} today={today} access={access}
              openItem={(itemId) => navigate({ ...route, itemId })} />}
      </main>
      {route.itemId !== null && (
        <Suspense fallback={<Spinner size="small" label="Opening the action…" />}>
          <UpdatePanel key={route.itemId} session={session} itemId={route.itemId} locale={host.locale} access={access}
            linkFor={(item) => deepLinkToItem(host, item.id, { teamsAppId: config.teamsAppId, label: item.title })}
            onClose={() => navigate({ ...route, itemId: null })} />
        </Suspense>
      )}
    </>
  );
}
