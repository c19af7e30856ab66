// The OcrService a pool thread owns: one tesseract worker, created lazily, reused across pages
// and files, and recreated after a number of pages or when memory has grown past a limit
// (tesseract.js's wasm heap only grows; its maintainers advise periodic recreation).
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { folioError, toFolioError } from '../../shared/errors';
import type { OcrOptions } from '../../shared/options';
import type { OcrPageResult, OcrService, RasterImage } from '../engine/types';
import { installedLanguages, osdModelPath, resolveLanguages } from './language-data';
import { toOcrPageResult, type OcrTreeBlock } from './ocr-result';
import {
  encodePgm,
  enlargeGray,
  limitPixels,
  rotateGray180,
  toGray,
  type GrayImage,
} from './raster';
import { scanImageOfPage } from './pdf-scan-image';
import { defaultRenderSettings, renderPdfPageGray, type RenderSettings } from './render-pdf-page';
import { TesseractEngine, type EngineSettings } from './tesseract-engine';

export interface OcrServiceOptions extends Pick<OcrOptions, 'languages'> {
  /** Recreate the tesseract worker after this many pages (default 50). */
  recycleAfterPages?: number;
  /**
   * Recreate it when the process RSS, measured after each page, has grown this much since the
   * engine's first page (default 300). A process-wide proxy: the wasm heap of a worker thread
   * cannot be read from outside, and measuring after a page (not at start-up) leaves out the
   * heap's first growth and the page's own buffers, so what remains is accumulation.
   */
  recycleAboveMb?: number;
  /** Detect and correct 90/180/270° pages (default true; needs the packaged osd data). */
  detectOrientation?: boolean;
  /**
   * Orientation detection runs only for pages whose plain reading (PSM AUTO) is below this
   * confidence or found no words: an upright page read at 95% gains nothing from OSD, which
   * costs ~0.3 CPU s on a letter page; a turned page reads as low-confidence garbage and is
   * read again with OSD (the better reading is kept). Default 85; 100 runs OSD on every page.
   */
  orientationBelowConfidence?: number;
  render?: Partial<RenderSettings>;
  /** Take a plain scan's decoded image instead of rendering the page (default true). */
  scanFastPath?: boolean;
  /** Images larger than this are downscaled before recognition (default 35 Mpx). */
  maxOcrPixels?: number;
  /**
   * Below this page confidence, also try the page enlarged 2x (small scans) and upside down
   * (OSD misses 180° on sparse pages), keeping the best reading. Default 60; 0 disables.
   */
  retryBelowConfidence?: number;
  /** How pixels are handed to tesseract; PGM by default (the benchmark compares PNG). */
  encodeImage?: (image: GrayImage) => Uint8Array;
  /** Page segmentation mode when orientation detection is off (default AUTO). */
  pageSegMode?: EngineSettings['pageSegMode'];
  /** Timing of each stage, for the benchmark. */
  onTiming?: (timing: OcrTiming) => void;
}

export interface OcrTiming {
  renderMs: number;
  encodeMs: number;
  recognizeMs: number;
  startMs: number;
}

const MB = 1024 * 1024;

/**
 * Creates the service. Languages are checked here, synchronously, so a missing language is an
 * OCR_LANGUAGE_MISSING error at set-up rather than on the first scanned page.
 */
