import { constants, createDeflateRaw } from 'node:zlib';

/**
 * A raw deflate stream that inflates to `megabytes` MB of spaces, built in well under a
 * second: once the window is full of spaces, every 16 MB of input compresses to the same
 * bytes (each ending on a sync flush), so that segment is repeated rather than recompressed.
 */
export async function deflatedSpaces(megabytes: number): Promise<Uint8Array> {
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const segment = async () => {
    const before = out.length;
    deflate.write(chunk);
    await new Promise<void>((resolve) => deflate.flush(constants.Z_SYNC_FLUSH, () => resolve()));
    return Buffer.concat(out.slice(before));
  };
  const first = await segment();
  await segment();
  const steady = await segment();
  deflate.destroy();
  const end = Buffer.from([0x03, 0x00]); // an empty final fixed-Huffman block
  const count = Math.max(0, Math.ceil(megabytes / 16) - 1);
  return new Uint8Array(Buffer.concat([first, ...Array.from({ length: count }, () => steady), end]));
}

/** A one-part zip package (local header, data, central directory) holding already-deflated data. */
export function zipWithDeflatedPart(name: string, deflated: Uint8Array, uncompressedSize: number): Uint8Array {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(uncompressedSize >>> 0, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(uncompressedSize >>> 0, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, fileName, deflated, central, fileName, end]));
}
