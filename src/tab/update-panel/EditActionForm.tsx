import { Button, Combobox, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { checkEdit, type ActionEdit, type EditErrors } from '../../domain/action-edit';
import type { Person, PlanItem } from '../../domain/plan-item';
import { ConflictError } from '../../domain/ports';
import { SharePointPlanEditing } from '../../sharepoint/plan-editing';
import { UkDatePicker } from '../components/UkDatePicker';
import { explainError } from '../errors';
import { listSiteUsers, type TabSession } from '../session/tab-session';

export type EditActionFormProps = { session: TabSession; item: PlanItem; onSaved(): void; onCancel(): void };

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM },
  grow: { flexGrow: 1, minWidth: '10em' },
  footer: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

const formOf = (item: PlanItem): ActionEdit => ({
  title: item.title, actionDetails: item.actionDetails, section: item.section, owner: item.owner, ownerText: item.ownerText,
  dueDate: item.dueDate, dueReason: '', measure: item.measure, resource: item.resource,
});

/** A plan manager's edit of an action's own fields: title, details, section, owner, due date (with reason), measure, resource. */
export default function EditActionForm({ session, item, onSaved, onCancel }: EditActionFormProps) {
  const styles = useStyles();
  const [edit, setEdit] = useState<ActionEdit>(() => formOf(item));
  const [errors, setErrors] = useState<EditErrors>({});
  const [saving, setSaving] = useState(false);
  const [people, setPeople] = useState<Person[]>([]);
  const [ownerQuery, setOwnerQuery] = useState(item.owner?.title ?? '');
  useEffect(() => { listSiteUsers(session).then(setPeople, () => setPeople([])); }, [session]);
  const set = <K extends keyof ActionEdit>(key: K, value: ActionEdit[K]) => setEdit((e) => ({ ...e, [key]: value }));
  const dueMoves = edit.dueDate !== item.dueDate;
  const matches = people.filter((p) => p.title.toLowerCase().includes(ownerQuery.trim().toLowerCase())).slice(0, 50);

  const save = async () => {
    const found = checkEdit(item, edit);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      await new SharePointPlanEditing(session.site.sp).edit(item, edit, new Date().toISOString());
      onSaved();
    } catch (error) {
      setErrors({ form: error instanceof ConflictError
        ? 'Someone else changed this action while you were editing. Close the form to see their change, then edit again.'
        : `The action was not changed. ${explainError(error).message}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} aria-label="Edit this action" noValidate onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <Field label="Title" required validationMessage={errors.title}>
        <Input value={edit.title ?? ''} onChange={(_, d) => set('title', d.value)} />
      </Field>
      <Field label="Details" hint="The full action text as the plan writes it.">
        <Textarea resize="vertical" value={edit.actionDetails ?? ''} onChange={(_, d) => set('actionDetails', d.value)} />
      </Field>
      <Field label="Section">
        <Input value={edit.section ?? ''} onChange={(_, d) => set('section', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field className={styles.grow} label="Owner (site user)" hint="Their My actions lists the action.">
          <Combobox freeform={false} value={ownerQuery} selectedOptions={edit.owner ? [String(edit.owner.id)] : []}
            onChange={(event) => setOwnerQuery(event.target.value)}
            onOptionSelect={(_, data) => {
              const person = people.find((p) => String(p.id) === data.optionValue) ?? null;
              set('owner', person);
              setOwnerQuery(person?.title ?? '');
            }}>
            <Option value="" text="">No site user</Option>
            {matches.map((p) => <Option key={p.id} value={String(p.id)} text={p.title}>{`${p.title}${p.email ? ` (${p.email})` : ''}`}</Option>)}
          </Combobox>
        </Field>
        <Field className={styles.grow} label="Owner (as written)" hint="A board, team or post, e.g. “Housing Board”.">
          <Input value={edit.ownerText ?? ''} onChange={(_, d) => set('ownerText', d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field className={styles.grow} label="Due date">
          <UkDatePicker value={edit.dueDate ?? ''} onChange={(date) => set('dueDate', date ?? null)} />
        </Field>
        {dueMoves && (
          <Field className={styles.grow} label="Reason for the new date" required validationMessage={errors.dueReason}>
            <Textarea resize="vertical" value={edit.dueReason ?? ''} onChange={(_, d) => set('dueReason', d.value)} />
          </Field>
        )}
      </div>
      <Field label="Measure">
        <Textarea resize="vertical" value={edit.measure ?? ''} onChange={(_, d) => set('measure', d.value)} />
      </Field>
      <Field label="Resource">
        <Input value={edit.resource ?? ''} onChange={(_, d) => set('resource', d.value)} />
      </Field>
      {errors.form && <MessageBar intent="error"><MessageBarBody>{errors.form}</MessageBarBody></MessageBar>}
      <div className={styles.footer}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>{saving ? 'Saving…' : 'Save changes'}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
