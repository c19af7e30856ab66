// Builds zip files byte by byte for the zip/DOCX/XLSX and hostile-input tests: honest packages,
// packages whose declared sizes lie, and a real 2 GB zip bomb made in milliseconds (no 2 GB in memory).
import { writeFileSync } from 'node:fs';
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Raw content, deflated by the builder. */
  content?: Buffer | string;
  /** Or ready deflate data with its real uncompressed size (for bombs). */
  deflated?: { data: Buffer; size: number; crc: number };
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
}

/** A raw DEFLATE stream that inflates to `bytes` zeros (a multiple of 16 MiB), about 1030:1. */
const bombs = new Map<number, { data: Buffer; size: number; crc: number }>();

export function zeroBomb(bytes: number): { data: Buffer; size: number; crc: number } {
  const made = bombs.get(bytes);
  if (made !== undefined) return made;
  const piece = 16 * 1024 * 1024;
  // Full-flushed pieces are self-contained and byte-aligned, so they concatenate; 0x03 0x00 is
  // a final empty block. The CRC is left at 0: no reader ever gets far enough to check it.
  const chunk = zlib.deflateRawSync(Buffer.alloc(piece), {
    level: 9,
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  });
  const count = Math.ceil(bytes / piece);
  const bomb = {
    data: Buffer.concat([...Array<Buffer>(count).fill(chunk), Buffer.from([0x03, 0x00])]),
    size: count * piece,
    crc: 0,
  };
  bombs.set(bytes, bomb);
  return bomb;
}

export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const raw =
      part.content === undefined
        ? undefined
        : Buffer.isBuffer(part.content)
          ? part.content
          : Buffer.from(part.content, 'utf8');
    const data = part.deflated?.data ?? zlib.deflateRawSync(raw ?? Buffer.alloc(0));
    const size = part.declaredSize ?? part.deflated?.size ?? raw?.length ?? 0;
    const crc = part.deflated?.crc ?? zlib.crc32(raw ?? Buffer.alloc(0));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function writeZip(path: string, parts: ZipPart[]): string {
  writeFileSync(path, buildZip(parts));
  return path;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal valid DOCX whose body holds these paragraphs (plain text, or body XML as written). */
export function minimalDocxParts(paragraphs: string[], extra: ZipPart[] = []): ZipPart[] {
  // An item that is already WordprocessingML (`<w:p>`, `<w:tbl>`, `<w:sectPr>`) is used as written.
  const body = paragraphs
    .map((p) => (p.startsWith('<w:') ? p : `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`))
    .join('');
  return [
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    {
      name: 'word/document.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    },
    ...extra,
  ];
}
