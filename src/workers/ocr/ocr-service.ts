// The OcrService a pool thread owns: one tesseract worker, created lazily, reused across pages
// and files, and recreated after a number of pages or when memory has grown past a limit
// (tesseract.js's wasm heap only grows; its maintainers advise periodic recreation).
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { folioError, toFolioError } from '../../shared/errors';
import type { OcrOptions } from '../../shared/options';
import type { OcrBudget, OcrPageResult, OcrService, RasterImage } from '../engine/types';
import { fastLanguages, installedLanguages, osdModelPath, resolveLanguages } from './language-data';
import { mapWords, type PointMap } from './box-transform';
import { toOcrPageResult, type OcrTreeBlock } from './ocr-result';
import { readPagePasses, type OsdReading, type PageReader, type PassPolicy } from './page-passes';
import { encodePgm, limitPixels, toGray, type GrayImage } from './raster';
import { scanImageOfPage } from './pdf-scan-image';
import { defaultRenderSettings, renderPdfPageGray, type RenderSettings } from './render-pdf-page';
import { scriptsOfLanguages } from './scripts';
import { squarePixels } from './square-pixels';
import { TesseractEngine, type EngineSettings, type TesseractPage } from './tesseract-engine';

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
  /**
   * Read pages with the vendored tessdata_fast model when every language has one (default
   * true), and only weak pages again with the packaged best_int model; false: best_int only.
   */
  fastModel?: boolean;
  /** Detect and correct 90/180/270° pages (default true; needs the packaged osd data). */
  detectOrientation?: boolean;
  /**
   * Orientation and script detection runs only for pages whose plain reading is below this
   * confidence or found no words: an upright page read at 95% gains nothing from OSD; a turned
   * page reads as low-confidence garbage and is read again upright (the better reading is
   * kept). Default 85.
   */
  orientationBelowConfidence?: number;
  /** Recognition passes a weak page may take beyond its first (default 2; see page-passes). */
  extraPassesPerPage?: number;
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
  /** Page segmentation mode (default AUTO). */
  pageSegMode?: EngineSettings['pageSegMode'];
  /** Timing of each stage, for the benchmark. */
  onTiming?: (timing: OcrTiming) => void;
}

export interface OcrTiming {
  renderMs: number;
  encodeMs: number;
  recognizeMs: number;
  startMs: number;
  /** Recognition passes the page took with the main model, with best_int, and OSD asks. */
  passes?: { main: number; careful: number; osd: number };
}

const MB = 1024 * 1024;
/**
 * The orientation/script detector is stopped after this long without a weak page: it holds
 * 60-130 MB (legacy wasm core, osd model, the last page) that a thread of good pages should not
 * carry, while a run of weak pages (one bad scan) keeps it and pays its ~0.5 s start once.
 */
const OSD_IDLE_MS = 5_000;
/**
 * Larger pages are shrunk for orientation detection: 8.4 Mpx took 0.6-1 s, a 21.6 Mpx page 5.3
 * s. Not much smaller: at a quarter of the pixels OSD's confidence halved, at an eighth it
 * turned wrong (UNLV page, measured).
 */
const MAX_OSD_PIXELS = 10_000_000;
/**
 * The careful (best_int) engine is stopped as soon as its page is read: it is a third wasm
 * instance and model beside the fast and OSD ones (200-250 MB of heap each), weak pages are rare,
 * and kept for 5 s it took the generated batch's tree past 1 GB while good pages ran beside it.
 */
const CAREFUL_IDLE_MS = 0;

/**
 * Creates the service. Languages are checked here, synchronously, so a missing language is an
 * OCR_LANGUAGE_MISSING error at set-up rather than on the first scanned page.
 */
