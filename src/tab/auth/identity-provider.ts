/**
 * The one seam between the tab and Entra ID. Everything that talks to login.microsoftonline.com
 * (through MSAL) sits behind `IdentityProvider`; the rest of sign-in — asking Teams whether
 * nested app authentication is recommended, Teams' authentication window, passing the
 * result back and reusing it — is ours and runs the same in tests, where a fake provider
 * stands behind this seam (see test-identity.ts for when one is accepted).
 */

/** What a token is for: the SharePoint origin's `/.default` scope, for whom. */
export type TokenRequest = {
  scopes: string[];
  /** The Teams user's UPN, so Entra picks the right account without asking. */
  loginHint: string;
};

/** A token and what the tab needs to reuse it. */
export type SignInResult = {
  accessToken: string;
  /** When the token expires, in milliseconds since the epoch. */
  expiresOn: number;
  account: { username: string; name: string };
};

/** Entra ID as the tab uses it. */
export type IdentityProvider = {
  /** Nested app authentication: a token through the Teams host (silent first, the host's prompt if needed). */
  nestedToken(request: TokenRequest): Promise<SignInResult>;
  /** The fallback, in the tab: a token without any window (cache or silent SSO), or null. */
  silentToken(request: TokenRequest): Promise<SignInResult | null>;
  /** The fallback, in Teams' authentication window: go to Entra's sign-in, which answers at `redirectUri`. */
  startSignIn(request: TokenRequest & { redirectUri: string }): Promise<void>;
  /** On the redirect URI: hand Entra's answer back to the page that asked (the window's start page, or the tab's silent SSO). */
  relayResponse(): Promise<void>;
  /** Back on the start page: the result of the sign-in that just returned, or null when none has started. */
  completeSignIn(): Promise<SignInResult | null>;
};

/** The scope for a SharePoint Online site: its origin's `/.default` (the app's delegated permissions). */
export function sharePointScopes(siteUrl: string): string[] {
  return [`${new URL(siteUrl).origin}/.default`];
}

/** Where Entra ID answers (Teams' authentication window and silent SSO): the SPA redirect URI to register. */
export function authEndUrl(origin: string = window.location.origin): string {
  return `${origin}/tab/auth-end.html`;
}

/** The identity provider: the test fake where test-identity.ts accepts one, else MSAL (loaded only now). */
export async function loadIdentityProvider(clientId: string): Promise<IdentityProvider> {
  const { acceptedTestIdentity } = await import('./test-identity');
  const fake = await acceptedTestIdentity();
  if (fake) return fake;
  if (!clientId) {
    throw new Error('No Entra ID client id was built into the tab. Set VITE_PLAN_TRACKER_CLIENT_ID and rebuild (see README, “Pointing it at a real tenant”).');
  }
  const { msalIdentityProvider } = await import('./msal-identity');
  return msalIdentityProvider(clientId);
}
