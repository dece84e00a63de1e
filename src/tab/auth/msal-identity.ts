/**
 * The real identity provider: MSAL for the browser. Imported lazily (see
 * identity-provider.ts), so the tab's first view never downloads MSAL.
 * - Nested app authentication: `createNestablePublicClientApplication` asks the Teams host
 *   for the token over the bridge teams-js set up in `app.initialize()`.
 * - The fallback: a standard SPA client. In the tab it only tries silent SSO; the
 *   sign-in itself runs in Teams' authentication window as a redirect flow. Entra answers
 *   at the SPA redirect URI `<tab origin>/tab/auth-end.html`, whose redirect bridge
 *   (msal-browser v5) hands the answer to the page that asked.
 */
import {
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  InteractionRequiredAuthError,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { authEndUrl, type IdentityProvider, type SignInResult, type TokenRequest } from './identity-provider';

const AUTHORITY = 'https://login.microsoftonline.com/organizations';
/** Silent SSO runs in a hidden frame; where third-party cookies are blocked it cannot succeed, so do not wait long. */
const SILENT_SSO_TIMEOUT_MS = 6000;

const toResult = (result: AuthenticationResult): SignInResult => ({
  accessToken: result.accessToken,
  expiresOn: result.expiresOn?.getTime() ?? Date.now() + 60 * 60_000,
  account: { username: result.account?.username ?? '', name: result.account?.name ?? '' },
});

/** MSAL behind the identity seam, for one Entra app (client) id. */
export function msalIdentityProvider(clientId: string): IdentityProvider {
  let nested: Promise<IPublicClientApplication> | null = null;
  const standard = new Map<string, Promise<IPublicClientApplication>>();
  const standardFor = (redirectUri: string) => {
    let pca = standard.get(redirectUri);
    if (!pca) {
      pca = createStandardPublicClientApplication({
        auth: { clientId, authority: AUTHORITY, redirectUri },
        // The authentication window starts and ends on our origin: sessionStorage survives the redirect.
        cache: { cacheLocation: 'sessionStorage' },
        system: { iframeBridgeTimeout: SILENT_SSO_TIMEOUT_MS },
      });
      standard.set(redirectUri, pca);
    }
    return pca;
  };

  return {
    async nestedToken(request: TokenRequest) {
      nested ??= createNestablePublicClientApplication({ auth: { clientId, authority: AUTHORITY } });
      const pca = await nested;
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      try {
        return toResult(await pca.acquireTokenSilent({ scopes: request.scopes, ...(account ? { account } : { loginHint: request.loginHint }) }));
      } catch (error) {
        // First use, consent or an expired session: the host shows its own prompt.
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        const result = await pca.acquireTokenPopup({ scopes: request.scopes, loginHint: request.loginHint });
        pca.setActiveAccount(result.account);
        return toResult(result);
      }
    },

    async silentToken(request: TokenRequest) {
      const pca = await standardFor(authEndUrl());
      const account = pca.getAllAccounts().find((a) => a.username.toLowerCase() === request.loginHint.toLowerCase());
      try {
        if (account) return toResult(await pca.acquireTokenSilent({ scopes: request.scopes, account }));
        if (!request.loginHint) return null;
        return toResult(await pca.ssoSilent({ scopes: request.scopes, loginHint: request.loginHint }));
      } catch {
        // No session Entra can see from inside the frame: the caller opens the authentication window.
        return null;
      }
    },

    async startSignIn(request) {
      const pca = await standardFor(request.redirectUri);
      // Entra answers at auth-end.html, whose redirect bridge brings the answer back to this page.
      await pca.acquireTokenRedirect({ scopes: request.scopes, loginHint: request.loginHint || undefined, redirectStartPage: window.location.href });
    },

    async relayResponse() {
      const { broadcastResponseToMainFrame } = await import('@azure/msal-browser/redirect-bridge');
      await broadcastResponseToMainFrame();
    },

    async completeSignIn() {
      const pca = await standardFor(authEndUrl());
      const result = await pca.handleRedirectPromise();
      return result ? toResult(result) : null;
    },
  };
}
