import type { ConnectionAuth } from './connect';
import { certificateAuthFromEnv } from './connect-node';

/** The local embedded server's site, where `npm start` puts it. */
export const LOCAL_SITE_URL = 'http://127.0.0.1:4321/sites/plans';

/** The site to talk to: the `--site` flag, else `SP_SITE_URL`, else the local embedded server. */
export function resolveSiteUrl(flag?: string): string {
  const url = (flag || process.env.SP_SITE_URL || LOCAL_SITE_URL).replace(/\/+$/, '');
  try {
    new URL(url);
  } catch {
    throw new Error(`'${url}' is not a site URL. Give one like https://contoso.sharepoint.com/sites/plans.`);
  }
  return url;
}

/** Whether a URL points at the embedded server on this machine. */
export function isLocalSite(siteUrl: string): boolean {
  const host = new URL(siteUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * Auth for Node commands: none for the embedded server (optionally acting as
 * `PLAN_TRACKER_ACT_AS`), an app-only certificate token for a tenant (connect-node.ts).
 */
export async function authForSite(siteUrl: string): Promise<ConnectionAuth> {
  if (isLocalSite(siteUrl)) return { kind: 'embedded', actAs: process.env.PLAN_TRACKER_ACT_AS || undefined };
  return certificateAuthFromEnv(siteUrl);
}
