// A long scanned PDF made in the test: `pages` image-only pages (no text layer), each with its own
// numbered lines of text in a real font, small in pixels so OCR is quick, with light paper grain
// so the file is over the size a local run probes (PROBE_MIN_BYTES) before splitting it.
import { createCanvas } from '@napi-rs/canvas';
import { ensureFonts, FAMILY } from '../../scripts/fixtures/raster';
import { writeImagePdf } from '../../scripts/fixtures/pdf-writer';

const WORDS = [
  'audit',
  'ledger',
  'invoice',
  'balance',
  'supplier',
  'payment',
  'review',
  'account',
  'statement',
  'contract',
  'receipt',
  'journal',
  'payroll',
  'inventory',
  'treasury',
  'policy',
];

function pageJpeg(page: number, pages: number, seed: number): Buffer {
  const width = 850;
  const height = 1100;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  let state = seed * 7919 + page;
  for (let i = 0; i < image.data.length; i += 4) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const grain = 240 + (state % 12);
    image.data[i] = image.data[i + 1] = image.data[i + 2] = grain;
    image.data[i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  ctx.fillStyle = '#111';
  ctx.font = `bold 34px ${FAMILY}`;
  ctx.fillText(`Page ${page} of ${pages}`, 80, 120);
  ctx.font = `28px ${FAMILY}`;
  for (let line = 0; line < 6; line++) {
    const words = [0, 1, 2].map((k) => WORDS[(page * 5 + line * 3 + k) % WORDS.length]);
    ctx.fillText(`Line ${line + 1}: ${words.join(' ')} ${page}${line}`, 80, 220 + line * 60);
  }
  return canvas.toBuffer('image/jpeg', 85);
}

/** The PDF bytes of a `pages`-page scan. */
export function longScanPdf(pages: number, seed = 1): Promise<Buffer> {
  ensureFonts();
  const images = Array.from({ length: pages }, (_, i) => pageJpeg(i + 1, pages, seed));
  return writeImagePdf(images, {
    title: 'Long scan',
    author: 'Folio tests',
    created: new Date(Date.UTC(2026, 0, 1)),
  });
}
