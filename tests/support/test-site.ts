import { startEmulatorServer } from '../../src/emulator/node-server';
import type { EmulatorPlugin } from '../../src/emulator/plugin';
import { loadListsManifest } from '../../src/cli/load-manifest';
import { connect } from '../../src/sharepoint/connect';
import { openSite, type SiteSession } from '../../src/sharepoint/open-site';
import { provision } from '../../src/sharepoint/provision';

export type TestSiteOptions = {
  users?: { name: string; email: string }[];
  plugins?: EmulatorPlugin[];
  threshold?: number;
  /** Provision manifest/lists.json (default true). */
  provision?: boolean;
  /** Who the returned session acts as (default: the first user). */
  actAs?: string;
};

export type TestSite = Awaited<ReturnType<typeof startTestSite>>;

/**
 * An in-memory embedded SharePoint site on an ephemeral port, provisioned with the real
 * schema, and a session talking to it through real PnPjs over real HTTP.
 */
export async function startTestSite(options: TestSiteOptions = {}) {
  const server = await startEmulatorServer({
    port: 0,
    memory: true,
    users: options.users,
    plugins: options.plugins,
    threshold: options.threshold,
  });
  const siteUrl = server.siteUrl;
  if (options.provision !== false) await provision(connect(siteUrl, { kind: 'embedded' }), loadListsManifest());
  const site: SiteSession = await openSite(siteUrl, { kind: 'embedded', actAs: options.actAs }, { check: options.provision !== false });
  return {
    siteUrl,
    url: server.url,
    emulator: server.emulator,
    server,
    site,
    /** A session acting as someone else (local mode's "act as"). */
    sessionAs: (email: string) => openSite(siteUrl, { kind: 'embedded', actAs: email }, { check: false }),
    close: () => server.close(),
  };
}