export function createOcrService(options: OcrServiceOptions): OcrService {
  const languages = resolveLanguages(options.languages, installedLanguages());
  const osdModel = options.detectOrientation === false ? undefined : osdModelPath();
  const recycleAfterPages = options.recycleAfterPages ?? 50;
  const recycleAboveBytes = (options.recycleAboveMb ?? 300) * MB;
  const render: RenderSettings = { ...defaultRenderSettings, ...options.render };
  const maxOcrPixels = options.maxOcrPixels ?? render.maxPixels;
  const encodeImage = options.encodeImage ?? encodePgm;
  const retryBelow = options.retryBelowConfidence ?? 60;
  const orientationBelow = options.orientationBelowConfidence ?? 85;

  let engine: Promise<TesseractEngine> | undefined;
  let pagesOnEngine = 0;
  /** RSS after the current engine's first page; undefined until that page is done. */
  let rssAfterFirstPage: number | undefined;
  // One page at a time per worker: tesseract.js queues anyway, and this keeps recycling simple.
  let queue: Promise<unknown> = Promise.resolve();

  async function currentEngine(): Promise<{ engine: TesseractEngine; startMs: number }> {
    const existing = engine ? await engine.catch(() => undefined) : undefined;
    if (existing?.alive) return { engine: existing, startMs: 0 };
    const started = performance.now();
    engine = TesseractEngine.start({ languages, osdModel, pageSegMode: options.pageSegMode });
    const fresh = await engine.catch((error: unknown) => {
      engine = undefined;
      throw error;
    });
    pagesOnEngine = 0;
    rssAfterFirstPage = undefined;
    return { engine: fresh, startMs: performance.now() - started };
  }

  async function retireIfWorn(): Promise<void> {
    const rss = process.memoryUsage.rss();
    rssAfterFirstPage ??= rss;
    if (pagesOnEngine >= recycleAfterPages || rss - rssAfterFirstPage > recycleAboveBytes) {
      await stopEngine();
    }
  }

  async function stopEngine(): Promise<void> {
    const current = engine;
    engine = undefined;
    const running = current ? await current.catch(() => undefined) : undefined;
    await running?.terminate();
  }

  async function recognizeGray(
    gray: GrayImage,
    page: number,
    dpi: number | undefined,
    signal: AbortSignal | undefined,
    renderMs: number,
  ): Promise<OcrPageResult> {
    throwIfCancelled(signal);
    const started = performance.now();
    const sized = limitPixels(gray, maxOcrPixels);
    const scaledDpi = dpi && sized !== gray ? (dpi * sized.width) / gray.width : dpi;
    let encodeMs = performance.now() - started;
    const { engine: current, startMs } = await currentEngine();
    throwIfCancelled(signal);
    const recognizeStarted = performance.now();
    // Recognition cannot be interrupted inside wasm: on abort, kill the worker (the next page
    // starts a fresh one) so a cancelled batch stops within the deadline.
    const onAbort = () => void stopEngine();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const attempt = async (
        image: GrayImage,
        attemptDpi: number | undefined,
        turned: boolean,
        orientation = true,
      ) => {
        const encodeStarted = performance.now();
        const encoded = encodeImage(image);
        encodeMs += performance.now() - encodeStarted;
        const tree = await current.recognize(encoded, attemptDpi, { orientation });
        throwIfCancelled(signal);
        pagesOnEngine++;
        const read = toOcrPageResult(tree.blocks as unknown as OcrTreeBlock[] | null, page);
        if (!turned) return read;
        return { ...read, rotation: ((read.rotation + 180) % 360) as OcrPageResult['rotation'] };
      };
      // Plain reading first; orientation detection only when that reading is weak.
      const lazyOrientation = osdModel !== undefined && orientationBelow < 100;
      let result = await attempt(sized, scaledDpi, false, !lazyOrientation);
      if (lazyOrientation && (result.words === 0 || result.confidence < orientationBelow)) {
        const oriented = await attempt(sized, scaledDpi, false, true);
        if (oriented.words > 0 && (result.words === 0 || oriented.confidence > result.confidence))
          result = oriented;
      }
      // A poor reading gets up to two more tries, kept only if they read better: small glyphs
      // (a page scanned at 72-150 dpi) enlarged 2x, then the page turned upside down, which
      // tesseract's OSD misses on pages with little text.
      let image = sized;
      let imageDpi = scaledDpi;
      if (
        result.words > 0 &&
        result.confidence < retryBelow &&
        sized.width * sized.height * 4 <= maxOcrPixels
      ) {
        const enlarged = enlargeGray(sized, 2);
        const retry = await attempt(enlarged, scaledDpi && scaledDpi * 2, false);
        if (retry.confidence > result.confidence) {
          result = retry;
          image = enlarged;
          imageDpi = scaledDpi && scaledDpi * 2;
        }
      }
      if (result.words > 0 && result.confidence < retryBelow) {
        const retry = await attempt(rotateGray180(image), imageDpi, true);
        if (retry.confidence > result.confidence) result = retry;
      }
      options.onTiming?.({
        renderMs,
        encodeMs,
        recognizeMs: performance.now() - recognizeStarted,
        startMs,
      });
      return result;
    } catch (error) {
      if (signal?.aborted) throw folioError('CANCELLED', 'OCR was cancelled.', error);
      throw folioError('OCR_FAILED', `Page ${page}: OCR failed: ${String(error)}`, error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      await retireIfWorn();
    }
  }

  function throwIfCancelled(signal: AbortSignal | undefined): void {
    if (signal?.aborted) throw folioError('CANCELLED', 'OCR was cancelled.');
  }

  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    recognizeImage(image: RasterImage, page: number, signal?: AbortSignal) {
      return serialized(() => recognizeGray(toGray(image), page, undefined, signal, 0));
    },
    recognizePdfPage(page: PDFPageProxy, pageNumber: number, signal?: AbortSignal) {
      return serialized(async () => {
        throwIfCancelled(signal);
        const started = performance.now();
        let rendered;
        try {
          // A plain scan is taken from the decoded image; anything else is rendered.
          rendered =
            (options.scanFastPath !== false
              ? await scanImageOfPage(page, render.dpi, render.maxPixels)
              : undefined) ?? (await renderPdfPageGray(page, render));
        } catch (error) {
          throw toFolioError(error, 'OCR_FAILED');
        }
        const renderMs = performance.now() - started;
        return recognizeGray(rendered.image, pageNumber, rendered.dpi, signal, renderMs);
      });
    },
    terminate() {
      return serialized(stopEngine);
    },
  };
}
