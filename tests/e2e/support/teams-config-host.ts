import type { EmulatorPlugin } from '../../../src/emulator/plugin';
import { testPagePlugin } from './teams-host-page';

/**
 * A stand-in for Teams' "add a tab" dialog, for tests only: a page on the tab's own origin
 * that frames the tab's config page in the `settings` frame context and answers the
 * `pages.config` messages of teams-js (setValidityState, setConfig as `settings.setSettings`,
 * the save handler's `settings.save` event and its success/failure answers).
 *
 * `window.configHost` records `validity` (the last state the page sent), `settings` (what
 * setConfig saved), `saveResult` ('success' | 'failure: …') and offers `save()`, which does
 * what Teams' Save button does.
 */
const HOST_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test Teams config dialog</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="tab" title="Plan Tracker tab settings"></iframe><script src="/_test/teams-config-host.js"></script></body>
</html>`;

const HOST_JS = `(() => {
  const params = new URLSearchParams(location.search);
  const frame = document.getElementById('tab');
  const host = { received: [], validity: null, settings: null, saveHandlerRegistered: false, saveResult: null };
  window.configHost = host;
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isNAAChannelRecommended: false,
    supports: { app: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {} }, teamsCore: {} },
  };
  const context = () => ({
    locale: 'en-GB',
    theme: params.get('theme') || 'default',
    entityId: '',
    userObjectId: '11111111-2222-3333-4444-555555555555',
    userDisplayName: 'Plan Admin',
    loginHint: params.get('email') || 'admin@contoso.example',
    userPrincipalName: params.get('email') || 'admin@contoso.example',
    tid: '99999999-8888-7777-6666-555555555555',
    hostName: 'Teams',
    hostClientType: 'web',
    frameContext: 'settings',
    teamId: '19:team', teamName: 'Equality Board', channelId: '19:channel', channelName: 'General',
    appId: '5d4f6a0e-2b7c-4a43-9e1d-7c3b8f1a2e60',
  });
  const reply = (event, message, args) => event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || !event.data || typeof event.data.func !== 'string') return;
    const message = event.data;
    host.received.push({ func: message.func, args: message.args });
    switch (message.func) {
      case 'initialize': reply(event, message, ['settings', 'web', JSON.stringify(runtime), '2.58.0']); break;
      case 'getContext': reply(event, message, [context()]); break;
      case 'settings.setValidityState': host.validity = message.args[0]; break;
      case 'settings.setSettings': host.settings = message.args[0]; reply(event, message, [true]); break;
      case 'registerHandler': if (message.args && message.args[0] === 'save') host.saveHandlerRegistered = true; break;
      case 'settings.save.success': host.saveResult = 'success'; break;
      case 'settings.save.failure': host.saveResult = 'failure: ' + (message.args && message.args[0]); break;
      default: break;
    }
  });
  host.save = () => {
    host.saveResult = null;
    frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, location.origin);
  };
  frame.src = params.get('tab') || '/tab/?page=config';
})();`;

/** The test config dialog as an emulator plugin (`/_test/teams-config-host.html?tab=…`), registered only by tests. */
export function teamsConfigHostPlugin(): EmulatorPlugin {
  return testPagePlugin('teams-config-host', HOST_HTML, HOST_JS);
}
