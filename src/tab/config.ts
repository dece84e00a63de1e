import { testIdentityRequested } from './auth/test-identity';
import { chooseSiteUrl } from './site-choice';

/** What the tab was built and opened with. */
export type TabConfig = {
  /** The SharePoint site the tab talks to (no trailing slash). */
  siteUrl: string;
  /** Entra ID client id for nested app authentication; empty when not configured. */
  clientId: string;
  /** The Teams app id from the manifest, for deep links; empty when not configured. */
  teamsAppId: string;
  /**
   * `token` for SharePoint Online (a bearer token: nested app authentication, or Teams'
   * authentication window), `embedded` for the local server, which has no sign-in and
   * lets you act as any site user. Browser tests of sign-in get `token` on the local
   * server too, with a fake identity provider (see auth/test-identity.ts).
   */
  authMode: 'token' | 'embedded';
};

/** Whether a site URL is SharePoint Online (anything else is the embedded server). */
export function isSharePointOnline(siteUrl: string): boolean {
  return /\.sharepoint(-df)?\.(com|us|de|cn)$/i.test(new URL(siteUrl).hostname);
}

/**
 * Reads the build-time environment; the site defaults to this origin's /sites/plans. A
 * configurable tab's `?site=` (from its config page) picks another site on the same host.
 */
export function readTabConfig(origin: string = window.location.origin, search: string = window.location.search): TabConfig {
  const configured = (import.meta.env.VITE_PLAN_TRACKER_SITE_URL ?? '').trim();
  const siteUrl = chooseSiteUrl(configured || `${origin}/sites/plans`, new URLSearchParams(search).get('site'));
  return {
    siteUrl,
    clientId: (import.meta.env.VITE_PLAN_TRACKER_CLIENT_ID ?? '').trim(),
    teamsAppId: (import.meta.env.VITE_PLAN_TRACKER_TEAMS_APP_ID ?? '').trim(),
    authMode: isSharePointOnline(siteUrl) || testIdentityRequested() ? 'token' : 'embedded',
  };
}
