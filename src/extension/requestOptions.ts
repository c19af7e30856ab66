// Maps the user's `folio.*` settings onto the engine's option contracts. Pure (no vscode import).
import {
  defaultBatchOptions,
  defaultExtractOptions,
  type BatchOptions,
  type ExtractOptions,
} from '../shared/options';

/** The `folio.*` settings as read from the configuration (see package.json `contributes`). */
export interface FolioSettings {
  workers: number | null;
  memoryLimitMb: number;
  fileTimeoutSeconds: number;
  ocrEnabled: boolean;
  ocrLanguages: string[];
  ocrMinConfidence: number;
  include: string[];
  exclude: string[];
  pdfStreamingPageThreshold: number;
  excelStreamingRowThreshold: number;
  /** `folio.excel.values`: 'displayed' or 'raw' (anything else reads as 'displayed'). */
  excelValues: string;
  docxReviewMarks: boolean;
  passwordFile: string;
  /** `folio.nearDuplicates.threshold`: 0 to 1; 0 or null turns near-duplicates off. */
  nearDuplicateThreshold: number | null;
}

export const defaultSettings: FolioSettings = {
  workers: null,
  memoryLimitMb: defaultBatchOptions.memoryLimitMb,
  fileTimeoutSeconds: defaultBatchOptions.fileTimeoutSeconds,
  ocrEnabled: defaultExtractOptions.ocr.enabled,
  ocrLanguages: defaultExtractOptions.ocr.languages,
  ocrMinConfidence: defaultExtractOptions.ocr.minConfidence,
  include: defaultBatchOptions.include,
  exclude: ['**/.git/**', '**/node_modules/**'],
  pdfStreamingPageThreshold: defaultExtractOptions.pdf.streamingPageThreshold,
  excelStreamingRowThreshold: defaultExtractOptions.excel.streamingRowThreshold,
  excelValues: defaultExtractOptions.excel.values,
  docxReviewMarks: defaultExtractOptions.docx.reviewMarks,
  passwordFile: '',
  nearDuplicateThreshold: 0.8,
};

/**
 * The engine's `nearDuplicateThreshold` for the setting: off (0 or null) is a threshold above 1,
 * which no similarity reaches (as the CLI's `--near-duplicates off`); a value the schema would
 * reject (hand-edited settings.json) leaves the engine's default rather than failing the run.
 */
export const NEAR_DUPLICATES_OFF = 2;

export function nearDuplicateThreshold(value: number | null | undefined): number | undefined {
  if (value === null || value === 0) return NEAR_DUPLICATES_OFF;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    return undefined;
  }
  return value;
}

function positiveInt(value: number | null | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1
    ? Math.floor(value)
    : fallback;
}

export function toExtractOptions(s: FolioSettings): ExtractOptions {
  return {
    ...defaultExtractOptions,
    ocr: {
      enabled: s.ocrEnabled,
      languages: s.ocrLanguages.length > 0 ? s.ocrLanguages : defaultExtractOptions.ocr.languages,
      minConfidence: Math.min(100, Math.max(0, s.ocrMinConfidence)),
    },
    pdf: {
      streamingPageThreshold: positiveInt(
        s.pdfStreamingPageThreshold,
        defaultExtractOptions.pdf.streamingPageThreshold,
      ),
    },
    excel: {
      streamingRowThreshold: positiveInt(
        s.excelStreamingRowThreshold,
        defaultExtractOptions.excel.streamingRowThreshold,
      ),
      values: s.excelValues === 'raw' ? 'raw' : 'displayed',
    },
    docx: { reviewMarks: s.docxReviewMarks },
  };
}

export function toBatchOptions(
  s: FolioSettings,
  where: {
    outDir: string;
    /** The engine's cache folder (the extension keeps it in its own storage). */
    cacheDir?: string;
    format?: 'md' | 'json';
    passwords?: Record<string, string>;
    cache?: boolean;
  },
): BatchOptions {
  const workers = s.workers === null ? undefined : positiveInt(s.workers, 1);
  const near = nearDuplicateThreshold(s.nearDuplicateThreshold);
  return {
    ...defaultBatchOptions,
    ...(workers === undefined ? {} : { workers }),
    memoryLimitMb: positiveInt(s.memoryLimitMb, defaultBatchOptions.memoryLimitMb),
    fileTimeoutSeconds: positiveInt(s.fileTimeoutSeconds, defaultBatchOptions.fileTimeoutSeconds),
    include: s.include.length > 0 ? s.include : defaultBatchOptions.include,
    exclude: s.exclude,
    outDir: where.outDir,
    ...(where.cacheDir === undefined ? {} : { cacheDir: where.cacheDir }),
    format: where.format ?? 'md',
    passwords: where.passwords ?? {},
    cache: where.cache ?? true,
    ...(near === undefined ? {} : { nearDuplicateThreshold: near }),
  };
}
