import { Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, tokens } from '@fluentui/react-components';
import { findPlan, planChoices } from '../../domain/plan-choice';
import type { PlansState } from './usePlans';

export type PlanPickerProps = {
  plans: PlansState;
  plan: string | null;
  onChoose(plan: string | null): void;
};

const ALL = '';

const useStyles = makeStyles({
  field: { minWidth: '12rem', maxWidth: '100%' },
  notice: { marginBlockEnd: tokens.spacingVerticalS },
});

/** The plan every page is scoped to, or all plans; picked from the Plans list, never typed. */
export function PlanPicker({ plans, plan, onChoose }: PlanPickerProps) {
  const styles = useStyles();
  const records = plans.state === 'ready' ? plans.plans : [];
  const known = plan === null || plans.state !== 'ready' || findPlan(records, plan) !== null;
  const choices = planChoices(records, plan);
  const value = plan === null ? ALL : findPlan(records, plan)?.name ?? plan;
  return (
    <Field label="Plan" className={styles.field}>
      <Select value={value} onChange={(_, data) => onChoose(data.value === ALL ? null : data.value)}>
        <option value={ALL}>All plans</option>
        {choices.map((c) => <option key={c.name} value={c.name}>{c.label}</option>)}
        {/* A name from an old link stays selectable so the page does not jump elsewhere silently. */}
        {!known && plan !== null && <option value={plan}>{plan} (no such plan)</option>}
      </Select>
    </Field>
  );
}

/** Says plainly that the plan in the link or tab settings does not exist, and what to do. */
export function UnknownPlanNotice({ plans, plan }: { plans: PlansState; plan: string | null }) {
  const styles = useStyles();
  if (plan === null || plans.state !== 'ready' || findPlan(plans.plans, plan)) return null;
  const names = planChoices(plans.plans, null).map((c) => c.name);
  return (
    <MessageBar intent="warning" layout="multiline" className={styles.notice}>
      <MessageBarBody>
        <MessageBarTitle>There is no plan called “{plan}”</MessageBarTitle>
        {names.length
          ? `Choose a plan under “Plan” above (${names.join(', ')}), or “All plans”. If the tab was set up with this name, a plan manager can change it in the tab's settings.`
          : 'No plans are in the Plans list yet. A plan manager can import one on the Import page.'}
      </MessageBarBody>
    </MessageBar>
  );
}
