/** Where a digest's buttons lead: an action in the tab, the tab itself, the SharePoint Overdue view. */
export type DigestLinks = {
  item(id: number): string;
  tab: string;
  overdueView: string;
};

/** The entity id of the tab in appPackage/manifest.json (the "My actions" static tab). */
export const TAB_ENTITY_ID = 'myactions';

/** The setting holding the app's id in the organisation's catalogue (it differs from the manifest id once an admin publishes the app). */
export const CATALOGUE_APP_ID_SETTING = 'PLAN_TRACKER_TEAMS_APP_ID';

/**
 * The app id digest deep links use: the organisation catalogue's id when
 * PLAN_TRACKER_TEAMS_APP_ID is set, else the manifest's TEAMS_APP_ID (right for a
 * sideloaded app), else none.
 */
export function digestAppId(env: Record<string, string | undefined>): string | undefined {
  return env[CATALOGUE_APP_ID_SETTING]?.trim() || env.TEAMS_APP_ID?.trim() || undefined;
}

/** The Overdue view's default address when the site has not told us its ServerRelativeUrl. */
export function defaultOverdueViewUrl(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/Lists/PlanItems/Overdue.aspx`;
}

/**
 * Links for a digest read in Teams: deep links into the app's tab, the action id in
 * `subEntityId` (the tab opens that action's update panel).
 */
export function teamsDigestLinks(options: { appId: string; overdueViewUrl: string }): DigestLinks {
  const base = `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.appId)}/${TAB_ENTITY_ID}`;
  return {
    item: (id) => `${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId: String(id) }))}`,
    tab: base,
    overdueView: options.overdueViewUrl,
  };
}

/** Links for local mode: the tab served by the embedded server (`<origin>/tab/?item=<id>`). */
export function localDigestLinks(options: { origin: string; overdueViewUrl: string }): DigestLinks {
  const tab = `${options.origin.replace(/\/+$/, '')}/tab/`;
  return {
    item: (id) => `${tab}?item=${encodeURIComponent(String(id))}`,
    tab,
    overdueView: options.overdueViewUrl,
  };
}
