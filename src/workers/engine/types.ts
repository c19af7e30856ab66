// Contracts between the engine's orchestrator (extract-file.ts), the per-format extractors and OCR.
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import type { Block, DocumentKind, ExtractedDocument, ExtractionWarning } from '../../shared/model';
import type { ExtractOptions } from '../../shared/options';
import type { OcrWord } from '../../shared/ocr-words';

export interface DetectedType {
  kind: DocumentKind;
  mime: string;
}

/** What an extractor is handed: the file on disk, its detected type and size. */
export interface InputFile {
  path: string;
  size: number;
  type: DetectedType;
}

export interface ProgressUpdate {
  page?: number;
  pages?: number;
  /** Rows read so far, for workbooks. */
  rows?: number;
}

export interface ExtractContext {
  options: ExtractOptions;
  signal?: AbortSignal;
  /** Called as work advances; the pool treats each call as a heartbeat for the no-progress timeout. */
  onProgress?: (update: ProgressUpdate) => void;
  /** Present when OCR is enabled. */
  ocr?: OcrService;
  /** The file's sha256 when the caller already hashed it (the batch does, for the cache key). */
  sha256?: string;
}

/** Everything of the document model except the source, which the orchestrator fills in. */
export type ExtractedBody = Omit<ExtractedDocument, 'source'>;

export type Extractor = (file: InputFile, ctx: ExtractContext) => Promise<ExtractedBody>;

/** 8-bit pixels, row-major; `channels` 1 is grayscale, 4 is RGBA. */
/** Pixels per inch across (x) and down (y). */
export interface PixelResolution {
  x: number;
  y: number;
}

export interface RasterImage {
  width: number;
  height: number;
  channels: 1 | 4;
  data: Uint8Array | Uint8ClampedArray;
  /** Pixels per inch across and down, when the file says (a fax: 200 × 100). */
  resolution?: PixelResolution;
}

export interface OcrPageResult {
  /** Paragraph blocks in reading order, each with `prov.ocr = true` and the page number. */
  blocks: Block[];
  /** Mean word confidence 0–100 (0 for a blank page). */
  confidence: number;
  words: number;
  /** Degrees the page was rotated (clockwise) before recognition. */
  rotation: 0 | 90 | 180 | 270;
  /** What the reader should know about this reading (e.g. a script no OCR language reads). */
  warnings?: ExtractionWarning[];
  /**
   * The words with their boxes, as fractions of the page image given to the OCR service (the
   * passes map them back from the turned or deskewed image they read).
   */
  wordBoxes?: OcrWord[];
  /**
   * The words where tesseract found them on the upright, deskewed image it read, with the
   * paragraph block each belongs to: the frame in which rows and columns are straight, for
   * rebuilding tables (extractors/ocr-layout). Used by the extractor; never written out.
   */
  layout?: OcrLayout;
}

export interface OcrLayoutWord {
  text: string;
  confidence: number;
  /** Its index in `wordBoxes` (absent for a word without a letter or digit, such as `&`). */
  boxIndex?: number;
  /** Pixels of the image read: x0, y0, x1, y1, top-left origin. */
  box: [number, number, number, number];
  /** Index in `blocks` of the paragraph the word is in. */
  block: number;
  /** Index of the word's tesseract line on the page. */
  line: number;
}

export interface OcrLayout {
  /** Points per pixel of the image read, when its resolution was known. */
  pointsPerPixel?: number;
  /**
   * The lines' median slope (dy/dx) on the image read: the skew that deskewing left (it turns
   * only from 0.5°), which is enough to move a table's far columns a line up.
   */
  slope: number;
  words: OcrLayoutWord[];
}

/**
 * Recognition passes a file may spend beyond the first one per page (orientation, upside-down
 * and enlarged retries of weak pages). One object per file, shared by its pages, so a long scan
 * of weak pages cannot multiply its OCR time.
 */
export interface OcrBudget {
  extraPasses: number;
}

export interface OcrService {
  /** Recognizes one image (a photo, a scan, a TIFF frame). `page` labels the provenance. */
  recognizeImage(
    image: RasterImage,
    page: number,
    signal?: AbortSignal,
    budget?: OcrBudget,
  ): Promise<OcrPageResult>;
  /** Renders a PDF page that has no usable text layer and recognizes it. */
  recognizePdfPage(
    page: PDFPageProxy,
    pageNumber: number,
    signal?: AbortSignal,
    budget?: OcrBudget,
  ): Promise<OcrPageResult>;
  /** Releases the tesseract worker(s). */
  terminate(): Promise<void>;
}
