// The one document model every extractor produces and every renderer consumes.
// It is plain data (structured-clone safe) so it can cross thread and process boundaries.
import type { OcrWord } from './ocr-words';

export type DocumentKind = 'pdf' | 'docx' | 'xlsx' | 'image';

export interface SourceInfo {
  /** Absolute path of the input file. */
  path: string;
  kind: DocumentKind;
  /** Detected from magic bytes, e.g. `application/pdf`, `image/png`. */
  mime: string;
  size: number;
  sha256: string;
}

/** Where a block came from, so a reviewer can find it in the original. */
export interface Provenance {
  /** 1-based PDF page or image frame. */
  page?: number;
  /** XLSX sheet name. */
  sheet?: string;
  /** XLSX cell range in A1 notation, e.g. `A1:D20`. */
  range?: string;
  /** 0-based paragraph index in a DOCX body. */
  paragraph?: number;
  /** True when the text came from OCR rather than a text layer. */
  ocr?: boolean;
}

/** A box on a page in points, from the top-left corner of the page as displayed (after /Rotate). */
export interface PageBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface TableCell {
  /** 0-based row and column of the cell's top-left position in `rows`. */
  row: number;
  col: number;
  /** Rows and columns the cell covers (1 when it spans none). */
  rowSpan: number;
  colSpan: number;
  /** The page the cell is on, when not the table's `prov.page` (a continued table). */
  page?: number;
  /** Where the cell is on its page (PDF); a DOCX has no page geometry. */
  bbox?: PageBox;
}

/** A spreadsheet cell's stored value and formula, beside the text `rows` shows (XLSX). */
export interface SheetCellValue {
  /** The stored value: a number (a date as its serial day number), a boolean or a text. */
  raw?: string | number | boolean;
  /** The formula as written in the file, without the leading `=`; `raw` is its cached result. */
  formula?: string;
}

export interface TableContinuation {
  page: number;
  /** First row of `rows` on that page. */
  row: number;
  bbox: PageBox;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; text: string; prov: Provenance }
  | { type: 'paragraph'; text: string; prov: Provenance }
  | {
      type: 'listItem';
      text: string;
      ordered: boolean;
      depth: number;
      /** The source's own marker when known ('3.', '(a)', '•'), so numbering is not lost. */
      marker?: string;
      prov: Provenance;
    }
  | {
      type: 'table';
      /** Cell text, row-major; the first row is the header when `header` is true. */
      rows: string[][];
      header: boolean;
      caption?: string;
      /** Leading rows that are column titles, when detected (PDF, XLSX); `header` is then true. */
      headerRows?: number;
      /** Where the table is on `prov.page` (PDF). */
      bbox?: PageBox;
      /**
       * Every cell with its place, span and box (PDF; DOCX, without boxes, when the table has
       * merged cells). A span's text is in `rows` at its top-left position; the other
       * positions it covers hold ''.
       */
      cells?: TableCell[];
      /** A table continued over page breaks (PDF): where each later page's part begins. */
      continuation?: TableContinuation[];
      /**
       * Parallel to `rows` (XLSX): each cell's stored value and formula, null where the cell
       * holds only the text shown. Present when any cell of the block has one.
       */
      cellValues?: Array<Array<SheetCellValue | null>>;
      /** 0-based indexes into `rows` of rows hidden in Excel (XLSX); their text is included. */
      hiddenRows?: number[];
      /** 0-based column indexes of columns hidden in Excel (XLSX); their text is included. */
      hiddenColumns?: number[];
      prov: Provenance;
    }
  | { type: 'pageBreak'; page: number; prov: Provenance }
  | {
      type: 'sheet';
      name: string;
      /** Used range after trimming empty trailing rows and columns, e.g. `A1:F120`. */
      range: string;
      hidden: boolean;
      prov: Provenance;
    };

export type BlockType = Block['type'];

export interface DocumentMetadata {
  title?: string;
  author?: string;
  subject?: string;
  created?: string;
  modified?: string;
  pageCount?: number;
  sheetNames?: string[];
  /** Running headers detected by repetition across pages: moved out of the body, kept here. */
  runningHeaders?: string[];
  /** Running footers detected by repetition across pages. */
  runningFooters?: string[];
  /** The PDF has an encryption dictionary (a user or an owner password). */
  encrypted?: boolean;
}

export interface PageQuality {
  page: number;
  /** Characters of text found on the page (after OCR where used). */
  chars: number;
  ocr: boolean;
  /** Mean word confidence 0–100, for OCR'd pages. */
  confidence?: number;
  /** Degrees the page was rotated before recognition (OCR only). */
  rotation?: number;
  /**
   * The recognised words and their boxes (OCR only). Taken off by finishDocument into the words
   * sidecar before the document is normalized: never in the outputs or the report.
   */
  words?: OcrWord[];
}

export interface DocumentQuality {
  pages: number;
  textChars: number;
  ocrPages: number;
  /** Mean of the OCR'd pages' confidences (0–100); absent when nothing was OCR'd. */
  ocrConfidence?: number;
  /** The OCR'd page with the lowest confidence. */
  ocrWorstPage?: { page: number; confidence: number };
  perPage?: PageQuality[];
}

export type WarningCode =
  | 'OCR_LOW_CONFIDENCE'
  | 'OCR_SKIPPED'
  | 'OCR_FAILED'
  | 'OCR_LANGUAGE_MISSING'
  | 'PAGE_FAILED'
  | 'CONTENT_OMITTED'
  /** A document with pages or sheets whose extracted text is empty or nearly so (issue 12). */
  | 'EMPTY_OUTPUT'
  | 'CONVERSION_WARNING'
  | 'HIDDEN_SHEET'
  | 'HIDDEN_CELLS'
  | 'MERGED_CELLS'
  | 'TRUNCATED'
  | 'INVISIBLE_TEXT'
  /** Not lossy: the PDF is protected (owner password, or opened with the user password). */
  | 'PROTECTED';

export interface ExtractionWarning {
  code: WarningCode;
  /** A sentence a reviewer understands. */
  message: string;
  /**
   * True when content is missing from the output because of this (a page not OCR'd, a page that
   * failed, a page read below the OCR confidence floor, no text at all from a document with
   * pages): the file is then reported `partial` rather than `ok`.
   */
  lossy: boolean;
  page?: number;
  sheet?: string;
}

export interface ExtractedDocument {
  source: SourceInfo;
  blocks: Block[];
  metadata: DocumentMetadata;
  quality: DocumentQuality;
  warnings: ExtractionWarning[];
}
