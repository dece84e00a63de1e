import type { EmulatorPlugin } from '../../../src/emulator/plugin';

/**
 * A stand-in for the Teams client, for tests only: a page on the tab's own origin that
 * frames the tab and answers teams-js's postMessage protocol. teams-js trusts a parent
 * on its own origin (or an HTTPS Microsoft host), so this works without real Teams.
 *
 * Query parameters of /_test/teams-host.html: `tab` (the tab URL to frame), `email`,
 * `name`, `theme`, `locale`, `subEntityId`, `naa=1` (the host recommends nested app
 * authentication). The page records every message from the tab in
 * `window.teamsHost.received` and offers `window.teamsHost.setTheme(theme)`.
 *
 * `authentication.authenticate` opens the URL in a pop-up, as Teams web and desktop do,
 * answers the pop-up's teams-js (frame context `authentication`) and resolves the tab's
 * call with what the pop-up passed to notifySuccess / notifyFailure (`CancelledByUser`
 * when it is closed first). Pop-up messages are in `window.teamsHost.authReceived`.
 */
const HOST_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test Teams host</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="tab" title="Plan Tracker tab" allow="clipboard-read; clipboard-write"></iframe><script src="/_test/teams-host.js"></script></body>
</html>`;

// Written as plain browser JS: it runs in the host page, not through the test's compiler.
const HOST_JS = `(() => {
  const params = new URLSearchParams(location.search);
  const frame = document.getElementById('tab');
  const host = { received: [], authReceived: [], theme: params.get('theme') || 'default', initialized: false };
  window.teamsHost = host;
  const naa = params.get('naa') === '1';
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isNAAChannelRecommended: naa,
    supports: { app: {}, appInstallDialog: {}, authentication: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {}, dialog: { url: {} }, ...(naa ? { nestedAppAuth: {} } : {}) },
  };
  const context = () => ({
    locale: params.get('locale') || 'en-GB',
    theme: host.theme,
    entityId: 'myactions',
    subEntityId: params.get('subEntityId') || undefined,
    userObjectId: '11111111-2222-3333-4444-555555555555',
    userDisplayName: params.get('name') || 'Test User',
    loginHint: params.get('email') || 'user@contoso.example',
    userPrincipalName: params.get('email') || 'user@contoso.example',
    tid: '99999999-8888-7777-6666-555555555555',
    hostName: 'Teams',
    hostClientType: 'web',
    frameContext: 'content',
    appId: '5d4f6a0e-2b7c-4a43-9e1d-7c3b8f1a2e60',
    teamId: params.get('teamId') || undefined,
    teamName: params.get('teamName') || undefined,
  });
  const reply = (event, message, args) => {
    event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
  };
  // Teams' authentication window: the pending call from the tab, and the pop-up answering it.
  let auth = null;
  const finishAuth = (args) => {
    if (!auth) return;
    const pending = auth;
    auth = null;
    reply(pending.event, pending.message, args);
  };
  const openAuthWindow = (event, message) => {
    const [url, width, height] = message.args;
    const popup = window.open(url, 'teams-authentication', 'width=' + (width || 600) + ',height=' + (height || 535));
    if (!popup) { reply(event, message, [false, 'FailedToOpenWindow']); return; }
    auth = { event, message, popup };
    const watch = setInterval(() => { if (popup.closed) { clearInterval(watch); finishAuth([false, 'CancelledByUser']); } }, 200);
  };
  const fromAuthWindow = (event) => {
    const message = event.data;
    host.authReceived.push({ func: message.func, args: message.args });
    switch (message.func) {
      case 'initialize': reply(event, message, ['authentication', 'web', JSON.stringify(runtime), '2.58.0']); break;
      case 'getContext': reply(event, message, [{ ...context(), frameContext: 'authentication' }]); break;
      case 'authentication.authenticate.success': finishAuth([true, message.args[0]]); break;
      case 'authentication.authenticate.failure': finishAuth([false, message.args[0]]); break;
      default: break;
    }
  };
  window.addEventListener('message', (event) => {
    if (!event.data || typeof event.data.func !== 'string') return;
    if (auth && event.source === auth.popup) { fromAuthWindow(event); return; }
    if (event.source !== frame.contentWindow) return;
    const message = event.data;
    host.received.push({ func: message.func, args: message.args });
    switch (message.func) {
      case 'initialize':
        host.initialized = true;
        reply(event, message, ['content', 'web', JSON.stringify(runtime), '2.58.0']);
        break;
      case 'getContext':
        reply(event, message, [context()]);
        break;
      case 'authentication.authenticate':
        openAuthWindow(event, message);
        break;
      default:
        // registerHandler, appInitialization.success and the like need no answer.
        break;
    }
  });
  host.setTheme = (theme) => {
    host.theme = theme;
    frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
  };
  frame.src = params.get('tab') || '/tab/';
})();`;

/** A test-only page and its script served at `/_test/<page>.html` and `/_test/<page>.js` (same origin as the tab). */
export function testPagePlugin(page: string, html: string, js: string): EmulatorPlugin {
  return {
    name: `test-${page}`,
    handle(_request, { url }) {
      if (url.pathname === `/_test/${page}.html`) return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      if (url.pathname === `/_test/${page}.js`) return new Response(js, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
      return undefined;
    },
  };
}

/** The test Teams host as an emulator plugin, registered only by tests. */
export function teamsHostPlugin(): EmulatorPlugin {
  return testPagePlugin('teams-host', HOST_HTML, HOST_JS);
}
