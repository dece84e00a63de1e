import { withTimeout } from './with-timeout';

/**
 * The tab's host: Microsoft Teams (through teams-js) or a plain browser. This folder is
 * the only place that imports @microsoft/teams-js, and it initialises it exactly once,
 * at module level — never from a render.
 */

/** Teams' three themes; the browser maps its own preferences onto them. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** What the tab needs to know about where it runs. */
export type HostContext = {
  kind: 'teams' | 'browser';
  theme: HostTheme;
  /** BCP 47, e.g. `en-GB`. */
  locale: string;
  user: { displayName: string; loginHint: string; tenantId: string } | null;
  /** The tab's entity id and the deep-link target (`subEntityId`) it was opened with. */
  page: { id: string; subPageId: string };
  team: { displayName: string; groupId: string } | null;
  channel: { id: string; displayName: string } | null;
  chat: { id: string } | null;
  /** The Teams app id, when the host told us. */
  appId: string;
};

type ThemeListener = (theme: HostTheme) => void;
const themeListeners = new Set<ThemeListener>();

/** How long a frame or webview that is not Teams may take before we give up and run as a web page. */
export const TEAMS_INIT_TIMEOUT_MS = 8000;

const THEMES: readonly HostTheme[] = ['default', 'dark', 'contrast'];
const asTheme = (value: string | null | undefined): HostTheme | null =>
  THEMES.includes(value as HostTheme) ? (value as HostTheme) : value === 'light' ? 'default' : null;

/** The browser's own theme: `?theme=` first, then forced colours, then the colour scheme. */
function browserTheme(params: URLSearchParams): HostTheme {
  const asked = asTheme(params.get('theme'));
  if (asked) return asked;
  if (window.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'default';
}

function browserContext(): HostContext {
  const params = new URLSearchParams(window.location.search);
  return {
    kind: 'browser',
    theme: browserTheme(params),
    // Our councils read dates the British way; `?locale=` overrides for testing.
    locale: params.get('locale') || 'en-GB',
    user: null,
    page: { id: 'myactions', subPageId: params.get('item') ?? '' },
    team: null,
    channel: null,
    chat: null,
    appId: '',
  };
}

/**
 * How a Teams client could be talking to us. Desktop and web frame the tab (or open an
 * auth window, which has an opener); iOS and Android load it in a webview with no frame
 * and inject `window.nativeInterface`, through which teams-js sends its messages
 * (`framelessPostMessage`) and receives the answers (`window.onNativeMessage`).
 */
export type HostChannel = 'frame' | 'native' | 'none';

/** Which channel a Teams client could be answering on; `none` is a plain browser tab. */
export function hostChannel(win: Window = window): HostChannel {
  try {
    if (win.parent !== win.self || win.opener) return 'frame';
  } catch {
    // A cross-origin parent we may not even inspect: something frames us.
    return 'frame';
  }
  return (win as Window & { nativeInterface?: unknown }).nativeInterface ? 'native' : 'none';
}

async function initialiseTeams(): Promise<HostContext> {
  // Loaded only when a host may answer, so a plain web page never downloads teams-js.
  const { app } = await import('@microsoft/teams-js');
  await app.initialize();
  const context = await app.getContext();
  app.registerOnThemeChangeHandler((theme) => {
    const mapped = asTheme(theme) ?? 'default';
    for (const listener of themeListeners) listener(mapped);
  });
  app.notifySuccess().catch(() => undefined);
  return {
    kind: 'teams',
    theme: asTheme(context.app.theme) ?? 'default',
    locale: context.app.locale || 'en-GB',
    user: context.user
      ? {
          displayName: context.user.displayName ?? '',
          loginHint: context.user.loginHint || context.user.userPrincipalName || '',
          tenantId: context.user.tenant?.id ?? '',
        }
      : null,
    page: { id: context.page.id ?? '', subPageId: context.page.subPageId ?? '' },
    team: context.team ? { displayName: context.team.displayName ?? '', groupId: context.team.groupId ?? '' } : null,
    channel: context.channel ? { id: context.channel.id, displayName: context.channel.displayName ?? '' } : null,
    chat: context.chat ? { id: context.chat.id } : null,
    appId: context.app.appId?.toString() ?? '',
  };
}

async function detectHost(): Promise<HostContext> {
  if (hostChannel() === 'none') return browserContext();
  try {
    return await withTimeout(initialiseTeams(), TEAMS_INIT_TIMEOUT_MS, `No Teams host answered within ${TEAMS_INIT_TIMEOUT_MS} ms`);
  } catch {
    // A frame or webview that is not Teams never answers: after the timeout we run as a web page.
    return browserContext();
  }
}

let hostPromise: Promise<HostContext> | null = null;

/** The host, initialised once for the page's lifetime. */
export function hostReady(): Promise<HostContext> {
  hostPromise ??= detectHost();
  return hostPromise;
}

/** Calls `listener` whenever Teams switches theme; returns the unsubscribe. */
export function onHostThemeChange(listener: ThemeListener): () => void {
  themeListeners.add(listener);
  return () => themeListeners.delete(listener);
}

/**
 * A link that opens an action: in Teams a deep link to this tab with the item id as
 * `subEntityId`; in a browser this page's URL with `?item=`.
 */
export function deepLinkToItem(host: HostContext, itemId: number, options: { teamsAppId: string; label: string }): string {
  const appId = host.appId || options.teamsAppId;
  if (host.kind === 'teams' && appId) {
    const context = JSON.stringify({ subEntityId: String(itemId), ...(host.channel ? { channelId: host.channel.id } : {}) });
    const entity = encodeURIComponent(host.page.id || 'myactions');
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${entity}?label=${encodeURIComponent(options.label)}&context=${encodeURIComponent(context)}`;
  }
  const url = new URL(window.location.href);
  url.searchParams.set('item', String(itemId));
  return url.toString();
}
