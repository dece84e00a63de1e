#!/usr/bin/env node
// Draws the Teams app icons (no image tools needed): color.png 192x192 on the accent
// colour with a 96x96 symbol, outline.png 32x32 in white on transparent, as the Teams
// store guidance asks.
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

/**
 * A checklist drawn on a 32-unit grid that it fills edge to edge: three rows, each a
 * hollow box and a line. `side` is the drawn square's size in pixels.
 */
function checklist(side, x, y) {
  const gx = (x * 32) / side;
  const gy = (y * 32) / side;
  for (const top of [0, 12, 24]) {
    const inBoxOuter = gx >= 0 && gx < 8 && gy >= top && gy < top + 8;
    const inBoxInner = gx >= 2 && gx < 6 && gy >= top + 2 && gy < top + 6;
    if (inBoxOuter && !inBoxInner) return true;
    if (gx >= 11 && gx < 32 && gy >= top + 2 && gy < top + 6) return true;
  }
  return false;
}

const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];
const ACCENT = [0x1f, 0x6f, 0xb2, 255];

// Store guidance: the colour icon is 192x192 with the symbol in the central 96x96 (Teams
// crops and masks the rest); the outline icon is 32x32, white on transparent, no padding.
const COLOR_SIZE = 192;
const SYMBOL = 96;
const INSET = (COLOR_SIZE - SYMBOL) / 2;
const inSymbol = (x, y) => x >= INSET && x < INSET + SYMBOL && y >= INSET && y < INSET + SYMBOL && checklist(SYMBOL, x - INSET, y - INSET);

const dir = __dirname;
fs.writeFileSync(path.join(dir, 'color.png'), png(COLOR_SIZE, (x, y) => (inSymbol(x, y) ? WHITE : ACCENT)));
fs.writeFileSync(path.join(dir, 'outline.png'), png(32, (x, y) => (checklist(32, x, y) ? WHITE : CLEAR)));
console.log('Wrote appPackage/color.png (192x192, 96x96 symbol) and appPackage/outline.png (32x32, white on transparent).');
