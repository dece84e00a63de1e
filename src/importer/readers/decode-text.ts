/**
 * Bytes of a text file → string. UTF-8 (with or without BOM) and UTF-16 LE/BE (with BOM)
 * are recognised; anything that is not valid UTF-8 is read as Windows-1252, the encoding
 * Excel and Word on Windows save "plain text" in, so `£` survives.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksLikeUtf16WithoutBom(bytes)) return new TextDecoder(bytes[0] === 0 ? 'utf-16be' : 'utf-16le').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F; some runtimes decode it as Latin-1, so map those here. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** Text with a zero byte in every other position is UTF-16 even without a BOM. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 400) & ~1;
  if (sample < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  return evenZeros / pairs > 0.4 !== oddZeros / pairs > 0.4;
}

/** Whether bytes look like a binary file rather than text (NUL bytes outside UTF-16). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4000);
  let control = 0;
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    if (code === 0 || (code < 9) || (code > 13 && code < 32) || code === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}
