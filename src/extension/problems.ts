// Turns a file's report entry into the entries the Problems panel shows: one per failure or
// warning, with the stable code and a sentence a reviewer can act on. Pure (no vscode import).
import type { FileReport } from '../shared/report';
import { untranslated, type Translate } from './translate';

export interface Problem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
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

/** A plain sentence for each stable error code; the engine's own message follows as detail. */
function failureSentence(file: FileReport, t: Translate): string {
  const kind = kindLabel(file.kind, t);
  switch (file.code) {
    case 'ENCRYPTED':
      return t(
        'Password-protected {0}: supply the password in a password file (setting folio.passwordFile) and extract again',
        kind,
      );
    case 'WRONG_PASSWORD':
      return t('Password-protected {0}: the password in folio.passwordFile is wrong', kind);
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
    case 'TIMEOUT':
      return t('Extraction stopped: no progress within the time limit (folio.fileTimeoutSeconds)');
    case 'WORKER_CRASH':
    case 'CHILD_CRASH':
      return t('Extraction crashed twice on this file and was skipped');
    case 'OUT_OF_MEMORY':
      return t('Extraction ran out of memory (folio.memoryLimitMb)');
    case 'OCR_LANGUAGE_MISSING':
      return t('OCR language not installed (folio.ocr.languages)');
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

function withDetail(sentence: string, detail: string | undefined): string {
  const extra = detail?.trim();
  if (!extra || sentence.includes(extra)) return sentence;
  return `${sentence} (${extra})`;
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
        message: withDetail(failureSentence(file, t), file.message),
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
        message: withDetail(failureSentence(file, t), file.message),
      },
    ];
  }
  return (file.warnings ?? []).map((w) => ({
    severity: 'warning',
    code: w.code,
    message: warningMessage(w, t),
  }));
}
