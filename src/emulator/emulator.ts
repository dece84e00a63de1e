/**
 * The embedded SharePoint-compatible server as a function from `Request` to `Response`
 * (the Node adapter is node-server.ts). It answers the SharePoint REST dialect PnPjs v4
 * sends under `<sitePath>/_api/` from a SQLite store, serves simple view pages under
 * `<sitePath>/Lists/`, hands every other request to its plugins in order, and has a few
 * control routes under `/_emulator/` for tests and benchmarks.
 *
 * Who is calling: there is no sign-in locally. A request picks its current user with the
 * header `X-PlanTracker-As: <email>` (case-insensitive; an unknown e-mail becomes a site
 * user, as `ensureuser` would make it). Without the header the caller is the first seeded
 * user: the first entry of the `users` option (or `--users <file>`, JSON `[{name,email}]`
 * or CSV `name,email`), else "Plan Admin" <admin@contoso.example>.
 *
 * Only its own pages may use it (lockdown.ts): foreign Host headers and Origins are refused,
 * a browser's writes need a request digest, and control routes need `controlToken`.
 *
 * Control routes (not under `_api`, never faulted; header X-PlanTracker-Emulator-Token):
 * - `POST /_emulator/faults` `{ "429": 0.1, "503": 0.05, "seed": 7, "latencyMs": 20 }`
 * - `POST /_emulator/threshold` `{ "threshold": 100 }`
 * - `GET /_emulator/state`
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { BatchFormatError, boundaryOf, formatBatchResponse, parseBatch, type BatchPartResponse } from './batch';
import { FaultInjector, validateFaults, type FaultRates } from './faults';
import { isOwnOrigin, lockdownRefusal } from './lockdown';
import type { EmulatorPlugin } from './plugin';
import type { ApiContext, ApiRequest, ApiResult } from './rest/api-context';
import { dispatchApi } from './rest/api-dispatch';
import { parseApiPath } from './rest/api-path';
import { isFileUpload } from './rest/attachments';
import { validateNotificationUrl } from './rest/subscriptions';
import { siteDate } from './rest/regional-settings';
import { listRootOf, type SiteInfo } from './rest/entities';
import { contentTypeOf, flavourOf, renderError, type Flavour } from './rest/odata-json';
import { checkBatchSize, checkJsonDepth, checkUrlLength } from './request-limits';
import { SpError, spErrors } from './sp-error';
import type { StorageOptions } from './store/open-database';
import { SiteStore } from './store/site-store';
import { seedSiteSecurity } from './store/site-security-seed';
import type { SiteUser } from './store/site-users';
import { emailOfLogon } from './store/site-users';
import type { SeedUser } from './users-file';
import { escapeHtml, renderItemPage, renderViewPage } from './view-page';
import { applyUrlFilters } from './view-url-filter';
import { parseCaml } from './query';

export type EmulatorOptions = StorageOptions & {
  /** `http://127.0.0.1:4321`; the Node adapter sets it once it listens. */
  origin?: string;
  /** Default `/sites/plans`. */
  sitePath?: string;
  siteTitle?: string;
  /** Site users to seed; the first is the default current user. */
  users?: SeedUser[];
  plugins?: EmulatorPlugin[];
  faults?: FaultRates;
  /** Seed of the fault RNG (default 1), for repeatable runs. */
  faultSeed?: number;
  /** Added to every `/_api` request. */
  latencyMs?: number;
  /** List view threshold (default 5,000, as in SharePoint Online). */
  threshold?: number;
  /** Retry-After, in seconds, on injected 429/503 (default 1). */
  retryAfterSeconds?: number;
  clock?: () => Date;
  /** Largest JSON body accepted (default 2 MB). */
  maxJsonBytes?: number;
  /** Largest `$batch` body accepted (default 50 MB). */
  maxBatchBytes?: number;
  /** The token `/_emulator/` control routes need (default: random per start). */
  controlToken?: string;
  /** Largest attachment or library file accepted (default 50 MB). */
  maxFileBytes?: number;
};

export type Emulator = {
  handle(request: Request): Promise<Response>;
  close(): void;
  readonly siteUrl: string;
  readonly sitePath: string;
  readonly db: Database.Database;
  readonly store: SiteStore;
  readonly threshold: number;
  readonly maxBodyBytes: number;
  /** Send it as X-PlanTracker-Emulator-Token to use the `/_emulator/` control routes. */
  readonly controlToken: string;
  setOrigin(origin: string): void;
  setFaults(rates: FaultRates, seed?: number): void;
  setLatency(ms: number): void;
  setThreshold(threshold: number): void;
};

