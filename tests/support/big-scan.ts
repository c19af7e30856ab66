// A single 600-dpi A3 scan (7016 × 9921 px, about 70 Mpx), made on the fly: a PDF whose one page
// paints one Flate-compressed image, with dark bars where lines of text would be. Mostly white,
// so the file is a few MB while its decoded pixels are hundreds: the case where what a task will
// hold is far larger than the file it reads.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const A3_600DPI = { width: 7016, height: 9921, widthPt: 842, heightPt: 1191 };

/** Pixels of the scan: white paper, bars of "text" every 100 px, `channels` 1 (gray) or 3 (RGB). */
function scanPixels(width: number, height: number, channels: 1 | 3): Buffer {
  const pixels = Buffer.alloc(width * height * channels, 0xf0);
  for (let y = 400; y < height - 400; y += 100) {
    for (let dy = 0; dy < 40; dy++) {
      const start = ((y + dy) * width + 600) * channels;
      pixels.fill(0x20, start, start + (width - 1200) * channels);
    }
  }
  return pixels;
}

/** The PDF bytes of one A3 page scanned at 600 dpi. */
export function bigScanPdf(channels: 1 | 3 = 3): Buffer {
  const { width, height, widthPt, heightPt } = A3_600DPI;
  const image = deflateSync(scanPixels(width, height, channels), { level: 6 });
  const content = Buffer.from(`q ${widthPt} 0 0 ${heightPt} 0 0 cm /Im0 Do Q`, 'latin1');
  const colorSpace = channels === 1 ? '/DeviceGray' : '/DeviceRGB';
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${widthPt} ${heightPt}] ` +
        '/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>',
      'latin1',
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'),
      content,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} ` +
          `/ColorSpace ${colorSpace} /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`,
        'latin1',
      ),
      image,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`];
  for (const offset of offsets) xref.push(`${String(offset).padStart(10, '0')} 00000 n \n`);
  xref.push(
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
  );
  parts.push(Buffer.from(xref.join(''), 'latin1'));
  return Buffer.concat(parts);
}

/** Writes the scan to `file` and returns its path. */
export function writeBigScanPdf(file: string, channels: 1 | 3 = 3): string {
  writeFileSync(file, bigScanPdf(channels));
  return file;
}
