import { Field, Input, MessageBar, MessageBarBody, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { PageProps } from '../pages/page-props';
import { useConfigPage } from './useConfigPage';

const useConfigPageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '40rem' },
  heading: { ...typographyStyles.subtitle1, margin: '0' },
  text: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, margin: '0' },
  url: { ...typographyStyles.caption1, wordBreak: 'break-all', color: tokens.colorNeutralForeground2, margin: '0' },
});

/**
 * The configurable tab's config page (channels and group chats): the site, the plan and
 * the steering group. In Teams' settings dialog, Save stores a content URL carrying them.
 */
export function ConfigPage({ session }: PageProps) {
  const styles = useConfigPageStyles();
  const page = useConfigPage(session);
  const { choice, setChoice, problems, choices } = page;

  return (
    <section className={styles.root} aria-labelledby="config-heading">
      <h2 id="config-heading" className={styles.heading}>Set up the Plan Tracker tab</h2>
      <p className={styles.text}>Choose the plan this channel or chat follows. Everyone here sees its actions; the steering group decides whose reminders it is about.</p>
      <Field label="SharePoint site" required validationMessage={problems.siteUrl} validationState={problems.siteUrl ? 'error' : 'none'}>
        <Input type="url" value={choice.siteUrl} onChange={(_, d) => setChoice({ ...choice, siteUrl: d.value })} />
      </Field>
      {!choices && <Spinner size="tiny" label="Finding the plans on the site…" />}
      {choices?.problem && (
        <MessageBar intent="warning">
          <MessageBarBody>The plans on the site could not be listed ({choices.problem}). Type the plan’s name as it appears in the Plan column.</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Plan" required validationMessage={problems.plan} validationState={problems.plan ? 'error' : 'none'}
        hint={choices?.plans.length ? `Plans on this site: ${choices.plans.join(', ')}.` : undefined}>
        {/* A text box with suggestions: another site's plans cannot be listed from here. */}
        <Input value={choice.plan} list="config-plans" autoComplete="off" onChange={(_, d) => setChoice({ ...choice, plan: d.value })} />
      </Field>
      <datalist id="config-plans">{(choices?.plans ?? []).map((p) => <option key={p} value={p} />)}</datalist>
      <Field label="Steering group" hint="Leave empty to show the whole plan.">
        <Input value={choice.steeringGroup} list="config-groups" autoComplete="off" onChange={(_, d) => setChoice({ ...choice, steeringGroup: d.value })} />
      </Field>
      <datalist id="config-groups">{(choices?.steeringGroups ?? []).map((g) => <option key={g} value={g} />)}</datalist>
      {page.host?.kind === 'preview' && (
        <MessageBar intent="info">
          <MessageBarBody>This page saves from Teams’ “Save” button when you add the tab to a channel or chat. Outside Teams it shows what would be saved.</MessageBarBody>
        </MessageBar>
      )}
      <p className={styles.url} role="status">{page.instance ? `The tab will open: ${page.instance.contentUrl}` : 'Fill in the site and the plan to continue.'}</p>
    </section>
  );
}

export default ConfigPage;
