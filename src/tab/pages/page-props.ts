import type { IsoDate } from '../../domain/plan-item';
import type { Capabilities } from '../../domain/roles';
import type { TabConfig } from '../config';
import type { HostContext } from '../host/host';
import type { TabSession } from '../session/tab-session';

/** What every page gets from the shell. */
export type PageProps = {
  session: TabSession;
  host: HostContext;
  config: TabConfig;
  /** The user's today, for overdue / due-soon. */
  today: IsoDate;
  /** What the user may do, from SharePoint's permissions; `null` while still being read (offer no edits yet). */
  access?: Capabilities | null;
  /** Opens an action's update panel (the shell owns it, so every page shares one). */
  openItem(itemId: number): void;
};
