// Turns a file's report entry into the entries the Problems panel shows: one per failure or
// warning, with the stable code and a sentence a reviewer can act on. Pure (no vscode import).
import {
  OFFICE_ENCRYPTED,
  PDF_NEEDS_PASSWORD,
  PDF_WRONG_PASSWORD,
} from '../shared/password-advice';
import type { FileReport } from '../shared/report';
import { untranslated, type Translate } from './translate';

export interface Problem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** The source page the problem is about, when the engine named one. */
  page?: number;
}

function kindLabel(kind: FileReport['kind'], t: Translate): string {
  switch (kind) {
    case 'pdf':
      return t('PDF');
    case 'docx':
      return t('Word document');
    case 'xlsx':
      return t('Excel workbook');
    case 'image':
      return t('Image');
    default:
      return t('File');
  }
}

/**
 * The password advice, worded once for the CLI, the report and here (password-advice.ts): the
 * flag, the setting and the file's format. An Office file's password is no use to Folio, so it
 * is not told to add one.
 */
function passwordSentence(file: FileReport, t: Translate): string | undefined {
  const office = file.kind === 'docx' || file.kind === 'xlsx';
  if (file.code === 'ENCRYPTED') return t(office ? OFFICE_ENCRYPTED : PDF_NEEDS_PASSWORD);
  if (file.code === 'WRONG_PASSWORD') return t(PDF_WRONG_PASSWORD);
  return undefined;
}

/**
 * Codes whose remedy is an extension setting get the extension's own sentence (the engine's
 * message names CLI flags); for the rest the engine's message is already a plain sentence.
 */
function settingSentence(file: FileReport, t: Translate): string | undefined {
  switch (file.code) {
    case 'ENCRYPTED':
    case 'WRONG_PASSWORD':
      return passwordSentence(file, t);
    case 'TIMEOUT':
      return t(
        'Extraction stopped: no progress within the time limit (setting folio.fileTimeoutSeconds)',
      );
    case 'OUT_OF_MEMORY':
      return t('Extraction ran out of memory (setting folio.memoryLimitMb)');
    case 'OCR_LANGUAGE_MISSING':
      return t('OCR language not installed (setting folio.ocr.languages)');
    default:
      return undefined;
  }
}

function fallbackSentence(file: FileReport, t: Translate): string {
  const kind = kindLabel(file.kind, t);
  switch (file.code) {
    case 'CORRUPT':
      return t('Damaged {0}: the file could not be read', kind);
    case 'EMPTY_FILE':
      return t('Empty file: nothing to extract');
    case 'UNSUPPORTED_TYPE':
      return t('Unsupported file type');
    case 'TOO_LARGE':
      return t('{0} too large to extract safely', kind);
    case 'UNREADABLE':
      return t('The file could not be opened');
    case 'WORKER_CRASH':
    case 'CHILD_CRASH':
      return t('Extraction crashed twice on this file and was skipped');
    case 'OCR_FAILED':
      return t('OCR failed');
    case 'SYMLINK_OUTSIDE':
      return t('Skipped: a link pointing outside the folder');
    case 'SYMLINK_LOOP':
      return t('Skipped: a link loop');
    default:
      return t('Extraction failed');
  }
}

function failureMessage(file: FileReport, t: Translate): string {
  return settingSentence(file, t) ?? (file.message?.trim() || fallbackSentence(file, t));
}

function warningMessage(w: NonNullable<FileReport['warnings']>[number], t: Translate): string {
  if (w.page !== undefined && !/^page\s+\d+/i.test(w.message)) {
    return t('Page {0}: {1}', w.page, w.message);
  }
  if (w.sheet !== undefined && !w.message.includes(w.sheet)) {
    return t('Sheet {0}: {1}', w.sheet, w.message);
  }
  return w.message;
}

export function problemsFor(file: FileReport, t: Translate = untranslated): Problem[] {
  if (file.status === 'failed') {
    return [
      {
        severity: 'error',
        code: file.code ?? 'INTERNAL',
        message: failureMessage(file, t),
      },
    ];
  }
  // A cancelled file was simply not reached: that is not a problem with the file.
  if (file.status === 'skipped') {
    if (file.code === 'CANCELLED') return [];
    return [
      {
        severity: 'warning',
        code: file.code ?? 'INTERNAL',
        message: failureMessage(file, t),
      },
    ];
  }
  return (file.warnings ?? []).map((w) => ({
    severity: 'warning',
    code: w.code,
    message: warningMessage(w, t),
    ...(w.page !== undefined ? { page: w.page } : {}),
  }));
}
