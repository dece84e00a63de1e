import {
  Button, makeStyles, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarActions, MessageBarBody,
  MessageBarTitle, Spinner, tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Person } from '../../domain/plan-item';
import { listSiteUsers, type TabSession } from '../session/tab-session';

export type LocalModeBannerProps = { session: TabSession };

const useStyles = makeStyles({ banner: { marginBlockEnd: tokens.spacingVerticalM } });

/**
 * The embedded server has no sign-in, so local mode says so plainly and lets you act as
 * any site user (an owner, then a manager). Users load when the picker opens, not with
 * the page, so the first view costs no extra request.
 */
export function LocalModeBanner({ session }: LocalModeBannerProps) {
  const styles = useStyles();
  const [users, setUsers] = useState<Person[] | 'loading' | 'failed' | null>(null);
  const load = (open: boolean) => {
    if (!open || (users !== null && users !== 'failed')) return;
    setUsers('loading');
    listSiteUsers(session).then(setUsers, () => setUsers('failed'));
  };
  const actAs = (email: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set('as', email);
    url.searchParams.delete('item');
    // A full reload: every piece of state belongs to the previous user.
    window.location.assign(url.toString());
  };
  return (
    <MessageBar intent="info" className={styles.banner}>
      <MessageBarBody>
        <MessageBarTitle>Local mode</MessageBarTitle>
        Local mode — acting as {session.me.title}{session.me.email ? ` (${session.me.email})` : ''}. This is the embedded server, not SharePoint.
      </MessageBarBody>
      <MessageBarActions>
        <Menu onOpenChange={(_, data) => load(data.open)}
          checkedValues={{ user: session.me.email ? [session.me.email] : [] }}
          onCheckedValueChange={(_, data) => { const email = data.checkedItems[0]; if (email && email !== session.me.email) actAs(email); }}>
          <MenuTrigger disableButtonEnhancement>
            <Button>Act as another user</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList aria-label="Site users">
              {users === 'loading' && <Spinner size="tiny" label="Loading users…" />}
              {users === 'failed' && <span>Users could not be loaded.</span>}
              {Array.isArray(users) && users.map((user) => (
                <MenuItemRadio key={user.id} name="user" value={user.email ?? ''}>{user.title} ({user.email})</MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      </MessageBarActions>
    </MessageBar>
  );
}
