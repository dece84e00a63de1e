import { useEffect, useState } from 'react';
import { capabilitiesOf, type Capabilities } from '../../domain/roles';
import type { TabSession } from './tab-session';

/** What the tab offers the user, or `null` while SharePoint is being asked. */
export type AccessState = Capabilities | null;

/**
 * When SharePoint cannot say (a server without the permissions endpoints), the tab offers
 * everything and SharePoint's own permissions refuse what the user may not do: the tab's
 * controls are a convenience, never the security boundary.
 */
export const ACCESS_UNKNOWN: Capabilities = {
  role: 'manager', editActions: true, addActions: true, deleteActions: true, bulkEdit: true, importPlans: true, sendDigests: true, archivePlans: true,
};

const cache = new WeakMap<TabSession, Promise<Capabilities>>();

/** Reads the user's permissions and groups once per session (loaded lazily: the first view does not wait). */
export function loadAccess(session: TabSession): Promise<Capabilities> {
  let access = cache.get(session);
  if (!access) {
    access = import('../../sharepoint/user-access')
      .then(({ readAccessFacts }) => readAccessFacts(session.site.sp))
      .then(capabilitiesOf, () => ACCESS_UNKNOWN);
    cache.set(session, access);
  }
  return access;
}

/** The user's capabilities in this session (`null` until connected and read). */
export function useAccess(session: TabSession | null): AccessState {
  const [access, setAccess] = useState<AccessState>(null);
  useEffect(() => {
    if (!session) return;
    let live = true;
    void loadAccess(session).then((found) => { if (live) setAccess(found); });
    return () => { live = false; };
  }, [session]);
  return session ? access : null;
}
