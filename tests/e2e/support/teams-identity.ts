import type { EmulatorPlugin } from '../../../src/emulator/plugin';

/**
 * The fake identity provider for sign-in tests, put on every page of a browser context
 * with `addInitScript`. It stands behind the tab's identity seam
 * (src/tab/auth/identity-provider.ts) in place of MSAL: everything around it — Teams'
 * NAA recommendation, the authentication window, the redirect and the hand-back — is
 * the tab's own code. The tab accepts it only on a loopback host whose server answers
 * `/_test/identity-seam` (identitySeamPlugin), see src/tab/auth/test-identity.ts.
 *
 * Tokens read `fake-naa-token-for-<user>` or `fake-window-token-for-<user>`, so a test
 * can tell which path produced the bearer token SharePoint received. Calls are recorded
 * in `window.fakeIdentity.calls` of the window that made them.
 */
export function fakeIdentityScript(account: { username: string; name: string }): string {
  // Plain browser JS: it runs in the page, not through the test's compiler.
  return `(() => {
  const account = ${JSON.stringify(account)};
  const calls = [];
  window.fakeIdentity = { calls };
  const token = (kind) => ({ accessToken: 'fake-' + kind + '-token-for-' + account.username, expiresOn: Date.now() + 60 * 60 * 1000, account });
  window.__planTrackerTestIdentity = {
    async nestedToken(request) { calls.push({ call: 'nestedToken', request }); return token('naa'); },
    // No session Entra could see from the frame: the tab must open Teams' authentication window.
    async silentToken(request) { calls.push({ call: 'silentToken', request }); return null; },
    async startSignIn(request) {
      calls.push({ call: 'startSignIn', request });
      sessionStorage.setItem('fakeIdentity.start', location.href);
      location.assign(request.redirectUri + '#fake-answer=' + encodeURIComponent(JSON.stringify({ scopes: request.scopes, loginHint: request.loginHint })));
    },
    async relayResponse() {
      calls.push({ call: 'relayResponse' });
      sessionStorage.setItem('fakeIdentity.answer', decodeURIComponent(location.hash.replace('#fake-answer=', '')));
      location.replace(sessionStorage.getItem('fakeIdentity.start'));
    },
    async completeSignIn() {
      calls.push({ call: 'completeSignIn' });
      const answer = sessionStorage.getItem('fakeIdentity.answer');
      if (!answer) return null;
      sessionStorage.removeItem('fakeIdentity.answer');
      return token('window');
    },
  };
})();`;
}

/** Answers `/_test/identity-seam`, telling the tab it is served by the embedded test server. Tests only. */
export function identitySeamPlugin(): EmulatorPlugin {
  return {
    name: 'test-identity-seam',
    handle(_request, { url }) {
      if (url.pathname !== '/_test/identity-seam') return undefined;
      return new Response(JSON.stringify({ testServer: true }), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
    },
  };
}
