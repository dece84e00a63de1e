/**
 * Nested app authentication: inside Teams, MSAL asks the host for a token over the bridge
 * teams-js set up during app.initialize(), so there is no popup or redirect in the frame.
 * This module is imported lazily (see session.ts): outside Teams it costs nothing.
 */
import { createNestablePublicClientApplication, InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';

export type NaaOptions = {
  clientId: string;
  /** Any URL on the tenant's SharePoint; the token is for its origin's `/.default`. */
  siteUrl: string;
  /** The Teams user's UPN, so MSAL picks the right account without asking. */
  loginHint: string;
};

/** A token getter for SharePoint Online through the Teams host (NAA). */
export async function createNaaTokenProvider(options: NaaOptions): Promise<() => Promise<string>> {
  if (!options.clientId) {
    throw new Error('No Entra ID client id was built into the tab. Set VITE_PLAN_TRACKER_CLIENT_ID and rebuild (see README).');
  }
  const pca: IPublicClientApplication = await createNestablePublicClientApplication({
    auth: { clientId: options.clientId, authority: 'https://login.microsoftonline.com/organizations' },
  });
  const scopes = [`${new URL(options.siteUrl).origin}/.default`];
  return async () => {
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    try {
      const result = await pca.acquireTokenSilent({ scopes, ...(account ? { account } : { loginHint: options.loginHint }) });
      return result.accessToken;
    } catch (error) {
      // First use, consent or an expired session: the host shows its own prompt.
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      const result = await pca.acquireTokenPopup({ scopes, loginHint: options.loginHint });
      pca.setActiveAccount(result.account);
      return result.accessToken;
    }
  };
}
