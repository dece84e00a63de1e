import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { Person } from '../../domain/plan-item';
import { listSiteUsers, type TabSession } from '../session/tab-session';

export type ActAsPickerProps = { session: TabSession };

/** Reloads the tab acting as another site user (local mode only). */
function actAs(email: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set('as', email);
  url.searchParams.delete('item');
  // A full reload: every piece of state belongs to the previous user.
  window.location.assign(url.toString());
}

/**
 * Local mode's user picker. Users load when the menu opens, not with the page, so the
 * first view costs no extra request; the component itself is loaded lazily too.
 */
export default function ActAsPicker({ session }: ActAsPickerProps) {
  const [users, setUsers] = useState<Person[] | 'loading' | 'failed' | null>(null);
  const load = (open: boolean) => {
    if (!open || (users !== null && users !== 'failed')) return;
    setUsers('loading');
    listSiteUsers(session).then(setUsers, () => setUsers('failed'));
  };
  return (
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
  );
}
