// The one place that knows how pdfjs-dist is loaded and configured in Node: the legacy build, the
// worker's message handler installed on this thread (no Worker, no fetch), no eval, no scripting,
// and every data file (fonts, cmaps, wasm, ICC profiles) read from disk.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<Pdfjs> | undefined;

/**
 * Loads pdfjs once per thread. Installing the worker module as `globalThis.pdfjsWorker` makes
 * pdfjs use its in-thread "fake worker" directly: it never tries `new Worker()` and never
 * imports a worker script by URL.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
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
