#!/usr/bin/env node
// Draws the Teams app icons (no image tools needed): color.png 192x192 on the accent
// colour, outline.png 32x32 in white on transparent, as Teams requires.
// Run: node appPackage/make-icons.cjs
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** RGBA pixels from paint(x, y) → [r, g, b, a], as a PNG. */
function png(size, paint) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then pixels
    for (let x = 0; x < size; x++) row.set(paint(x, y), 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A checklist: three rows of a box and a line, in a square of side `size`. */
function checklist(size, x, y) {
  const u = size / 32; // drawn on a 32-unit grid
  const gx = x / u;
  const gy = y / u;
  for (const top of [7, 14, 21]) {
    const inBoxOuter = gx >= 6 && gx < 10 && gy >= top && gy < top + 4;
    const inBoxInner = gx >= 7 && gx < 9 && gy >= top + 1 && gy < top + 3;
    if (inBoxOuter && !inBoxInner) return true;
    if (gx >= 12 && gx < 26 && gy >= top + 1 && gy < top + 3) return true;
  }
  return false;
}

const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];
const ACCENT = [0x1f, 0x6f, 0xb2, 255];

const dir = __dirname;
fs.writeFileSync(path.join(dir, 'color.png'), png(192, (x, y) => (checklist(192, x, y) ? WHITE : ACCENT)));
fs.writeFileSync(path.join(dir, 'outline.png'), png(32, (x, y) => (checklist(32, x, y) ? WHITE : CLEAR)));
console.log('Wrote appPackage/color.png (192x192) and appPackage/outline.png (32x32).');
