// The OcrService a pool thread owns: one tesseract worker, created lazily, reused across pages
// and files, and recreated after a number of pages or when memory has grown past a limit
// (tesseract.js's wasm heap only grows; its maintainers advise periodic recreation).
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { folioError, toFolioError } from '../../shared/errors';
import type { OcrOptions } from '../../shared/options';
import type { OcrPageResult, OcrService, RasterImage } from '../engine/types';
import { installedLanguages, osdModelPath, resolveLanguages } from './language-data';
import { toOcrPageResult, type OcrTreeBlock } from './ocr-result';
import { encodePgm, limitPixels, rotateGray180, toGray, type GrayImage } from './raster';
import { defaultRenderSettings, renderPdfPageGray, type RenderSettings } from './render-pdf-page';
import { TesseractEngine } from './tesseract-engine';

export interface OcrServiceOptions extends Pick<OcrOptions, 'languages'> {
  /** Recreate the tesseract worker after this many pages (default 50). */
  recycleAfterPages?: number;
  /** Recreate it when the process RSS has grown this much since it started (default 500). */
  recycleAboveMb?: number;
  /** Detect and correct 90/180/270° pages (default true; needs the packaged osd data). */
  detectOrientation?: boolean;
  render?: Partial<RenderSettings>;
  /** Images larger than this are downscaled before recognition (default 35 Mpx). */
  maxOcrPixels?: number;
  /**
   * Below this page confidence, also try the page upside down and keep the better reading
   * (tesseract's OSD misses 180° on pages with little text). Default 60; 0 disables.
   */
  retryUpsideDownBelow?: number;
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
  const recycleAboveBytes = (options.recycleAboveMb ?? 500) * MB;
  const render: RenderSettings = { ...defaultRenderSettings, ...options.render };
  const maxOcrPixels = options.maxOcrPixels ?? render.maxPixels;
  const retryBelow = osdModel ? (options.retryUpsideDownBelow ?? 60) : 0;

  let engine: Promise<TesseractEngine> | undefined;
  let pagesOnEngine = 0;
  let rssAtStart = 0;
  // One page at a time per worker: tesseract.js queues anyway, and this keeps recycling simple.
  let queue: Promise<unknown> = Promise.resolve();

  async function currentEngine(): Promise<{ engine: TesseractEngine; startMs: number }> {
    const existing = engine ? await engine.catch(() => undefined) : undefined;
    if (existing?.alive) return { engine: existing, startMs: 0 };
    const started = performance.now();
    engine = TesseractEngine.start({ languages, osdModel });
    const fresh = await engine.catch((error: unknown) => {
      engine = undefined;
      throw error;
    });
    pagesOnEngine = 0;
    rssAtStart = process.memoryUsage.rss();
    return { engine: fresh, startMs: performance.now() - started };
  }

  async function retireIfWorn(): Promise<void> {
    const grown = process.memoryUsage.rss() - rssAtStart;
    if (pagesOnEngine >= recycleAfterPages || grown > recycleAboveBytes) await stopEngine();
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
    signal?.throwIfAborted();
    const started = performance.now();
    const sized = limitPixels(gray, maxOcrPixels);
    const scaledDpi = dpi && sized !== gray ? (dpi * sized.width) / gray.width : dpi;
    const pgm = encodePgm(sized);
    const encodeMs = performance.now() - started;
    const { engine: current, startMs } = await currentEngine();
    const recognizeStarted = performance.now();
    // Recognition cannot be interrupted inside wasm: on abort, kill the worker (the next page
    // starts a fresh one) so a cancelled batch stops within the deadline.
    const onAbort = () => void stopEngine();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const tree = await current.recognize(pgm, scaledDpi);
      signal?.throwIfAborted();
      pagesOnEngine++;
      let result = toOcrPageResult(tree.blocks as unknown as OcrTreeBlock[] | null, page);
      if (result.words > 0 && result.confidence < retryBelow) {
        const flipped = await current.recognize(encodePgm(rotateGray180(sized)), scaledDpi);
        signal?.throwIfAborted();
        pagesOnEngine++;
        const turned = toOcrPageResult(flipped.blocks as unknown as OcrTreeBlock[] | null, page);
        if (turned.confidence > result.confidence) {
          result = { ...turned, rotation: ((turned.rotation + 180) % 360) as 0 | 90 | 180 | 270 };
        }
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
        signal?.throwIfAborted();
        const started = performance.now();
        let rendered;
        try {
          rendered = await renderPdfPageGray(page, render);
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
