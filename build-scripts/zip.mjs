// A zip archive of a folder, written without a zip program: deflate from node:zlib, the CRC-32
// computed here (zlib.crc32 is newer than the Node some machines have). Entries in name order
// with one fixed time stamp, so the same folder always gives the same bytes.
// Not here: reading archives (the release test has its own reader, to check this one).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of `bytes` (the zip and PNG one). */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// 2026-01-01 00:00 in MS-DOS form: a fixed stamp keeps the archive reproducible.
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

function files(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const file = path.join(dir, d.name);
    return d.isDirectory() ? files(file, base) : [path.relative(base, file).split(path.sep).join('/')];
  }).sort();
}

/**
 * Writes `out`, a zip of every file under `dir`, each stored under `prefix` + its relative path.
 * @returns {string[]} the names stored
 */
export function zipFolder(dir, out, prefix = '') {
  const local = [];
  const central = [];
  let offset = 0;
  const names = files(dir).map((f) => prefix + f);
  for (const name of names) {
    const data = fs.readFileSync(path.join(dir, name.slice(prefix.length)));
    const packed = zlib.deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);       // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0800, 6);   // names in UTF-8
    header.writeUInt16LE(8, 8);        // deflate
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x031e, 4);    // made by: Unix, 3.0
    header.copy(entry, 6, 4, 30);      // the same fields as the local header
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38);  // a regular file, rw-r--r--
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(out, Buffer.concat([...local, ...central, end]));
  return names;
}