export function createOcrService(options: OcrServiceOptions): OcrService {
  const languages = resolveLanguages(options.languages, installedLanguages());
  const fast = options.fastModel === false ? undefined : fastLanguages(languages);
  const osdModel = options.detectOrientation === false ? undefined : osdModelPath();
  const recycleAfterPages = options.recycleAfterPages ?? 50;
  const recycleAboveBytes = (options.recycleAboveMb ?? 300) * MB;
  const render: RenderSettings = { ...defaultRenderSettings, ...options.render };
  const maxOcrPixels = options.maxOcrPixels ?? render.maxPixels;
  const encodeImage = options.encodeImage ?? encodePgm;
  const retryBelow = options.retryBelowConfidence ?? 60;
  const orientationBelow = options.orientationBelowConfidence ?? 85;

  const policy: PassPolicy = {
    orientationBelow,
    retryBelow,
    maxPixels: maxOcrPixels,
    scripts: scriptsOfLanguages(languages.map((l) => l.code)),
    languages: languages.map((l) => l.code),
    extraPassesPerPage: options.extraPassesPerPage ?? 2,
  };

  let engine: Promise<TesseractEngine> | undefined;
  /** The orientation/script detector, started on the first weak page. */
  let osdEngine: Promise<TesseractEngine> | undefined;
  let osdIdle: ReturnType<typeof setTimeout> | undefined;
  /** The best_int engine for weak pages, when the main one reads with the fast model. */
  let carefulEngine: Promise<TesseractEngine> | undefined;
  let carefulIdle: ReturnType<typeof setTimeout> | undefined;
  let pagesOnEngine = 0;
  /** RSS after the current engine's first page; undefined until that page is done. */
  let rssAfterFirstPage: number | undefined;
  // One page at a time per worker: tesseract.js queues anyway, and this keeps recycling simple.
  let queue: Promise<unknown> = Promise.resolve();

  async function currentEngine(): Promise<{ engine: TesseractEngine; startMs: number }> {
    const existing = engine ? await engine.catch(() => undefined) : undefined;
    if (existing?.alive) return { engine: existing, startMs: 0 };
    const started = performance.now();
    engine = TesseractEngine.start({
      languages: fast ?? languages,
      pageSegMode: options.pageSegMode,
    });
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
    clearTimeout(osdIdle);
    clearTimeout(carefulIdle);
    const current = [engine, osdEngine, carefulEngine];
    engine = undefined;
    osdEngine = undefined;
    carefulEngine = undefined;
    for (const started of current) {
      const running = started ? await started.catch(() => undefined) : undefined;
      await running?.terminate();
    }
  }

  function stopOsdWhenIdle(): void {
    clearTimeout(osdIdle);
    if (!osdEngine) return;
    osdIdle = setTimeout(() => {
      const idle = osdEngine;
      osdEngine = undefined;
      void idle?.then((e) => e.terminate()).catch(() => undefined);
    }, OSD_IDLE_MS);
    osdIdle.unref?.();
  }

  function stopCarefulWhenIdle(): void {
    clearTimeout(carefulIdle);
    if (!carefulEngine) return;
    carefulIdle = setTimeout(() => {
      const idle = carefulEngine;
      carefulEngine = undefined;
      void idle?.then((e) => e.terminate()).catch(() => undefined);
    }, CAREFUL_IDLE_MS);
    carefulIdle.unref?.();
  }

  async function currentCarefulEngine(): Promise<TesseractEngine> {
    clearTimeout(carefulIdle);
    const existing = carefulEngine ? await carefulEngine.catch(() => undefined) : undefined;
    if (existing?.alive) return existing;
    carefulEngine = TesseractEngine.start({ languages, pageSegMode: options.pageSegMode });
    return carefulEngine.catch((error: unknown) => {
      carefulEngine = undefined;
      throw error;
    });
  }

  async function currentOsdEngine(model: string): Promise<TesseractEngine | undefined> {
    clearTimeout(osdIdle);
    const existing = osdEngine ? await osdEngine.catch(() => undefined) : undefined;
    if (existing?.alive) return existing;
    osdEngine = TesseractEngine.startOsd(model);
    // Without OSD a page is still read; it only loses the cheap orientation answer.
    return osdEngine.catch(() => {
      osdEngine = undefined;
      return undefined;
    });
  }

  async function recognizeGray(
    gray: GrayImage,
    page: number,
    dpi: number | undefined,
    signal: AbortSignal | undefined,
    renderMs: number,
    budget: OcrBudget | undefined,
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
    const passes = { main: 0, careful: 0, osd: 0 };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const resultOf = (tree: TesseractPage, image: GrayImage, attemptDpi: number | undefined) =>
        toOcrPageResult(tree.blocks as unknown as OcrTreeBlock[] | null, page, image, attemptDpi);
      const reader: PageReader = {
        read: async (image, attemptDpi) => {
          const encodeStarted = performance.now();
          const encoded = encodeImage(image);
          encodeMs += performance.now() - encodeStarted;
          passes.main++;
          const tree = await current.recognize(encoded, attemptDpi);
          throwIfCancelled(signal);
          pagesOnEngine++;
          return resultOf(tree, image, attemptDpi);
        },
        readAsOneBlock: async (image, attemptDpi) => {
          passes.main++;
          const tree = await current.recognize(encodeImage(image), attemptDpi, true);
          throwIfCancelled(signal);
          return resultOf(tree, image, attemptDpi);
        },
      };
      if (fast) {
        reader.readCareful = async (image, attemptDpi) => {
          const careful = await currentCarefulEngine();
          passes.careful++;
          const tree = await careful.recognize(encodeImage(image), attemptDpi);
          throwIfCancelled(signal);
          return resultOf(tree, image, attemptDpi);
        };
      }
      if (osdModel !== undefined) {
        reader.detect = async (image) => {
          const detector = await currentOsdEngine(osdModel);
          passes.osd++;
          if (!detector) return undefined;
          // OSD time grows with the pixels and it needs no more than a 300-dpi letter page.
          const found = await detector
            .detect(encodePgm(limitPixels(image, MAX_OSD_PIXELS)))
            .catch(() => undefined);
          throwIfCancelled(signal);
          return found ? osdReading(found) : undefined;
        };
      }
      const result = await readPagePasses(sized, scaledDpi, page, reader, policy, budget);
      options.onTiming?.({
        renderMs,
        encodeMs,
        recognizeMs: performance.now() - recognizeStarted,
        startMs,
        passes,
      });
      return result;
    } catch (error) {
      if (signal?.aborted) throw folioError('CANCELLED', 'OCR was cancelled.', error);
      throw folioError('OCR_FAILED', `Page ${page}: OCR failed: ${String(error)}`, error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      stopOsdWhenIdle();
      stopCarefulWhenIdle();
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
    recognizeImage(image: RasterImage, page: number, signal?: AbortSignal, budget?: OcrBudget) {
      return serialized(() => {
        const gray = toGray(image);
        // A fax's 200 × 100 dpi pixels are made square first; other images go as they are.
        const square = squarePixels(gray, image.resolution, render.dpi, maxOcrPixels);
        return recognizeGray(square?.image ?? gray, page, square?.dpi, signal, 0, budget);
      });
    },
    recognizePdfPage(
      page: PDFPageProxy,
      pageNumber: number,
      signal?: AbortSignal,
      budget?: OcrBudget,
    ) {
      return serialized(async () => {
        throwIfCancelled(signal);
        const started = performance.now();
        let rendered: { image: GrayImage; dpi: number; toPage?: PointMap };
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
        const result = await recognizeGray(
          rendered.image,
          pageNumber,
          rendered.dpi,
          signal,
          renderMs,
          budget,
        );
        // A scan read from its embedded image: its words' boxes are put where it lies on the page.
        const { toPage } = rendered;
        return toPage && result.wordBoxes
          ? { ...result, wordBoxes: mapWords(result.wordBoxes, toPage) }
          : result;
      });
    },
    terminate() {
      return serialized(stopEngine);
    },
  };
}

/** tesseract.js's detect answer in our terms; undefined when OSD found nothing to go on. */
function osdReading(found: {
  orientation_degrees: number | null;
  orientation_confidence: number | null;
  script: string | null;
  script_confidence: number | null;
}): OsdReading | undefined {
  const degrees = found.orientation_degrees;
  if (degrees !== 0 && degrees !== 90 && degrees !== 180 && degrees !== 270) return undefined;
  return {
    degrees,
    orientationConfidence: found.orientation_confidence ?? 0,
    script: found.script ?? undefined,
    scriptConfidence: found.script_confidence ?? 0,
  };
}
