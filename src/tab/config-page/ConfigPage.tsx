import { Field, MessageBar, MessageBarBody, Select, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { PageProps } from '../pages/page-props';
import { useConfigPage } from './useConfigPage';

const useConfigPageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '40rem' },
  heading: { ...typographyStyles.subtitle1, margin: '0' },
  subheading: { ...typographyStyles.body1Strong, margin: '0' },
  text: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: '0' },
  summary: {
    display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: '0',
    padding: tokens.spacingHorizontalM, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
  term: { ...typographyStyles.body1Strong },
  detail: { ...typographyStyles.body1, margin: '0' },
  url: { ...typographyStyles.caption1, wordBreak: 'break-all', color: tokens.colorNeutralForeground2, margin: '0' },
});

const plural = (n: number) => `${n} ${n === 1 ? 'action' : 'actions'}`;

/**
 * The configurable tab's config page (channels and group chats): the site, picked from
 * the sites the user can reach, and the plan, picked from that site's Plans list. It shows
 * the plan it will pin; in Teams' settings dialog Save stores a content URL opening it.
 */
export function ConfigPage({ session }: PageProps) {
  const styles = useConfigPageStyles();
  const page = useConfigPage(session);
  const { choice, setChoice, sites, plans, planRecord, actionCount } = page;
  const siteOptions = sites.state === 'ready' ? sites.value : [{ title: choice.siteUrl, url: choice.siteUrl }];

  return (
    <section className={styles.root} aria-labelledby="config-heading">
      <h2 id="config-heading" className={styles.heading}>Set up the Plan Tracker tab</h2>
      <p className={styles.text}>Choose the plan this channel or chat follows. Everyone here sees its actions in the tab.</p>
      <Field label="SharePoint site" hint={sites.state === 'loading' ? 'Finding the sites you can open…' : 'Sites you can open in SharePoint.'}>
        <Select value={choice.siteUrl} onChange={(_, d) => setChoice({ siteUrl: d.value, plan: '' })}>
          {siteOptions.map((s) => <option key={s.url} value={s.url}>{s.title === s.url ? s.url : `${s.title} — ${s.url}`}</option>)}
        </Select>
      </Field>
      {sites.state === 'failed' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>SharePoint search could not list your sites ({sites.message}). You can still pin a plan from this site.</MessageBarBody>
        </MessageBar>
      )}
      {plans.state === 'loading' && <Spinner size="tiny" label="Reading the plans on the site…" />}
      {plans.state === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>The Plans list of {choice.siteUrl} could not be read ({plans.message}). Choose another site, or ask a plan manager to run `plan-tracker provision` on it.</MessageBarBody>
        </MessageBar>
      )}
      {plans.state === 'ready' && (plans.value.length === 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>This site has no plans yet. A plan manager can import one on the Import page, or choose another site.</MessageBarBody>
        </MessageBar>
      ) : (
        <Field label="Plan" required validationState={choice.plan ? 'none' : 'error'} validationMessage={choice.plan ? undefined : 'Choose the plan this tab shows.'}>
          <Select value={choice.plan} onChange={(_, d) => setChoice({ ...choice, plan: d.value })}>
            <option value="">Choose a plan</option>
            {plans.value.map((p) => <option key={p.id} value={p.name}>{p.name}</option>)}
          </Select>
        </Field>
      ))}
      <div aria-live="polite">
        {planRecord && (
          <>
            <h3 className={styles.subheading}>The tab will show</h3>
            <dl className={styles.summary}>
              <dt className={styles.term}>Plan</dt><dd className={styles.detail}>{planRecord.name}</dd>
              <dt className={styles.term}>Steering group</dt><dd className={styles.detail}>{planRecord.steeringGroup || 'None named'}</dd>
              <dt className={styles.term}>Actions</dt>
              <dd className={styles.detail}>
                {actionCount?.state === 'ready' ? plural(actionCount.value) : actionCount?.state === 'failed' ? `Could not be counted (${actionCount.message})` : 'Counting…'}
              </dd>
              <dt className={styles.term}>Site</dt><dd className={styles.detail}>{choice.siteUrl}</dd>
            </dl>
          </>
        )}
      </div>
      {page.host?.kind === 'preview' && (
        <MessageBar intent="info">
          <MessageBarBody>This page saves from Teams’ “Save” button when you add the tab to a channel or chat. Outside Teams it shows what would be saved.</MessageBarBody>
        </MessageBar>
      )}
      {page.instance && <p className={styles.url}>The tab will open: {page.instance.contentUrl}</p>}
    </section>
  );
}

export default ConfigPage;
