import type { SiteStore } from '../store/site-store';
import type { SiteUser } from '../store/site-users';
import type { PathSegment } from './api-path';
import type { SiteInfo } from './entities';
import type { Flavour } from './odata-json';

/** Everything a REST handler needs besides the request: the site, its store and the caller. */
export type ApiContext = {
  site: SiteInfo;
  store: SiteStore;
  threshold: number;
  /** yyyy-mm-dd, for `<Today/>` in CAML. */
  today: string;
  currentUser: SiteUser;
};

/** One REST call, already split: the effective method (MERGE, DELETE from X-HTTP-Method), path and parsed body. */
export type ApiRequest = {
  method: string;
  url: URL;
  headers: Headers;
  path: PathSegment[];
  body: Record<string, unknown> | null;
  flavour: Flavour;
  /** The body's bytes, for file uploads (attachments, library files); their JSON `body` is null. */
  raw?: Uint8Array;
};

/** A REST answer before it is serialised: status, JSON body (already in the flavour) and headers. */
export type ApiResult = { status: number; body: unknown; headers?: Record<string, string>; /** A file's bytes (`$value`), sent as they are. */ raw?: Uint8Array };

/** A 200 JSON answer. */
export function ok(body: unknown, headers?: Record<string, string>): ApiResult {
  return { status: 200, body, headers };
}

/** A 204 answer (MERGE), or 200 with an empty body (DELETE), as SharePoint sends them. */
export function noContent(headers?: Record<string, string>): ApiResult {
  return { status: 204, body: null, headers };
}
