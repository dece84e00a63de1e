/**
 * The OData `$batch` framing as PnPjs' `createBatch` writes it and its parser reads it
 * (node_modules/@pnp/sp/batching.js): a multipart/mixed body of `application/http` parts,
 * writes grouped in `changeset_` sub-parts. The answer has one `--batchresponse_` part per
 * request, in order, each `HTTP/1.1 <status> <text>`, headers, a blank line and the body —
 * flat, with no changeset nesting, which is what SharePoint Online sends back.
 */

/** One request inside a batch. */
export type BatchPart = { method: string; url: string; headers: Headers; body: string };

/** One answer inside a batch. */
export type BatchPartResponse = { status: number; statusText: string; headers: Record<string, string>; body: string | null };

/** A batch that cannot be read; nothing in it has been run. */
export class BatchFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchFormatError';
  }
}

/** The boundary from `multipart/mixed; boundary=batch_…`, or null. */
export function boundaryOf(contentType: string | null): string | null {
  const match = /boundary="?([^";]+)"?/i.exec(contentType ?? '');
  return match ? match[1] : null;
}

/** Splits a multipart body into its parts; throws when the closing boundary is missing (a truncated body). */
function splitMultipart(body: string, boundary: string, what: string): string[] {
  const lines = body.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | null = null;
  let closed = false;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) {
      if (current) parts.push(current.join('\n'));
      current = null;
      closed = true;
      break;
    }
    if (trimmed === `--${boundary}`) {
      if (current) parts.push(current.join('\n'));
      current = [];
      continue;
    }
    if (current) current.push(line);
  }
  if (!closed) {
    throw new BatchFormatError(`The ${what} is truncated: its closing boundary '--${boundary}--' was not found. Send the whole request again.`);
  }
  return parts;
}

/** Header block + rest, split at the first blank line. */
function splitHeaders(text: string): { headers: Headers; rest: string } {
  const lines = text.split('\n');
  const headers = new Headers();
  let i = 0;
  for (; i < lines.length; i += 1) {
    const line = lines[i].replace(/\r$/, '');
    if (line.trim() === '') {
      i += 1;
      break;
    }
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return { headers, rest: lines.slice(i).join('\n') };
}

function parseHttpPart(text: string, index: number): BatchPart {
  const { rest } = splitHeaders(text);
  const lines = rest.split('\n');
  const requestLine = (lines.shift() ?? '').replace(/\r$/, '').trim();
  // The URL runs to the last ' HTTP/1.1', so an unencoded space in a query does not break the line.
  const match = /^([A-Z]+)\s+(.+?)\s+HTTP\/\d\.\d$/i.exec(requestLine);
  if (!match) throw new BatchFormatError(`Part ${index + 1} of the batch has no request line like 'GET <url> HTTP/1.1' (found '${requestLine.slice(0, 80)}').`);
  const inner = splitHeaders(lines.join('\n'));
  return { method: match[1].toUpperCase(), url: match[2].replace(/ /g, '%20'), headers: inner.headers, body: inner.rest.replace(/\s+$/, '') };
}

/** Reads every request of a batch, in order; throws `BatchFormatError` before anything runs if any part is malformed. */
export function parseBatch(body: string, boundary: string): BatchPart[] {
  const requests: BatchPart[] = [];
  for (const part of splitMultipart(body, boundary, 'batch')) {
    const { headers, rest } = splitHeaders(part);
    const type = headers.get('content-type') ?? '';
    if (/^multipart\/mixed/i.test(type)) {
      const changeset = boundaryOf(type);
      if (!changeset) throw new BatchFormatError('A changeset in the batch has no boundary in its Content-Type.');
      for (const inner of splitMultipart(rest, changeset, 'changeset')) requests.push(parseHttpPart(inner, requests.length));
    } else {
      requests.push(parseHttpPart(part, requests.length));
    }
  }
  return requests;
}

/** Writes the batch answer; `boundary` is the `batchresponse_…` boundary. */
export function formatBatchResponse(responses: BatchPartResponse[], boundary: string): string {
  const out: string[] = [];
  for (const response of responses) {
    out.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    out.push(`HTTP/1.1 ${response.status} ${response.statusText}`);
    for (const [name, value] of Object.entries(response.headers)) out.push(`${name}: ${value}`);
    out.push('');
    // PnPjs joins body lines without separators, so the JSON body goes on one line.
    out.push(response.body ?? '');
  }
  out.push(`--${boundary}--`, '');
  return out.join('\r\n');
}
