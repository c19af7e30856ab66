// The one place that knows how pdfjs-dist is loaded and configured in Node: the legacy build, the
// worker's message handler installed on this thread (no Worker, no fetch), no eval, no scripting,
// and every data file (fonts, cmaps, wasm, ICC profiles) read from disk.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import { undrawnFontOptions } from './font-rule-sink';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type ImageDecoders =
  typeof import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs');

/**
 * Builtins that the legacy build's bundled core-js polyfills *replace* on Node 20 (their
 * feature tests fail on edge cases no caller here depends on: a push past 2^32 or onto a frozen
 * length, JSON's raw-text proposal), for the whole thread. The polyfilled push alone showed as
 * 0.3 s self time (plus 0.2 s setting array lengths) when profiling five text PDFs. What core-js
 * adds (Promise.withResolvers, Map.prototype.getOrInsert...) stays: pdfjs needs it.
 */
const REPLACED_NATIVES: ReadonlyArray<[object, string]> = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
];

/** Evaluates pdfjs modules, then puts back the natives their polyfills replaced. */
export async function withNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const saved = REPLACED_NATIVES.map(
    ([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const,
  );
  try {
    return await load();
  } finally {
    for (const [owner, key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(owner, key, descriptor);
    }
  }
}

let pdfjsPromise: Promise<Pdfjs> | undefined;
let decodersPromise: Promise<ImageDecoders> | undefined;

/**
 * Loads pdfjs once per thread. Installing the worker module as `globalThis.pdfjsWorker` makes
 * pdfjs use its in-thread "fake worker" directly: it never tries `new Worker()` and never
 * imports a worker script by URL. Every pdfjs module is loaded through here (see
 * withNativeBuiltins); nothing imports one statically.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= withNativeBuiltins(async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  });
  return pdfjsPromise;
}

/** pdfjs's standalone image decoders (JPEG), loaded once per thread like pdfjs itself. */
export function loadImageDecoders(): Promise<ImageDecoders> {
  decodersPromise ??= withNativeBuiltins(
    () => import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs'),
  );
  return decodersPromise;
}

type AssetDir = 'standard_fonts' | 'cmaps' | 'wasm' | 'iccs';

function moduleDir(): string {
  // In a CommonJS bundle import.meta.url is empty; fall back to the working directory.
  const url = typeof import.meta.url === 'string' && import.meta.url ? import.meta.url : '';
  return url ? path.dirname(fileURLToPath(url)) : process.cwd();
}

/**
 * Finds a pdfjs data folder: next to the running bundle (`dist/pdfjs/<name>/`, copied by the
 * build) when there is one, else in the installed pdfjs-dist package. Walks up from this module
 * and stops at the project's package.json. Paths end in '/', which pdfjs requires.
 */
export function pdfjsAssetDir(name: AssetDir, startDir: string = moduleDir()): string {
  let dir = startDir;
  for (;;) {
    const bundled = path.join(dir, 'pdfjs', name);
    if (existsSync(bundled)) return bundled + path.sep;
    if (existsSync(path.join(dir, 'package.json'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const require = createRequire(path.join(dir, 'package.json'));
  const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return path.join(pdfjsRoot, name) + path.sep;
}

let assetPaths: Pick<
  DocumentInitParameters,
  'standardFontDataUrl' | 'cMapUrl' | 'wasmUrl' | 'iccUrl'
> | null = null;

/** The options every `getDocument` call in Folio uses: offline, no eval, no scripting. */
export function pdfjsDocumentOptions(
  data: Uint8Array,
  password: string | undefined,
): DocumentInitParameters {
  assetPaths ??= {
    standardFontDataUrl: pdfjsAssetDir('standard_fonts'),
    cMapUrl: pdfjsAssetDir('cmaps'),
    wasmUrl: pdfjsAssetDir('wasm'),
    iccUrl: pdfjsAssetDir('iccs'),
  };
  return {
    data,
    password,
    ...assetPaths,
    cMapPacked: true,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    // Errors only: a damaged file's recoverable warnings would flood the worker's stderr.
    verbosity: 0,
  };
}

/**
 * The options of the document whose text layer is read: pdfjsDocumentOptions with every image
 * left out of operator lists. pdfjs decodes each image a list paints (a page's JPEG photo: tens
 * to hundreds of ms) though the list is only read for glyphs and ruling lines; `maxImageSize: 0`
 * drops images before decoding, and with errors ignored the list goes on. Pages whose images
 * matter are read from a second document (ImageDocument). Nothing draws this document, so its
 * lists build no glyph outlines either (undrawnFontOptions).
 */
export function textLayerOptions(
  data: Uint8Array,
  password: string | undefined,
): DocumentInitParameters {
  return { ...pdfjsDocumentOptions(data, password), maxImageSize: 0, ...undrawnFontOptions };
}
