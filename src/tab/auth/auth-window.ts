import { readTabConfig } from '../config';
import { authWindowHost, type AuthWindowHost } from '../host/auth-bridge';
import { loadIdentityProvider, type IdentityProvider } from './identity-provider';

/** What both pages of Teams' authentication window need: Teams, the provider, the site, a status line. */
export type AuthWindow = {
  teams: AuthWindowHost | null;
  provider: IdentityProvider;
  siteUrl: string;
  say(text: string): void;
};

/** Shows `text` in the page's status line (a live region, so screen readers hear it). */
function say(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

/**
 * Runs one step of the authentication window: connects to Teams, loads the identity
 * provider and runs `step`. Any failure is shown and handed back to the tab through
 * `notifyFailure`, so the tab says what went wrong instead of waiting for ever.
 */
export async function runAuthWindowStep(step: (window: AuthWindow) => Promise<void>): Promise<void> {
  const teams = await authWindowHost();
  try {
    const config = readTabConfig();
    const provider = await loadIdentityProvider(config.clientId);
    await step({ teams, provider, siteUrl: config.siteUrl, say });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    say(`Signing in failed: ${message}`);
    teams?.notifyFailure(message);
  }
}
