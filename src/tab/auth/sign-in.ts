import type { TabConfig } from '../config';
import { authenticateInTeams, naaRecommended } from '../host/auth-bridge';
import type { HostContext } from '../host/host';
import { loadIdentityProvider, sharePointScopes, type IdentityProvider, type SignInResult, type TokenRequest } from './identity-provider';
import { parseSignInResult, reusableToken } from './token-reuse';

/** How the tab got its token: nested app authentication, or Teams' authentication window. */
export type SignInPath = 'naa' | 'teams-window';

/** The page Teams' authentication window opens first, for this site and user. */
export function authStartUrl(config: TabConfig, loginHint: string, origin: string = window.location.origin): string {
  const url = new URL('/tab/auth-start.html', origin);
  url.searchParams.set('site', config.siteUrl);
  if (loginHint) url.searchParams.set('loginHint', loginHint);
  return url.href;
}

/** The fallback: silent SSO if Entra allows it from the frame, else Teams' authentication window running the redirect flow. */
function viaTeamsWindow(provider: IdentityProvider, request: TokenRequest, startUrl: string): () => Promise<SignInResult> {
  return async () => {
    const silent = await provider.silentToken(request);
    if (silent) return silent;
    const result = parseSignInResult(await authenticateInTeams(startUrl));
    if (!result) throw new Error('The sign-in window returned no usable token. Reload the tab to try again.');
    return result;
  };
}

/**
 * Signs the Teams user in to the site and returns a bearer-token getter: nested app
 * authentication where Teams recommends it, otherwise Teams' authentication window (which
 * works on web, desktop and mobile without NAA). Tokens are reused until shortly before
 * they expire; the window's result is kept in sessionStorage so a reload does not ask again.
 */
export async function signInToSite(config: TabConfig, host: HostContext): Promise<{ path: SignInPath; getToken: () => Promise<string> }> {
  if (host.kind !== 'teams') {
    throw new Error(`This tab signs in to ${config.siteUrl} through Microsoft Teams. Open it from the Plan Tracker app in Teams.`);
  }
  const provider = await loadIdentityProvider(config.clientId);
  const loginHint = host.user?.loginHint ?? '';
  const request: TokenRequest = { scopes: sharePointScopes(config.siteUrl), loginHint };
  const key = `plan-tracker.token|${request.scopes.join(' ')}|${loginHint.toLowerCase()}`;
  if (await naaRecommended()) {
    // MSAL keeps NAA tokens itself; ours only saves a round trip to the host per request.
    return { path: 'naa', getToken: reusableToken(() => provider.nestedToken(request), { key }) };
  }
  const store = (() => { try { return window.sessionStorage; } catch { return null; } })();
  return { path: 'teams-window', getToken: reusableToken(viaTeamsWindow(provider, request, authStartUrl(config, loginHint)), { key, store }) };
}
