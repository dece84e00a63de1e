/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Entra ID app (client) id used for nested app authentication in Teams. */
  readonly VITE_PLAN_TRACKER_CLIENT_ID?: string;
  /** The SharePoint site holding the plan; defaults to the same origin's /sites/plans. */
  readonly VITE_PLAN_TRACKER_SITE_URL?: string;
  /** The Teams app id (manifest id), for deep links to an action. */
  readonly VITE_PLAN_TRACKER_TEAMS_APP_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
