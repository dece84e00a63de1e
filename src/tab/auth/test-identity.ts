import type { IdentityProvider } from './identity-provider';

/**
 * Browser tests sign in with a fake identity provider put on the page as
 * `window.__planTrackerTestIdentity` (by Playwright's addInitScript). It is accepted only
 * when both hold:
 * - the tab is served from a loopback host (`localhost`, `127.0.0.1`, `[::1]`) — the embedded
 *   server binds to loopback only, and the production tab is served over HTTPS from its
 *   own domain, so there the hook is never even looked at;
 * - the serving origin answers `/_test/identity-seam`, which only the test plugin
 *   registered by tests/e2e/support serves (no product code serves `/_test/`).
 * A page cannot set a global in the tab's own window without already running script on
 * the tab's origin, so no other page can switch the fake on.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

type TestWindow = Window & { __planTrackerTestIdentity?: IdentityProvider };

/** Whether a test asks for the fake identity provider (loopback only; the seam check comes when it is loaded). */
export function testIdentityRequested(win: Window = window): boolean {
  return LOOPBACK.has(win.location.hostname) && Boolean((win as TestWindow).__planTrackerTestIdentity);
}

/** The test fake, when requested and the embedded test server confirms the seam; else null. */
export async function acceptedTestIdentity(win: Window = window): Promise<IdentityProvider | null> {
  if (!testIdentityRequested(win)) return null;
  const answer = await fetch(new URL('/_test/identity-seam', win.location.origin), { cache: 'no-store' }).catch(() => null);
  if (!answer?.ok) {
    throw new Error('A test identity provider is on the page but this server is not the embedded test server; sign-in refused.');
  }
  return (win as TestWindow).__planTrackerTestIdentity ?? null;
}
