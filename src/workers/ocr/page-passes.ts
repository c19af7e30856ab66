// How many recognition passes a page gets, and which. A page with small text (measured from its
// pixels, see text-height) is enlarged first. A page read well the first time (most pages) pays
// one pass. A weak page is first asked, cheaply, how it is turned and what script it
// is written in (tesseract's OSD, ~0.2 s): a turned page is read once more upright; a page in a
// script no OCR language reads is flagged and left alone, since no retry can read it; only what
// is still weak then gets the enlarged and upside-down retries, within a budget per page and
// per file. Pages are read with the fast model when there is one; a page still weak after
// those passes is read once more with the careful (best_int) model, and the better reading wins.
import type { ExtractionWarning } from '../../shared/model';
import type { OcrBudget, OcrPageResult } from '../engine/types';
import {
  composeMaps,
  fineTurnBack,
  mapWords,
  quarterTurnBack,
  type PointMap,
} from './box-transform';
import { enlargeGray, limitPixels, rotateGray, type GrayImage } from './raster';
import { languageForScript, scriptOfOsdName, type Script } from './scripts';
import { deskew } from './skew';
import { enlargementFor } from './text-height';
import { linesRead, textLineCount } from './text-lines';

type Rotation = OcrPageResult['rotation'];

/** What tesseract's orientation-and-script detection says about a page. */
export interface OsdReading {
  /** Clockwise turn that makes the page upright. */
  degrees: Rotation;
  orientationConfidence: number;
  /** Tesseract's script name ("Latin", "Hebrew", "Han"...), if any. */
  script?: string;
  scriptConfidence: number;
}

export interface PageReader {
  /** One full recognition pass. */
  read(image: GrayImage, dpi: number | undefined): Promise<OcrPageResult>;
  /** Orientation and script, or undefined when detection is unavailable or found nothing. */
  detect?(image: GrayImage): Promise<OsdReading | undefined>;
  /**
   * One pass with the careful model, when `read` uses the fast one (tessdata_fast); absent
   * when `read` already uses the careful model.
   */
  readCareful?(image: GrayImage, dpi: number | undefined): Promise<OcrPageResult>;
  /** One pass reading the image as a single block of text (no page layout analysis). */
  readAsOneBlock?(image: GrayImage, dpi: number | undefined): Promise<OcrPageResult>;
}

export interface PassPolicy {
  /** A first reading below this confidence (or with no words) asks OSD (default 85). */
  orientationBelow: number;
  /** Below this confidence the enlarged and upside-down retries are tried (default 60). */
  retryBelow: number;
  /** Largest image a retry may produce (the enlarged one is 4× the pixels). */
  maxPixels: number;
  /** Scripts the OCR languages read, and those languages (for the message). */
  scripts: ReadonlySet<Script>;
  languages: readonly string[];
  /** Passes beyond the first that one page may take (default 2). */
  extraPassesPerPage: number;
  /**
   * A fast reading still below this after the other passes is read again with the careful
   * model (default: retryBelow). Outside the pass budget: one such pass a page at most.
   */
  carefulBelow?: number;
}

/** Below this OSD orientation confidence a turn is not worth a pass (tesseract's own margin is 7). */
export const MIN_ORIENTATION_CONFIDENCE = 5;
/** At or above this, OSD's "upright" is trusted and the upside-down retry is skipped. */
export const TRUSTED_ORIENTATION_CONFIDENCE = 10;
/**
 * OSD script confidence from which a script is believed. Measured: Hebrew and Devanagari pages
 * 32–41; Latin pages 2–11 (OSD hedges between Latin and "Common" on ordinary text).
 */
export const MIN_SCRIPT_CONFIDENCE = 15;

/** A page showing fewer text lines than this is never re-read as one block. */
export const MIN_LINES_FOR_BLOCK_READ = 6;
/** Re-read as one block when the page shows at least this many times the lines read. */
export const LINES_MISSED_FACTOR = 3;
/** The block reading wins with this many times the words, at most this much less confident. */
const BLOCK_WORDS_FACTOR = 1.5;
const BLOCK_CONFIDENCE_MARGIN = 10;

/** Extra passes a whole file may take (a 30-page weak scan must not pay 90 passes). */
export const EXTRA_PASSES_PER_FILE = 6;

export function fileBudget(): OcrBudget {
  return { extraPasses: EXTRA_PASSES_PER_FILE };
}

const turned = (r: OcrPageResult, degrees: number): OcrPageResult => ({
  ...r,
  rotation: ((r.rotation + degrees) % 360) as Rotation,
});

/** The reading with its word boxes on the page first given (`toOriginal` from the image read). */
const onOriginal = (r: OcrPageResult, toOriginal: PointMap): OcrPageResult =>
  r.wordBoxes ? { ...r, wordBoxes: mapWords(r.wordBoxes, toOriginal) } : r;

