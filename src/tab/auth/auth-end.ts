/**
 * The SPA redirect URI (`<tab origin>/tab/auth-end.html`): Entra ID answers here, and the
 * answer goes straight back to the page that asked — the authentication window's start
 * page, or the tab's hidden silent-SSO frame. No Teams call is needed on this page.
 */
import { readTabConfig } from '../config';
import { loadIdentityProvider } from './identity-provider';

void (async () => {
  try {
    const provider = await loadIdentityProvider(readTabConfig().clientId);
    await provider.relayResponse();
  } catch (error) {
    const status = document.getElementById('status');
    if (status) status.textContent = `Signing in failed: ${error instanceof Error ? error.message : String(error)} Close this window and try again from Teams.`;
  }
})();
