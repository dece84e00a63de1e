import { ensureTabBuilt } from '../../../src/tab/build-tab';
import { serveTab } from '../../../src/tab/serve-tab';
import { startTestSite } from '../../support/test-site';
import { teamsHostPlugin } from './teams-host-page';

export type TabSite = Awaited<ReturnType<typeof startTestSite>> & {
  /** The tab's URL on the site's origin, with query parameters (`as`, `item`, `theme`…). */
  tabUrl(params?: Record<string, string | number | undefined>): string;
  /** The test Teams host page framing the tab. */
  teamsHostUrl(params: Record<string, string | undefined>, tabParams?: Record<string, string | number | undefined>): string;
};

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

/**
 * An in-memory embedded server serving the built tab (built first if dist/tab is missing
 * or older than its sources) and the test Teams host page, all on one origin.
 */
export async function startTabSite(options: Parameters<typeof startTestSite>[0] = {}): Promise<TabSite> {
  await ensureTabBuilt();
  const site = await startTestSite({ ...options, plugins: [serveTab(), teamsHostPlugin(), ...(options?.plugins ?? [])] });
  const tabUrl = (params: Record<string, string | number | undefined> = {}) => `${site.url}/tab/${query(params)}`;
  return {
    ...site,
    tabUrl,
    teamsHostUrl: (params, tabParams = {}) => `${site.url}/_test/teams-host.html${query({ ...params, tab: `/tab/${query(tabParams)}` })}`,
  };
}
