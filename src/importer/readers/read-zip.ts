import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { ImportError } from '../table';

/** Limits on what a zip package (.docx, .xlsx) may inflate to: a plan is text, never gigabytes. */
export type ZipLimits = {
  /** Uncompressed bytes of any one part. */
  partBytes: number;
  /** Uncompressed bytes of all parts together. */
  totalBytes: number;
  /** How many parts the package may have. */
  parts: number;
  /**
   * Past `ratioFrom` bytes, a part may be at most this many times larger than the compressed
   * bytes read for it. Real XML compresses 5–50 times; a bomb 1,000 times, so it is refused
   * after a few MB instead of after the whole part limit.
   */
  ratio: number;
  ratioFrom: number;
};

/**
 * Far above any real plan (a 200-page Word document is a few MB of XML; a 100,000-row sheet
 * about 45 MB), far below what would exhaust a browser tab or the CLI.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { partBytes: 48 * 1024 * 1024, totalBytes: 128 * 1024 * 1024, parts: 2000, ratio: 200, ratioFrom: 8 * 1024 * 1024 };

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1,032:1, so one
 * slice can never produce more than ~16 MB before the limits are checked again.
 */
const SLICE = 16 * 1024;

/**
 * Reads a zip package while inflating it, refusing it as soon as a part or the whole passes
 * its limit (a "zip bomb" is stopped after at most one slice past the limit, not after it has
 * filled memory). Parts for which `keep` is true are returned; the others are inflated only to
 * be counted, so nothing in the package escapes the limits. Works the same in Node and the browser.
 */
export function readZipParts(
  bytes: Uint8Array,
  source: string,
  keep: (name: string) => boolean,
  what: { kind: string; app: string } = { kind: 'zip package', app: 'Office' },
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  const kept = new Map<string, Uint8Array>();
  let total = 0;
  let parts = 0;
  let failure: ImportError | null = null;
  /** Compressed bytes handed to the unzipper so far. */
  let pushed = 0;
  const tooBig = (what: string) =>
    new ImportError(`${source} is refused: ${what} when unpacked (limit ${Math.round(limits.partBytes / 1024 / 1024)} MB a part, ${Math.round(limits.totalBytes / 1024 / 1024)} MB in all). A real plan is far smaller; it may be damaged or built to exhaust memory. Save the plan again from Office, or save just the action table.`);

  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    if (++parts > limits.parts) {
      failure = new ImportError(`${source} is refused: it has more than ${limits.parts} parts. Save the plan again from Office, or save just the action table.`);
      return;
    }
    // A size the package declares is checked at once; a package can lie, so inflating is counted too.
    if ((file.originalSize ?? 0) > limits.partBytes) {
      failure = tooBig(`its part ${file.name} says it is ${((file.originalSize ?? 0) / 1024 / 1024).toFixed(1)} MB`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const startedAt = pushed;
    const wanted = keep(file.name);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new ImportError(`${source} is not a readable ${what.kind} (${file.name} is damaged: ${error.message}). Save it again from ${what.app} and import the new file.`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.partBytes) failure = tooBig(`its part ${file.name} grows past ${Math.round(limits.partBytes / 1024 / 1024)} MB`);
      else if (total > limits.totalBytes) failure = tooBig(`its parts grow past ${Math.round(limits.totalBytes / 1024 / 1024)} MB together`);
      else if (size > limits.ratioFrom && size / Math.max(1, pushed - startedAt) > limits.ratio) {
        failure = tooBig(`its part ${file.name} grows more than ${limits.ratio} times larger than its compressed size`);
      }
      if (failure) {
        file.terminate();
        chunks.length = 0;
        return;
      }
      if (wanted) chunks.push(chunk);
      if (final && wanted) kept.set(file.name, concat(chunks, size));
    };
    try {
      file.start();
    } catch (error) {
      failure = new ImportError(`${source} uses a compression this importer cannot read (${file.name}: ${(error as Error).message}). Save it again from Office with default settings.`);
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE) {
      pushed = Math.min(at + SLICE, bytes.length);
      unzip.push(bytes.subarray(at, pushed), pushed >= bytes.length);
    }
  } catch (error) {
    if (!failure) failure = new ImportError(`${source} is not a readable ${what.kind} (${(error as Error).message}). Save it again from ${what.app} and import the new file.`);
  }
  if (failure) throw failure;
  if (!parts) throw new ImportError(`${source} is not a readable ${what.kind} (no parts found in it). Save it again from ${what.app} and import the new file.`);
  return kept;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Elements nested deeper than this are refused before parsing: no real document comes near it. */
export const MAX_XML_DEPTH = 256;

/**
 * The deepest element nesting of an XML part (UTF-8 bytes), found in one linear pass
 * without parsing, so a document built to overflow the parser's stack is refused first.
 * Stops counting once past `limit`.
 */
export function xmlDepth(xml: Uint8Array, limit = MAX_XML_DEPTH): number {
  const LT = 0x3c, GT = 0x3e, SLASH = 0x2f, QUESTION = 0x3f, BANG = 0x21;
  let depth = 0;
  let deepest = 0;
  for (let at = xml.indexOf(LT); at >= 0; at = xml.indexOf(LT, at + 1)) {
    const next = xml[at + 1];
    if (next === SLASH) depth--;
    else if (next === QUESTION || next === BANG) continue;
    else {
      const end = xml.indexOf(GT, at);
      if (end < 0) break;
      if (xml[end - 1] !== SLASH) {
        depth++;
        if (depth > deepest) deepest = depth;
        if (deepest > limit) return deepest;
      }
      at = end;
    }
  }
  return deepest;
}

/** Throws a clear `ImportError` when an XML part nests deeper than any real document does. */
export function assertXmlDepth(xml: Uint8Array, source: string, part: string): void {
  if (xmlDepth(xml) > MAX_XML_DEPTH) {
    throw new ImportError(`${source} is refused: ${part} nests elements more than ${MAX_XML_DEPTH} deep, which no real document does. Save the plan again from Office.`);
  }
}
