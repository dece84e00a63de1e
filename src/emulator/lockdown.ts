/**
 * The local server serves its own pages only (issue 10, part 4). `npm start` often holds a
 * council's real plan, so a page on another origin must not read or change it:
 * - the Host header must name this machine (127.0.0.1, localhost, [::1]) and the server's
 *   port, so a DNS-rebound name that resolves here is refused;
 * - a browser request (one with an Origin header) must come from the server's own origin;
 *   no CORS headers are ever sent to another origin;
 * - a browser's state-changing `_api` call needs a valid X-RequestDigest from
 *   `/_api/contextinfo`, as SharePoint asks of cookie-authenticated callers. Programs
 *   (no Origin header: PnPjs in Node, the CLI, the tests) are treated as SharePoint treats
 *   bearer-token callers and need none;
 * - control routes under `/_emulator/` need the token printed at start-up.
 */
import { timingSafeEqual } from 'node:crypto';
import { isValidDigest } from './request-digest';
import { contentTypeOf, flavourOf, renderError } from './rest/odata-json';
import { SpError } from './sp-error';

/** The header carrying the control-route token. */
export const CONTROL_TOKEN_HEADER = 'X-PlanTracker-Emulator-Token';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the checks need to know about the server. */
export type LockdownSettings = {
  /** The port the server listens on; null when unknown (the core used without the Node adapter). */
  port: string | null;
  sitePath: string;
  webId: string;
  controlToken: string;
  now: () => Date;
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

function tokenMatches(sent: string | null, token: string): boolean {
  const a = Buffer.from(sent ?? '');
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `http://127.0.0.1:4321` for a request whose Host passed the check. */
export function ownOriginOf(url: URL): string {
  return `${url.protocol}//${url.host}`.toLowerCase();
}

/** True when the request's Origin header is this server's own origin. */
export function isOwnOrigin(request: Request, url: URL): boolean {
  return (request.headers.get('origin') ?? '').toLowerCase() === ownOriginOf(url);
}

/** The refusal for a request the local server must not serve, or null when it may go on. */
export function lockdownRefusal(request: Request, url: URL, settings: LockdownSettings): Response | null {
  const hostname = url.hostname.toLowerCase();
  if (!LOCAL_HOSTS.has(hostname) || (settings.port !== null && url.port !== settings.port)) {
    const expected = settings.port === null ? '127.0.0.1' : `127.0.0.1:${settings.port}`;
    return plain(400, `Bad Request - Invalid Hostname. The embedded server answers only to ${expected} (or localhost, [::1]), not '${url.host}'. Open http://${expected}/ instead.`);
  }
  const origin = request.headers.get('origin');
  if (origin !== null && !isOwnOrigin(request, url)) {
    return plain(403, `Refused: a page on ${origin} may not use the embedded server; only pages it serves itself (${ownOriginOf(url)}) may.`);
  }
  // A cross-site subresource request (a <script> or <img> from another page) carries no Origin.
  const fetchSite = (request.headers.get('sec-fetch-site') ?? '').toLowerCase();
  const navigating = (request.headers.get('sec-fetch-mode') ?? '').toLowerCase() === 'navigate';
  if ((fetchSite === 'cross-site' || fetchSite === 'same-site') && !navigating) {
    return plain(403, 'Refused: another site may not load data from the embedded server.');
  }
  const lower = url.pathname.toLowerCase();
  if (lower.startsWith('/_emulator/') && !tokenMatches(request.headers.get(CONTROL_TOKEN_HEADER), settings.controlToken)) {
    return new Response(
      JSON.stringify({ error: `Control routes need the token the server printed at start-up: send it in the ${CONTROL_TOKEN_HEADER} header.` }),
      { status: 401, headers: { 'Content-Type': 'application/json' } },
    );
  }
  const api = `${settings.sitePath.toLowerCase()}/_api`;
  const isApi = lower === api || lower.startsWith(`${api}/`);
  if (origin !== null && isApi && !SAFE_METHODS.has(request.method.toUpperCase()) && lower !== `${api}/contextinfo`) {
    if (!isValidDigest(request.headers.get('x-requestdigest'), settings.webId, settings.now())) {
      const flavour = flavourOf(request.headers.get('accept'));
      const error = new SpError(
        403,
        '-2130575251, Microsoft.SharePoint.SPException',
        'The security validation for this page is invalid and might be corrupted. Please use your web browser\'s Back button to try your operation again.',
      );
      return new Response(JSON.stringify(renderError(flavour, error)), { status: 403, headers: { 'Content-Type': contentTypeOf(flavour) } });
    }
  }
  return null;
}
