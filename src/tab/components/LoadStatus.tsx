import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { isPlainError } from '../errors';
import { ErrorDetails } from './ErrorDetails';

/** Where a page's data is: what LoadStatus needs of a page's load state. */
export type LoadPhase = { state: 'loading' | 'failed' | 'ready' | string; message?: unknown };

type LoadStatusProps = {
  load: LoadPhase;
  /** Spoken and shown while loading, e.g. "Loading the plan…". */
  loadingLabel: string;
  /** Heading of the error, e.g. "The plan could not be loaded"; the message says what to do. */
  failedTitle: string;
};

/** A spinner while a page loads and an error bar if it failed; nothing once it is ready. */
export function LoadStatus({ load, loadingLabel, failedTitle }: LoadStatusProps) {
  if (load.state === 'loading') return <Spinner size="small" label={loadingLabel} />;
  if (load.state !== 'failed') return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{failedTitle}</MessageBarTitle>
        {isPlainError(load.message) ? <ErrorDetails error={load.message} /> : typeof load.message === 'string' ? load.message : null}
      </MessageBarBody>
    </MessageBar>
  );
}
