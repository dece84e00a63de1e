import { spfi, type SPFI } from '@pnp/sp';
import { DefaultHeaders, DefaultInit, RequestDigest } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse, InjectHeaders, type Queryable } from '@pnp/queryable';

/**
 * How a connection proves who it is.
 * - `embedded`: the local server has no sign-in; `actAs` (an email) picks the current user
 *   through the `X-PlanTracker-As` header, so local mode can act as anyone.
 * - `token`: a bearer token for `https://<tenant>.sharepoint.com` — from nested app
 *   authentication in the tab, or from msal-node (certificate) in Node (see connect-node.ts).
 */
export type ConnectionAuth =
  | { kind: 'embedded'; actAs?: string }
  | { kind: 'token'; getToken: () => Promise<string> };

/** The header the embedded server reads to choose the current user. */
export const ACT_AS_HEADER = 'X-PlanTracker-As';

/** Retries for 429/503/504, honouring Retry-After (PnPjs' own retry behaviour). */
const RETRIES = 5;

/**
 * Transport and auth as one composable behaviour, as PnPjs' SPBrowser does: headers,
 * fetch with retry, JSON parsing and the credentials. Callers only pick the auth.
 */
export function SharePointConnection(auth: ConnectionAuth) {
  return (instance: Queryable) => {
    instance.using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry({ retries: RETRIES }), DefaultParse());
    if (auth.kind === 'embedded') {
      // The embedded server issues request digests like SharePoint does, so keep the same path.
      instance.using(RequestDigest());
      if (auth.actAs) instance.using(InjectHeaders({ [ACT_AS_HEADER]: auth.actAs }));
    } else {
      const getToken = auth.getToken;
      // A token is fetched per request (MSAL caches and refreshes it); with Authorization
      // set, PnPjs skips the request digest, as SharePoint Online does not need one.
      instance.on.auth(async (url, init) => {
        const token = await getToken();
        init.headers = { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` };
        return [url, init];
      });
    }
    return instance;
  };
}

/** A configured PnPjs root for one SharePoint site. */
export function connect(siteUrl: string, auth: ConnectionAuth): SPFI {
  return spfi(siteUrl.replace(/\/+$/, '')).using(SharePointConnection(auth));
}
