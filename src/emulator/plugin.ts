import type Database from 'better-sqlite3';

/** What a plugin gets with each request. */
export type PluginContext = {
  url: URL;
  /** The emulator's SQLite database; a plugin keeps its own tables (prefixed with its name). */
  db: Database.Database;
  /** The site's absolute URL, e.g. `http://127.0.0.1:4321/sites/plans`. */
  siteUrl: string;
};

/**
 * Something served beside the SharePoint REST API on the same origin: the webhook
 * sink and chat preview, the built tab. A plugin answers the requests it owns and
 * returns `undefined` for the rest.
 */
export type EmulatorPlugin = {
  name: string;
  handle(request: Request, context: PluginContext): Promise<Response | undefined> | Response | undefined;
};