const better = (candidate: OcrPageResult, best: OcrPageResult): boolean =>
  candidate.words > 0 && (best.words === 0 || candidate.confidence > best.confidence);

export function missingScriptWarning(
  page: number,
  script: Script,
  languages: readonly string[],
): ExtractionWarning {
  const pack = languageForScript(script);
  return {
    code: 'OCR_LANGUAGE_MISSING',
    lossy: true,
    page,
    message:
      `Page ${page} is written in ${script} script, which the OCR languages (${languages.join(', ')}) do not read: its text is missing or wrong` +
      (pack
        ? ` (install @tesseract.js-data/${pack} and add "${pack}" to the OCR languages to read it).`
        : '.'),
  };
}

/** The script OSD is sure of when no OCR language reads it, else undefined. */
function unreadScript(osd: OsdReading | undefined, policy: PassPolicy): Script | undefined {
  if (!osd || osd.scriptConfidence < MIN_SCRIPT_CONFIDENCE) return undefined;
  const script = scriptOfOsdName(osd.script);
  return script && !policy.scripts.has(script) ? script : undefined;
}

/**
 * The page deskewed: made upright, upside down or exactly sideways, for OSD to tell which. The
 * turned page's canvas is larger (1.6× a letter page's pixels at 20°, 2× at 45°), so it is shrunk
 * back within the pixel limit tesseract is given (a 600-dpi page is near it already).
 */
function straightened(
  image: GrayImage,
  dpi: number | undefined,
  maxPixels: number,
): { image: GrayImage; dpi: number | undefined; toInput: PointMap } {
  const { image: straight, degrees } = deskew(image);
  // Shrinking keeps fractions of the page where they are: only the turn is undone.
  const toInput = fineTurnBack(-degrees, image, straight);
  const pixels = straight.width * straight.height;
  if (pixels <= maxPixels) return { image: straight, dpi, toInput };
  const limited = limitPixels(straight, maxPixels);
  return { image: limited, dpi: dpi && (dpi * limited.width) / straight.width, toInput };
}

/** Reads one page with as few passes as its quality allows; the best reading wins. */
export async function readPagePasses(
  image: GrayImage,
  dpi: number | undefined,
  page: number,
  reader: PageReader,
  policy: PassPolicy,
  budget: OcrBudget = { extraPasses: policy.extraPassesPerPage },
): Promise<OcrPageResult> {
  let pageLeft = policy.extraPassesPerPage;
  const spend = (): boolean => {
    if (pageLeft <= 0 || budget.extraPasses <= 0) return false;
    pageLeft--;
    budget.extraPasses--;
    return true;
  };

  // A skewed page (a photo 10° off, or 100°: sideways and 10° off) is straightened before the
  // first pass, OSD's quarter turn after it: tesseract reads a skewed page as crossing lines,
  // and OSD reads an exactly sideways page far better than one 30° off it. The estimate costs ~25 ms CPU on a 300-dpi letter page, <1% of
  // a pass, and a skewed page's weak first reading would cost a whole pass to find out.
  let toOriginal: PointMap;
  ({ image, dpi, toInput: toOriginal } = straightened(image, dpi, policy.maxPixels));
  // Small text is enlarged before the first pass rather than read twice.
  const scale = enlargementFor(image, policy.maxPixels);
  if (scale > 1) {
    image = enlargeGray(image, scale);
    dpi = dpi && dpi * scale;
  }
  const first = onOriginal(await reader.read(image, dpi), toOriginal);
  if (first.words > 0 && first.confidence >= policy.orientationBelow) {
    return readAsOneBlockIfLinesMissed(first, image, dpi, toOriginal, reader, spend);
  }
  const framed = { image, toOriginal };
  const fast = await fastPasses(first, framed, dpi, scale, page, reader, policy, spend);
  return readCarefullyIfWeak(fast, reader, policy);
}

/**
 * A confident reading of far fewer lines than the page shows: tesseract's page layout took most
 * of it for a picture (a photographed page on a dark desk, in perspective, read 7 words of 188,
 * as native tesseract does). Read as one block it gives the lines; kept only when it reads
 * clearly more words about as surely.
 */
async function readAsOneBlockIfLinesMissed(
  first: OcrPageResult,
  image: GrayImage,
  dpi: number | undefined,
  toOriginal: PointMap,
  reader: PageReader,
  spend: () => boolean,
): Promise<OcrPageResult> {
  if (!reader.readAsOneBlock || !first.layout) return first;
  const shown = textLineCount(image);
  const read = linesRead(first.layout.words);
  if (shown < MIN_LINES_FOR_BLOCK_READ || read * LINES_MISSED_FACTOR > shown || !spend()) {
    return first;
  }
  const block = onOriginal(await reader.readAsOneBlock(image, dpi), toOriginal);
  const more = block.words >= first.words * BLOCK_WORDS_FACTOR;
  const sure = block.confidence >= first.confidence - BLOCK_CONFIDENCE_MARGIN;
  return more && sure ? { ...block, rotation: first.rotation } : first;
}

