import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { SendNowChoice } from '../../../domain/digest-resend';
import { formatDateTime } from '../../format';

export type SendNowConfirmProps = {
  open: boolean;
  group: string;
  actionCount: number;
  choice: SendNowChoice;
  onConfirm(): void;
  onCancel(): void;
};

/**
 * Asks before a digest goes to a group's chat (a post cannot be taken back); when the
 * digest already went out today, the only way on is an explicit "Send again".
 */
export function SendNowConfirm({ open, group, actionCount, choice, onConfirm, onCancel }: SendNowConfirmProps) {
  const again = choice.kind === 'again-today';
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => { if (!data.open) onCancel(); }}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{again ? `Send ${group}'s digest again today?` : `Send ${group}'s digest now?`}</DialogTitle>
          <DialogContent>
            {again
              ? `${group}'s digest was already sent today at ${formatDateTime(choice.lastSentAt)}. Sending again posts a second card to the group's chat.`
              : `This posts a card listing ${actionCount} ${actionCount === 1 ? 'action' : 'actions'} to ${group}'s chat. It cannot be taken back.`}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>{again ? 'Send again' : 'Send'}</Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
