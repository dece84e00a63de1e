import { spErrors, type SpError } from './sp-error';

/**
 * The limits SharePoint Online's front end puts on a request, applied before anything
 * runs so a local test meets the refusal a tenant would give:
 * - a URL longer than 8,192 characters: 414 (SharePoint Online's front end refuses long
 *   URLs with 414; its exact figure is not documented, so this is half of http.sys's
 *   16 KB request-line limit, which also keeps it below Node's own 16 KB header limit);
 * - more than 100 operations in one `$batch` (the figure PnPjs' maintainers give for
 *   SharePoint's batch endpoint, pnp/pnpjs#3207): 400;
 * - JSON nested deeper than 64 levels (what the OData reader accepts): 400;
 * - TRACE/TRACK/CONNECT: 405 (never answered with the request echoed).
 */
export const MAX_URL_LENGTH = 8_192;
export const MAX_BATCH_OPERATIONS = 100;
export const MAX_JSON_DEPTH = 64;

const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);

/** 414 for a URL longer than SharePoint's front end takes. */
export function checkUrlLength(url: string): void {
  if (url.length > MAX_URL_LENGTH) throw spErrors.uriTooLong(MAX_URL_LENGTH);
}

/** SharePoint's 405 for a method it never serves, or null for any other method. */
export function refusedMethod(method: string): SpError | null {
  return REFUSED_METHODS.has(method.toUpperCase()) ? spErrors.methodNotAllowed(method.toUpperCase(), 'this site') : null;
}

/** 400 for a `$batch` with more operations than SharePoint Online accepts. */
export function checkBatchSize(count: number): void {
  if (count > MAX_BATCH_OPERATIONS) throw spErrors.batchTooLarge(count, MAX_BATCH_OPERATIONS);
}

/** 400 for JSON nested deeper than the OData reader accepts (checked on the text, before parsing). */
export function checkJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i += 1; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw spErrors.badJson(`The JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    } else if (ch === 125 || ch === 93) depth -= 1;
  }
}
