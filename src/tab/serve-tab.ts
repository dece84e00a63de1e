import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { EmulatorPlugin } from '../emulator/plugin';

/**
 * The Content-Security-Policy of every tab response.
 * - script-src 'self': the built page loads only its own module files; no inline script.
 * - style-src 'unsafe-inline': Fluent UI's Griffel writes its atomic CSS at runtime into
 *   <style> elements it creates, and components set inline style attributes (positioning
 *   of menus and popovers); neither can carry a nonce from static files.
 * - connect-src: the same origin (the embedded server), SharePoint Online, Entra ID, and
 *   the CDN teams-js fetches its list of valid host origins from (without it teams-js
 *   falls back to its built-in list and the browser reports a violation).
 * - frame-src: Entra ID, for silent sign-in where nested app authentication is unavailable.
 * - frame-ancestors: only Teams, Microsoft 365 and Outlook may frame the tab.
 */
export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://*.sharepoint.com https://login.microsoftonline.com https://res.cdn.office.net",
  // Silent sign-in without NAA loads Entra's page in a hidden frame (src/tab/auth/msal-identity.ts).
  "frame-src 'self' https://login.microsoftonline.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  'frame-ancestors \'self\' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://outlook.office.com https://outlook.office365.com https://*.microsoft365.com',
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export type ServeTabOptions = {
  /** Where `vite build` put the tab; defaults to dist/tab at the project root. */
  distDir?: string;
  /** The URL path the tab is served under (Vite's `base`). */
  basePath?: string;
};

/** The project's dist/tab (or PLAN_TRACKER_TAB_DIST), found from this file (src/tab/) so the working directory does not matter. */
export function defaultTabDist(): string {
  const root = path.resolve(__dirname, '..', '..');
  return path.resolve(root, process.env.PLAN_TRACKER_TAB_DIST ?? path.join('dist', 'tab'));
}

function securityHeaders(contentType: string, cache: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Cache-Control': cache,
    'Content-Security-Policy': TAB_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  });
}

async function fileIfExists(file: string): Promise<Buffer | null> {
  try {
    if (!(await stat(file)).isFile()) return null;
    return await readFile(file);
  } catch {
    return null;
  }
}

/**
 * An emulator plugin serving the built tab under /tab/ on the embedded server's origin,
 * so the tab and `/sites/plans/_api` are same-origin. Hashed assets are cached for a
 * year; index.html never, so a rebuild shows at once. Any other path under /tab/ gets
 * index.html (the tab routes with query strings, but a bookmarked path still works).
 */
export function serveTab(options: ServeTabOptions = {}): EmulatorPlugin {
  const distDir = path.resolve(options.distDir ?? defaultTabDist());
  const base = (options.basePath ?? '/tab/').replace(/\/?$/, '/');
  return {
    name: 'tab',
    async handle(request, context) {
      const { pathname } = context.url;
      if (pathname === base.slice(0, -1)) {
        return new Response(null, { status: 308, headers: { Location: `${base}${context.url.search}` } });
      }
      if (!pathname.startsWith(base)) return undefined;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
      }
      let relative: string;
      try {
        relative = decodeURIComponent(pathname.slice(base.length));
      } catch {
        return new Response('Bad request', { status: 400 });
      }
      const file = path.resolve(distDir, relative || 'index.html');
      // Never serve outside dist/tab, whatever `..` or encoded separators the path holds.
      if (file !== distDir && !file.startsWith(distDir + path.sep)) return new Response('Not found', { status: 404 });

      const body = await fileIfExists(file);
      const isAsset = relative.startsWith('assets/');
      if (body) {
        const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        const cache = isAsset ? 'public, max-age=31536000, immutable' : 'no-cache';
        return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: securityHeaders(type, cache) });
      }
      if (isAsset || path.extname(relative)) return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8', 'no-cache') });
      const index = await fileIfExists(path.join(distDir, 'index.html'));
      if (!index) {
        return new Response(`The tab is not built: ${path.join(distDir, 'index.html')} is missing. Run \`npm run build\` first.`, {
          status: 503, headers: securityHeaders('text/plain; charset=utf-8', 'no-cache'),
        });
      }
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(index), { status: 200, headers: securityHeaders('text/html; charset=utf-8', 'no-cache') });
    },
  };
}
