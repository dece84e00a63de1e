import type { Person } from '../../domain/plan-item';
import type { ConnectionAuth } from '../../sharepoint/connect';
import { openSite, type SiteSession } from '../../sharepoint/open-site';
import type { TabConfig } from '../config';
import type { HostContext } from '../host/host';

/** An open connection to the plan's site, as the signed-in (or acted-as) user. */
export type TabSession = {
  site: SiteSession;
  me: Person;
  /** `local`: the embedded server, where anyone can act as any site user. */
  mode: 'local' | 'sharepoint';
};

/** The email local mode acts as: `?as=` first, then the Teams user, else the server's default. */
export function actAsFrom(search: string, host: HostContext): string | undefined {
  const asked = new URLSearchParams(search).get('as')?.trim();
  return asked || host.user?.loginHint || undefined;
}

async function authFor(config: TabConfig, host: HostContext, search: string): Promise<ConnectionAuth> {
  if (config.authMode === 'embedded') return { kind: 'embedded', actAs: actAsFrom(search, host) };
  // Sign-in (and MSAL, a big library only Teams needs) loads when we get here, not with the page.
  const { signInToSite } = await import('../auth/sign-in');
  const { getToken } = await signInToSite(config, host);
  return { kind: 'token', getToken };
}

/** Connects to the configured site and finds out who we are (one request). */
export async function openTabSession(config: TabConfig, host: HostContext, search: string = window.location.search): Promise<TabSession> {
  const auth = await authFor(config, host, search);
  // No list check here: it would cost a request on every load, and the first query fails clearly anyway.
  const site = await openSite(config.siteUrl, auth, { check: false });
  const me = await site.currentUser();
  return { site, me, mode: config.authMode === 'embedded' ? 'local' : 'sharepoint' };
}

/** The site's users, for local mode's "act as" picker. */
export async function listSiteUsers(session: TabSession): Promise<Person[]> {
  const users = (await session.site.sp.web.siteUsers.select('Id', 'Title', 'Email')()) as { Id: number; Title: string; Email?: string }[];
  return users
    .filter((u) => Boolean(u.Email))
    .map((u) => ({ id: u.Id, title: u.Title, email: u.Email ?? null }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * Gets a save ready while the user is still typing. Against the embedded server (as with
 * SharePoint cookie auth) a write needs a form digest, which PnPjs fetches before the
 * first POST and then caches; ensuring the current user (a POST that changes nothing)
 * fetches it now, so pressing Save is one request. With a bearer token (SharePoint
 * Online) no digest is needed and this does nothing.
 */
export function prepareForWrites(session: TabSession): void {
  if (session.mode !== 'local' || !session.me.email) return;
  session.site.ensureUser(session.me.email).catch(() => undefined);
}
