import { hostChannel, hostReady, TEAMS_INIT_TIMEOUT_MS } from './host';
import { withTimeout } from './with-timeout';

/**
 * Teams' side of sign-in (teams-js lives in host/ only): whether nested app authentication
 * is recommended, Teams' authentication window for the fallback, and the window's answer.
 */

/** Whether the Teams client recommends nested app authentication (never outside Teams). */
export async function naaRecommended(): Promise<boolean> {
  const host = await hostReady();
  if (host.kind !== 'teams') return false;
  const { nestedAppAuth } = await import('@microsoft/teams-js');
  return nestedAppAuth.isNAAChannelRecommended();
}

/** Why Teams' authentication window gave no result, said so a person knows what to do. */
function explainFailure(reason: string): string {
  if (/CancelledByUser/i.test(reason)) return 'The sign-in window was closed before signing in finished. Reload the tab to try again.';
  if (/FailedToOpenWindow/i.test(reason)) return 'Teams could not open the sign-in window. Allow pop-ups for Teams, then reload the tab.';
  return `Signing in did not finish: ${reason}. Reload the tab to try again; if it keeps failing, ask your administrator to check the app registration (see README).`;
}

/**
 * Opens Teams' authentication window at `url` (desktop and web: a pop-up; mobile: an
 * in-app browser) and resolves with what that window passed to `notifySuccess`.
 */
export async function authenticateInTeams(url: string): Promise<string> {
  const { authentication } = await import('@microsoft/teams-js');
  try {
    return await authentication.authenticate({ url, width: 600, height: 535 });
  } catch (error) {
    throw new Error(explainFailure(error instanceof Error ? error.message : String(error)));
  }
}

/** The authentication window's way back to the tab that opened it. */
export type AuthWindowHost = {
  notifySuccess(result: string): void;
  notifyFailure(reason: string): void;
};

/**
 * Inside Teams' authentication window: initialises teams-js (the window's opener, or on
 * mobile the native interface, is Teams). Null when the page was opened some other way.
 */
export async function authWindowHost(): Promise<AuthWindowHost | null> {
  if (hostChannel() === 'none') return null;
  const { app, authentication } = await import('@microsoft/teams-js');
  try {
    await withTimeout(app.initialize(), TEAMS_INIT_TIMEOUT_MS, 'Teams did not answer the sign-in window.');
  } catch {
    return null;
  }
  return {
    notifySuccess: (result) => authentication.notifySuccess(result),
    notifyFailure: (reason) => authentication.notifyFailure(reason),
  };
}