const DEFAULT_USER: SeedUser = { name: 'Plan Admin', email: 'admin@contoso.example' };

export const ACT_AS_HEADER = 'X-PlanTracker-As';

const CORS_ALLOW_HEADERS = [
  'Accept',
  'Content-Type',
  'IF-Match',
  'If-None-Match',
  'X-HTTP-Method',
  'X-RequestDigest',
  'X-ClientService-ClientTag',
  'X-PlanTracker-As',
  'Authorization',
  'odata-version',
  'odata-maxversion',
  'X-PnPjs-RequestId',
  'X-PnP-BatchNever',
  'X-PnPjs-NoDigest',
].join(', ');

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Creates the server core over a SQLite store (a data folder, or memory). */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const sitePath = `/${(options.sitePath ?? '/sites/plans').replace(/^\/+|\/+$/g, '')}`;
  const clock = options.clock ?? (() => new Date());
  const store = SiteStore.open(options, clock);
  const seed = options.users && options.users.length > 0 ? options.users : [DEFAULT_USER];
  store.users.seed(seed.slice(0, 1), true);
  store.users.seed(seed.slice(1));
  seedSiteSecurity(store.db, store.security, store.users, options.siteTitle ?? 'Plans', seed);
  const defaultEmail = seed[0].email;
  const faults = new FaultInjector(options.faults ?? {}, options.faultSeed ?? 1);
  const plugins = options.plugins ?? [];
  const maxJsonBytes = options.maxJsonBytes ?? 2 * 1024 * 1024;
  const maxBatchBytes = options.maxBatchBytes ?? 50 * 1024 * 1024;
  const maxFileBytes = options.maxFileBytes ?? 50 * 1024 * 1024;
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  let origin = (options.origin ?? 'http://127.0.0.1').replace(/\/+$/, '');
  let latencyMs = options.latencyMs ?? 0;
  let threshold = options.threshold ?? 5000;
  const controlToken = options.controlToken ?? randomBytes(18).toString('base64url');

  const siteInfo = (requestOrigin: string): SiteInfo => ({
    siteUrl: `${requestOrigin}${sitePath}`,
    sitePath,
    webId: store.ids.webId,
    siteId: store.ids.siteId,
    userInfoListId: store.ids.userInfoListId,
    title: options.siteTitle ?? 'Plans',
    created: store.ids.created,
  });

  /** The caller: `X-PlanTracker-As`, or the default user. */
  const currentUser = (headers: Headers): SiteUser => {
    const asked = headers.get(ACT_AS_HEADER);
    if (asked && asked.trim()) {
      const email = emailOfLogon(asked);
      if (!email) throw spErrors.badRequest(`The ${ACT_AS_HEADER} header must be an e-mail address, not '${asked}'.`);
      return store.users.ensure(email);
    }
    return store.users.byEmail(defaultEmail) ?? store.users.all()[0];
  };

  const jsonResponse = (result: ApiResult, flavour: Flavour): Response => {
    const headers = new Headers(result.headers);
    if (result.raw) return new Response(new Uint8Array(result.raw), { status: result.status, headers });
    if (result.body === null || result.body === undefined) {
      return new Response(null, { status: result.status, statusText: STATUS_TEXT[result.status] ?? '', headers });
    }
    headers.set('Content-Type', contentTypeOf(flavour));
    return new Response(JSON.stringify(result.body), { status: result.status, statusText: STATUS_TEXT[result.status] ?? '', headers });
  };

  const errorResult = (error: SpError, flavour: Flavour): ApiResult => ({ status: error.status, body: renderError(flavour, error), headers: error.headers });

  /** Runs one REST call; SharePoint errors become their status and body, anything else a 500. */
  const runApi = (ctx: ApiContext, req: ApiRequest): ApiResult => {
    try {
      return dispatchApi(ctx, req);
    } catch (error) {
      if (error instanceof SpError) return errorResult(error, req.flavour);
      return errorResult(new SpError(500, '-1, System.InvalidOperationException', `The embedded server failed: ${(error as Error).message}`), req.flavour);
    }
  };

  const parseJsonBody = (text: string): Record<string, unknown> | null => {
    if (text.trim() === '') return null;
    checkJsonDepth(text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw spErrors.badJson(`${(error as Error).message}.`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw spErrors.badJson('The body must be a JSON object.');
    return parsed as Record<string, unknown>;
  };

  const effectiveMethod = (method: string, headers: Headers): string => {
    const override = headers.get('x-http-method');
    return (method.toUpperCase() === 'POST' && override ? override : method).toUpperCase();
  };

  const handleBatch = (ctx: ApiContext, request: Request, text: string, requestOrigin: string): Response => {
    const boundary = boundaryOf(request.headers.get('content-type'));
    if (!boundary) throw spErrors.badRequest('A $batch request needs Content-Type: multipart/mixed; boundary=batch_<id>.');
    let parts;
    try {
      parts = parseBatch(text, boundary);
    } catch (error) {
      if (error instanceof BatchFormatError) throw spErrors.badRequest(error.message);
      throw error;
    }
    checkBatchSize(parts.length);
    const apiRoot = `${requestOrigin}${sitePath}/_api/`.toLowerCase();
    const responses: BatchPartResponse[] = parts.map((part) => {
      const flavour = flavourOf(part.headers.get('accept'));
      let result: ApiResult;
      try {
        const url = new URL(part.url, `${requestOrigin}${sitePath}/`);
        const rawPath = url.pathname;
        const prefix = `${sitePath}/_api/`.toLowerCase();
        if (!rawPath.toLowerCase().startsWith(prefix) && !url.toString().toLowerCase().startsWith(apiRoot)) {
          throw spErrors.badRequest(`The batched request '${part.method} ${part.url}' is not under this site's _api (${requestOrigin}${sitePath}/_api/).`);
        }
        const body = parseJsonBody(part.body);
        result = runApi(ctx, { method: effectiveMethod(part.method, part.headers), url, headers: part.headers, path: parseApiPath(rawPath.slice(prefix.length)), body, flavour });
      } catch (error) {
        result = errorResult(error instanceof SpError ? error : spErrors.badRequest((error as Error).message), flavour);
      }
      const headers: Record<string, string> = { ...(result.headers ?? {}) };
      const hasBody = result.body !== null && result.body !== undefined;
      if (hasBody) headers['CONTENT-TYPE'] = contentTypeOf(flavour);
      return { status: result.status, statusText: STATUS_TEXT[result.status] ?? '', headers, body: hasBody ? JSON.stringify(result.body) : null };
    });
    const responseBoundary = `batchresponse_${randomUUID()}`;
    return new Response(formatBatchResponse(responses, responseBoundary), {
      status: 200,
      headers: { 'Content-Type': `multipart/mixed; boundary=${responseBoundary}` },
    });
  };

  /** A file upload (attachment, library file): the body is the file's bytes, not JSON, with a limit of its own. */
  const handleUpload = async (request: Request, url: URL, apiPath: string, flavour: Flavour, declared: number): Promise<ApiResult> => {
    if (declared > maxFileBytes) throw spErrors.tooLarge(maxFileBytes);
    const raw = new Uint8Array(await request.arrayBuffer());
    if (raw.byteLength > maxFileBytes) throw spErrors.tooLarge(maxFileBytes);
    const ctx: ApiContext = { site: siteInfo(url.origin), store, threshold, today: siteDate(clock()), currentUser: currentUser(request.headers) };
    return runApi(ctx, { method: effectiveMethod(request.method, request.headers), url, headers: request.headers, path: parseApiPath(apiPath), body: null, raw, flavour });
  };

  const handleApi = async (request: Request, url: URL): Promise<Response> => {
    const flavour = flavourOf(request.headers.get('accept'));
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const fault = faults.pick();
    if (fault) {
      const message =
        fault === 429
          ? `The request was throttled: too many requests (fault injected by the embedded server). Retry after ${retryAfter} second(s).`
          : `The server is too busy to answer (fault injected by the embedded server). Retry after ${retryAfter} second(s).`;
      const error = new SpError(fault, '-1, Microsoft.SharePoint.Client.ClientServiceException', message, { 'Retry-After': retryAfter });
      return jsonResponse(errorResult(error, flavour), flavour);
    }
    try {
      checkUrlLength(request.url);
      const apiPath = url.pathname.slice(sitePath.length + '/_api'.length).replace(/^\/+/, '');
      const isBatch = apiPath.toLowerCase() === '$batch';
      const limit = isBatch ? maxBatchBytes : maxJsonBytes;
      const declared = Number(request.headers.get('content-length') ?? '0');
      const upload = isFileUpload(apiPath, effectiveMethod(request.method, request.headers));
      if (upload) return jsonResponse(await handleUpload(request, url, apiPath, flavour, declared), flavour);
      if (declared > limit) throw spErrors.tooLarge(limit);
      const text = request.body ? await request.text() : '';
      if (Buffer.byteLength(text) > limit) throw spErrors.tooLarge(limit);
      const ctx: ApiContext = { site: siteInfo(url.origin), store, threshold, today: siteDate(clock()), currentUser: currentUser(request.headers) };
      if (isBatch) {
        if (request.method.toUpperCase() !== 'POST') throw spErrors.methodNotAllowed(request.method, '$batch');
        return handleBatch(ctx, request, text, url.origin);
      }
      const body = parseJsonBody(text);
      const req: ApiRequest = { method: effectiveMethod(request.method, request.headers), url, headers: request.headers, path: parseApiPath(apiPath), body, flavour };
      await validateNotificationUrl(req);
      return jsonResponse(runApi(ctx, req), flavour);
    } catch (error) {
      if (error instanceof SpError) return jsonResponse(errorResult(error, flavour), flavour);
      throw error;
    }
  };

  const handleControl = async (request: Request, url: URL): Promise<Response> => {
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    const route = url.pathname.replace(/\/+$/, '').toLowerCase();
    if (route === '/_emulator/state' && request.method === 'GET') {
      return json(200, { siteUrl: `${url.origin}${sitePath}`, faults: faults.current, latencyMs, threshold });
    }
    if (request.method !== 'POST') return json(405, { error: `Use POST for ${url.pathname}.` });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await request.text()) as Record<string, unknown>;
    } catch {
      return json(400, { error: 'Send a JSON body, e.g. {"429":0.1,"503":0.05} or {"threshold":100}.' });
    }
    try {
      if (route === '/_emulator/faults') {
        const rates = validateFaults(body);
        faults.set(rates, typeof body.seed === 'number' ? body.seed : undefined);
        if (body.latencyMs !== undefined) {
          if (typeof body.latencyMs !== 'number' || body.latencyMs < 0) throw new Error('latencyMs must be a number of milliseconds, 0 or more.');
          latencyMs = body.latencyMs;
        }
        return json(200, { faults: faults.current, latencyMs });
      }
      if (route === '/_emulator/threshold') {
        const value = body.threshold ?? body.value;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new Error('threshold must be a whole number of items, 1 or more.');
        threshold = value;
        return json(200, { threshold });
      }
    } catch (error) {
      return json(400, { error: (error as Error).message });
    }
    return json(404, { error: `No control route ${url.pathname}; use /_emulator/faults, /_emulator/threshold or /_emulator/state.` });
  };

  /** `Lists/<list>/<view>.aspx` and `DispForm.aspx?ID=n`: the pages "Open in SharePoint" links point at. */
  const handleListPage = (request: Request, url: URL): Response | undefined => {
    const rest = decodeURIComponent(url.pathname.slice(`${sitePath}/Lists/`.length));
    const match = /^([^/]+)\/([^/]+)\.aspx$/i.exec(rest);
    if (!match || request.method !== 'GET') return undefined;
    const list = store.catalog.byUrlName(match[1]);
    if (!list) return undefined;
    const site = siteInfo(url.origin);
    const html = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    const root = `${url.origin}${encodeURI(listRootOf(site, list))}`;
    const fields = store.catalog.fields(list);
    const userById = (id: number) => store.users.byId(id);
    if (match[2].toLowerCase() === 'dispform') {
      const row = store.items.get(list, Number(url.searchParams.get('ID')));
      if (!row) return html(404, `<!doctype html><html lang="en"><title>Not found</title><p>Item does not exist. It may have been deleted by another user. <a href="${escapeHtml(root)}/AllItems.aspx">Back to ${escapeHtml(list.title)}</a></p></html>`);
      return html(200, renderItemPage({ list, fields, row, listUrl: `${root}/AllItems.aspx`, userById }));
    }
    const views = store.catalog.views(list);
    const view = store.catalog.viewByPage(list, match[2]);
    if (!view) return undefined;
    try {
      // The URL's FilterField/FilterValue parameters narrow the view, as on a SharePoint view page.
      const filtered = applyUrlFilters(view.viewQuery, url.searchParams, fields);
      const caml = parseCaml(`<View><Query>${filtered.viewQuery}</Query></View>`);
      const user = currentUser(request.headers);
      const page = store.items.query(list, {
        where: caml.where,
        orderBy: [...caml.groupBy, ...caml.orderBy],
        top: Math.min(view.rowLimit > 0 ? view.rowLimit : 100, 5000),
        skipToken: null,
        currentUserId: user.id,
        today: siteDate(clock()),
        threshold,
      });
      return html(
        200,
        renderViewPage({
          siteTitle: site.title,
          list,
          view,
          views: views.map((v) => ({ title: v.title, url: `${root}/${v.urlName}.aspx` })),
          fields,
          rows: page.rows,
          itemUrl: (id) => `${root}/DispForm.aspx?ID=${id}`,
          userById,
          urlFilters: filtered.described,
        }),
      );
    } catch (error) {
      const message = error instanceof SpError ? error.message : (error as Error).message;
      return html(error instanceof SpError ? error.status : 500, `<!doctype html><html lang="en"><title>Error</title><p>${escapeHtml(message)}</p></html>`);
    }
  };

  const homePage = (url: URL): Response => {
    const site = siteInfo(url.origin);
    const links = store.catalog
      .all()
      .map((list) => {
        const view = store.catalog.views(list).find((v) => v.isDefault) ?? store.catalog.views(list)[0];
        const href = `${encodeURI(listRootOf(site, list))}/${view ? view.urlName : 'AllItems'}.aspx`;
        return `<li><a href="${escapeHtml(href)}">${escapeHtml(list.title)}</a></li>`;
      })
      .join('');
    return new Response(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(site.title)}</title></head><body><h1>${escapeHtml(site.title)} (embedded SharePoint)</h1><ul>${links}</ul></body></html>`,
      { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
    );
  };

  const route = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (request.method === 'OPTIONS') return new Response(null, { status: 204 });
    const lower = url.pathname.toLowerCase();
    const site = sitePath.toLowerCase();
    if (lower === `${site}/_api` || lower.startsWith(`${site}/_api/`)) return handleApi(request, url);
    if (lower.startsWith('/_emulator/')) return handleControl(request, url);
    if (lower.startsWith(`${site}/lists/`)) {
      const page = handleListPage(request, url);
      if (page) return page;
    }
    const context = { url, db: store.db, siteUrl: `${origin}${sitePath}` };
    for (const plugin of plugins) {
      const answer = await plugin.handle(request, context);
      if (answer) return answer;
    }
    if ((lower === site || lower === `${site}/`) && request.method === 'GET') return homePage(url);
    return new Response(`Not found: ${url.pathname}. The SharePoint REST API is under ${sitePath}/_api/.`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  };

  const withCors = (request: Request, response: Response): Response => {
    // Only the server's own pages get CORS headers (lockdown.ts refuses other origins first).
    if (!isOwnOrigin(request, new URL(request.url))) return response;
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', request.headers.get('origin') ?? '');
    headers.set('Vary', 'Origin');
    headers.set('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, MERGE, DELETE, OPTIONS');
    headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
    headers.set('Access-Control-Expose-Headers', 'ETag, Retry-After, Location, Content-Type');
    headers.set('Access-Control-Max-Age', '600');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };

  return {
    async handle(request: Request): Promise<Response> {
      try {
        const refusal = lockdownRefusal(request, new URL(request.url), { port: new URL(origin).port || null, sitePath, webId: store.ids.webId, controlToken, now: () => new Date() });
        if (refusal) return refusal;
        return withCors(request, await route(request));
      } catch (error) {
        const flavour = flavourOf(request.headers.get('accept'));
        const failure = new SpError(500, '-1, System.InvalidOperationException', `The embedded server failed: ${(error as Error).message}`);
        return withCors(request, jsonResponse(errorResult(failure, flavour), flavour));
      }
    },
    close: () => store.close(),
    get siteUrl() {
      return `${origin}${sitePath}`;
    },
    sitePath,
    db: store.db,
    store,
    get threshold() {
      return threshold;
    },
    maxBodyBytes: Math.max(maxJsonBytes, maxBatchBytes, maxFileBytes),
    controlToken,
    setOrigin(value: string) {
      origin = value.replace(/\/+$/, '');
    },
    setFaults(rates: FaultRates, seedValue?: number) {
      faults.set(validateFaults(rates), seedValue);
    },
    setLatency(ms: number) {
      latencyMs = ms;
    },
    setThreshold(value: number) {
      threshold = value;
    },
  };
}
