/**
 * The page Teams' authentication window opens (`authentication.authenticate` from the
 * tab). First visit: sends the user to Entra ID's sign-in. Back from Entra (through
 * auth-end.html): hands the result to the tab with `authentication.notifySuccess`, after
 * which Teams closes the window.
 */
import { runAuthWindowStep } from './auth-window';
import { authEndUrl, sharePointScopes } from './identity-provider';

void runAuthWindowStep(async ({ teams, provider, siteUrl, say }) => {
  const result = await provider.completeSignIn();
  if (!result) {
    const loginHint = new URLSearchParams(window.location.search).get('loginHint') ?? '';
    await provider.startSignIn({ scopes: sharePointScopes(siteUrl), loginHint, redirectUri: authEndUrl() });
    return;
  }
  if (!teams) {
    // Opened outside Teams: the token stays in this window and goes nowhere.
    say('Signed in. Open Plan Tracker from Microsoft Teams to continue.');
    return;
  }
  say('Signed in. This window closes by itself.');
  teams.notifySuccess(JSON.stringify(result));
});
