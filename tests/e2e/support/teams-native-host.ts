/**
 * A stand-in for Teams on iOS/Android, for tests only. The mobile clients load the tab in
 * a webview with no frame and inject `window.nativeInterface`: teams-js then sends each
 * request as JSON through `nativeInterface.framelessPostMessage(json)` and the client
 * answers by calling `window.onNativeMessage({ data: { id, uuidAsString, args } })`
 * (teams-js sets `onNativeMessage` during `app.initialize()`).
 *
 * Run the returned script with Playwright's `addInitScript` so the interface exists before
 * the tab's own scripts, as the mobile client's injected script does. It answers only in
 * the top-level document of pages under `/tab/`, records every request in
 * `window.nativeHost.received` and offers `window.nativeHost.setTheme(theme)`.
 */
export type NativeHostOptions = {
  email: string;
  name: string;
  theme?: string;
  clientType?: 'ios' | 'android';
  /** Whether the client says nested app authentication is the way to sign in. */
  naa?: boolean;
};

/** The init script simulating a mobile Teams client for the given user. */
export function nativeHostScript(options: NativeHostOptions): string {
  const settings = JSON.stringify({ theme: 'default', clientType: 'ios', naa: false, ...options });
  // Plain browser JS: it runs in the page, not through the test's compiler.
  return `(() => {
  if (window.top !== window.self || !location.pathname.startsWith('/tab/')) return;
  const settings = ${settings};
  const host = { received: [], theme: settings.theme };
  window.nativeHost = host;
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isNAAChannelRecommended: settings.naa,
    supports: { app: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {} }, teamsCore: {}, ...(settings.naa ? { nestedAppAuth: {} } : {}) },
  };
  const context = () => ({
    locale: 'en-GB',
    theme: host.theme,
    entityId: 'myactions',
    userObjectId: '11111111-2222-3333-4444-555555555555',
    userDisplayName: settings.name,
    loginHint: settings.email,
    userPrincipalName: settings.email,
    tid: '99999999-8888-7777-6666-555555555555',
    hostName: 'Teams',
    hostClientType: settings.clientType,
    frameContext: 'content',
    appId: '5d4f6a0e-2b7c-4a43-9e1d-7c3b8f1a2e60',
  });
  // The client answers asynchronously, as the real bridge does.
  const send = (data) => setTimeout(() => window.onNativeMessage({ data }), 0);
  const reply = (message, args) => send({ id: message.id, uuidAsString: message.uuidAsString, args });
  window.nativeInterface = {
    framelessPostMessage(json) {
      const message = JSON.parse(json);
      host.received.push({ func: message.func, args: message.args });
      if (message.func === 'initialize') reply(message, ['content', settings.clientType, JSON.stringify(runtime), '2.58.0']);
      else if (message.func === 'getContext') reply(message, [context()]);
    },
  };
  host.setTheme = (theme) => { host.theme = theme; send({ func: 'themeChange', args: [theme] }); };
})();`;
}
