import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanItem } from '../../domain/plan-item';
import { SharePointPlanEditing } from '../../sharepoint/plan-editing';
import { explainError } from '../errors';
import { announceItemDeleted, announceItemSaved } from '../session/item-events';
import type { TabSession } from '../session/tab-session';

type DeleteState = { state: 'idle' | 'asking' | 'working' } | { state: 'deleted'; recycleId: string } | { state: 'failed'; message: string };

/**
 * A manager's "Delete action": asks first, sends the action to the site's recycle bin (from
 * where the site owner can restore it for 93 days), and offers Undo while the panel is open.
 */
export default function DeleteAction({ session, item }: { session: TabSession; item: PlanItem }) {
  const [state, setState] = useState<DeleteState>({ state: 'idle' });
  const editing = new SharePointPlanEditing(session.site.sp);
  const remove = async () => {
    setState({ state: 'working' });
    try {
      const recycleId = await editing.recycle(item, new Date().toISOString());
      announceItemDeleted(item.id);
      setState({ state: 'deleted', recycleId });
    } catch (error) {
      setState({ state: 'failed', message: `The action was not deleted. ${explainError(error).message}` });
    }
  };
  const undo = async (recycleId: string) => {
    setState({ state: 'working' });
    try {
      await editing.restore(item, recycleId, new Date().toISOString());
      announceItemSaved(await session.site.plans.getById(item.id));
      setState({ state: 'idle' });
    } catch (error) {
      setState({ state: 'failed', message: `The action could not be brought back. ${explainError(error).message} The site owner can restore it from the site's recycle bin.` });
    }
  };
  return (
    <>
      <div role="status" aria-live="polite">
        {state.state === 'deleted' && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              “{item.title}” was deleted (sent to the site&apos;s recycle bin).{' '}
              <Button size="small" onClick={() => void undo(state.recycleId)}>Undo delete</Button>
            </MessageBarBody>
          </MessageBar>
        )}
        {state.state === 'failed' && <MessageBar intent="error"><MessageBarBody>{state.message}</MessageBarBody></MessageBar>}
      </div>
      {state.state !== 'deleted' && (
        <Button disabledFocusable={state.state === 'working'} onClick={() => setState({ state: 'asking' })}>Delete action…</Button>
      )}
      <Dialog open={state.state === 'asking'} modalType="alert" onOpenChange={(_, data) => { if (!data.open) setState({ state: 'idle' }); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Delete “{item.title}”?</DialogTitle>
            <DialogContent>
              The action and its place in the plan go to the site&apos;s recycle bin. You can undo this here while this panel is open;
              after that the site owner can restore it from the recycle bin. Its history is kept.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void remove()}>Delete</Button>
              <Button onClick={() => setState({ state: 'idle' })}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
