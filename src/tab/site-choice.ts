/**
 * The site a tab instance talks to. A configurable tab's content URL may carry `site=`
 * (chosen on the config page); it is honoured only on the host the tab was built for —
 * the same SharePoint tenant (whose token the tab holds) or, locally, the embedded
 * server's own origin — so a crafted link can never point the tab at another server.
 */
export function chooseSiteUrl(builtFor: string, requested: string | null): string {
  const base = builtFor.replace(/\/+$/, '');
  if (!requested) return base;
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    return base;
  }
  const sameHost = url.origin === new URL(base).origin;
  const isSite = /^\/(sites|teams)\/[^/]+\/?$/i.test(url.pathname);
  return sameHost && isSite && !url.search && !url.hash ? `${url.origin}${url.pathname.replace(/\/+$/, '')}` : base;
}
