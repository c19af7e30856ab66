// Writes the scanned-invoice family: each document laid out, scanned with the office-scanner
// wear of the standard batch (blur, grain, dust, hairs, skew), stored as a gray PNG or as JPEG
// pages of a PDF; one at 200 dpi (the 300-dpi scan resampled, as a scanner's 200-dpi preset
// gives). Beside each file its truth: the expected text and the exact tables.
import { createCanvas } from '@napi-rs/canvas';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canvasPixels, pixelsCanvas, type Pixels } from '../fixtures/degrade';
import { writeImagePdf } from '../fixtures/pdf-writer';
import { encodeGrayPng } from '../fixtures/png-gray';
import { createRng, type Rng } from '../fixtures/prng';
import { createRasterMeasure } from '../fixtures/raster';
import { encodeRasterJpeg, renderScan, type ScanRaster } from '../fixtures/scan-render';
import type { ScanStyle } from '../fixtures/scan-style';
import { invoice, statement, twoColumnLetter, twoPageInvoice, type DocPage } from './documents';
import { layoutPages, PAGE, type TruthTable } from './page-layout';

export interface FamilyFile {
  name: string;
  dpi: 200 | 300;
  format: 'png' | 'pdf';
  pages: (rng: Rng) => DocPage[];
}

export const FAMILY: FamilyFile[] = [
  {
    name: 'scan-invoice-01.png',
    dpi: 300,
    format: 'png',
    pages: (r) => invoice(r, 'INV-2024-0412', 9),
  },
  {
    name: 'scan-invoice-02-two-pages.pdf',
    dpi: 300,
    format: 'pdf',
    pages: (r) => twoPageInvoice(r, 'INV-2024-0468'),
  },
  { name: 'scan-statement-03.png', dpi: 300, format: 'png', pages: statement },
  {
    name: 'scan-invoice-04-200dpi.png',
    dpi: 200,
    format: 'png',
    pages: (r) => invoice(r, 'INV-2024-0501', 7),
  },
  { name: 'scan-letter-05-two-columns.pdf', dpi: 300, format: 'pdf', pages: twoColumnLetter },
];

export interface Truth {
  name: string;
  dpi: number;
  pages: number;
  text: string;
  tables: TruthTable[];
}

const STYLE: ScanStyle = { capture: 'scanner', encoding: 'flate' };
const GEOMETRY = {
  width: PAGE.width,
  height: PAGE.height,
  marginLeft: PAGE.margin,
  marginRight: PAGE.margin,
  marginBottom: PAGE.margin,
};

/** A gray page resampled by `factor` (a 200-dpi preset is the optics' image at 2/3 the pixels). */
function resample(p: Pixels, factor: number): Pixels {
  const w = Math.round(p.width * factor);
  const h = Math.round(p.height * factor);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(pixelsCanvas(p), 0, 0, w, h);
  return canvasPixels(canvas, 1);
}

function grayOf(raster: ScanRaster): Pixels {
  if (raster.kind !== 'pixels' || raster.pixels.channels !== 1) throw new Error('gray scans only');
  return raster.pixels;
}

async function encode(file: FamilyFile, rasters: ScanRaster[], rng: Rng): Promise<Buffer> {
  if (file.format === 'pdf') {
    const jpegs = rasters.map((r) => encodeRasterJpeg(r, rng.int(60, 75)));
    return writeImagePdf(jpegs, {
      title: file.name,
      author: 'Folio fixtures',
      created: new Date(Date.UTC(2024, 2, 15)),
    });
  }
  if (rasters.length !== 1) throw new Error('a PNG holds one page');
  const page = grayOf(rasters[0]);
  const pixels = file.dpi === 300 ? page : resample(page, file.dpi / 300);
  return encodeGrayPng(pixels.width, pixels.height, pixels.data, file.dpi);
}

export async function writeFamily(
  docsDir: string,
  truthDir: string,
  seed: number,
): Promise<Truth[]> {
  await mkdir(docsDir, { recursive: true });
  await mkdir(truthDir, { recursive: true });
  const root = createRng(seed);
  const measure = createRasterMeasure();
  const truths: Truth[] = [];
  for (const file of FAMILY) {
    const rng = root.fork(file.name);
    const laid = layoutPages(file.pages(rng.fork('content')), measure);
    const rasters = laid.pages.map(
      (items, i) =>
        renderScan({ items, geometry: GEOMETRY, rotation: 0 }, STYLE, rng.fork(`page-${i + 1}`))
          .raster,
    );
    await writeFile(path.join(docsDir, file.name), await encode(file, rasters, rng.fork('encode')));
    const truth: Truth = {
      name: file.name,
      dpi: file.dpi,
      pages: laid.pages.length,
      text: laid.text,
      tables: laid.tables,
    };
    await writeFile(
      path.join(truthDir, `${file.name}.json`),
      JSON.stringify(truth, null, 1) + '\n',
    );
    truths.push(truth);
  }
  return truths;
}