/** The careful model's reading of a page the fast passes left weak, when it reads better. */
async function readCarefullyIfWeak(
  fast: FastOutcome,
  reader: PageReader,
  policy: PassPolicy,
): Promise<OcrPageResult> {
  const { result, image, dpi, final, toOriginal } = fast;
  const below = policy.carefulBelow ?? policy.retryBelow;
  // No words: a blank page, which the careful model would only read blank again, slower.
  if (final || !reader.readCareful || result.words === 0 || result.confidence >= below) {
    return result;
  }
  const careful = onOriginal(await reader.readCareful(image, dpi), toOriginal);
  return better(careful, result) ? { ...careful, rotation: result.rotation } : result;
}

interface FastOutcome {
  result: OcrPageResult;
  /** The pixels (turned, enlarged) the result was read from, and their resolution. */
  image: GrayImage;
  dpi: number | undefined;
  /** From that image's points to the original page's. */
  toOriginal: PointMap;
  /** No other model can do better (a script no OCR language reads). */
  final: boolean;
}

/** OSD, the turn, the enlarged and upside-down retries: the passes with the first model. */
async function fastPasses(
  first: OcrPageResult,
  framed: { image: GrayImage; toOriginal: PointMap },
  dpi: number | undefined,
  scale: number,
  page: number,
  reader: PageReader,
  policy: PassPolicy,
  spend: () => boolean,
): Promise<FastOutcome> {
  const { image } = framed;
  let best = first;
  let bestImage = image;
  let bestMap = framed.toOriginal;
  let bestDpi = dpi;
  let osd = reader.detect ? await reader.detect(image) : undefined;
  if (osd && osd.degrees !== 0 && osd.orientationConfidence >= MIN_ORIENTATION_CONFIDENCE) {
    if (spend()) {
      // Deskewed again once upright: a residual the sideways estimate left is measured better.
      const straight = straightened(rotateGray(image, osd.degrees), dpi, policy.maxPixels);
      const upright = straight.image;
      const uprightMap = composeMaps(
        framed.toOriginal,
        composeMaps(quarterTurnBack(osd.degrees), straight.toInput),
      );
      const reading = turned(onOriginal(await reader.read(upright, dpi), uprightMap), osd.degrees);
      if (better(reading, best)) {
        best = reading;
        bestImage = upright;
        bestMap = uprightMap;
      }
    }
  }

  const outcome = (final = false): FastOutcome => ({
    result: best,
    image: bestImage,
    dpi: bestDpi,
    toOriginal: bestMap,
    final,
  });
  if (best.words === 0 || best.confidence >= policy.retryBelow) return outcome();
  // A turned page hides its script from OSD; upright, it shows (asked only when still weak).
  if (osd && bestImage !== image && osd.scriptConfidence < MIN_SCRIPT_CONFIDENCE && reader.detect) {
    const again = await reader.detect(bestImage);
    if (again) osd = { ...osd, script: again.script, scriptConfidence: again.scriptConfidence };
  }
  const script = unreadScript(osd, policy);
  if (script) {
    best = { ...best, warnings: [missingScriptWarning(page, script, policy.languages)] };
    return outcome(true);
  }

  // Small glyphs (a page scanned at 72–150 dpi) read better enlarged 2×.
  if (scale === 1 && bestImage.width * bestImage.height * 4 <= policy.maxPixels && spend()) {
    const enlarged = enlargeGray(bestImage, 2);
    const base = best.rotation;
    const reading = onOriginal(await reader.read(enlarged, bestDpi && bestDpi * 2), bestMap);
    if (better(reading, best)) {
      best = turned(reading, base);
      bestImage = enlarged;
      bestDpi = bestDpi && bestDpi * 2;
    }
  }
  // OSD misses 180° on pages with little text; when it was not sure, try upside down.
  const unsure = !osd || osd.orientationConfidence < TRUSTED_ORIENTATION_CONFIDENCE;
  if (best.confidence < policy.retryBelow && unsure && spend()) {
    const base = best.rotation;
    const upsideDown = rotateGray(bestImage, 180);
    const upsideDownMap = composeMaps(bestMap, quarterTurnBack(180));
    const reading = onOriginal(await reader.read(upsideDown, bestDpi), upsideDownMap);
    if (better(reading, best)) {
      best = turned({ ...reading, rotation: base }, 180);
      bestImage = upsideDown;
      bestMap = upsideDownMap;
    }
  }
  return outcome();
}
