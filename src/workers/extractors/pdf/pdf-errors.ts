// Maps what pdfjs throws to Folio's stable codes with messages a reviewer understands.
import { FolioError, folioError } from '../../../shared/errors';
import { PDF_NEEDS_PASSWORD, PDF_WRONG_PASSWORD } from '../../../shared/password-advice';

/** pdfjs's PasswordResponses: NEED_PASSWORD = 1, INCORRECT_PASSWORD = 2. */
const INCORRECT_PASSWORD = 2;

// One wording everywhere (src/shared/password-advice.ts): the flag, the setting, the format.
export const ENCRYPTED_MESSAGE = PDF_NEEDS_PASSWORD;
export const WRONG_PASSWORD_MESSAGE = PDF_WRONG_PASSWORD;

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String((error as { name: unknown }).name)
    : '';
}

function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() || 'unknown structure error';
}

/** Turns a failure while opening a PDF into ENCRYPTED, WRONG_PASSWORD or CORRUPT. */
export function pdfOpenError(error: unknown, passwordSupplied: boolean): FolioError {
  if (error instanceof FolioError) return error;
  if (errorName(error) === 'PasswordException') {
    const code = (error as { code?: unknown }).code;
    return passwordSupplied || code === INCORRECT_PASSWORD
      ? folioError('WRONG_PASSWORD', WRONG_PASSWORD_MESSAGE, error)
      : folioError('ENCRYPTED', ENCRYPTED_MESSAGE, error);
  }
  return corruptPdf(error);
}

/** InvalidPDFException, FormatError, a broken page tree, or anything unexpected. */
export function corruptPdf(error: unknown): FolioError {
  return folioError(
    'CORRUPT',
    `The PDF is damaged or truncated and cannot be read: ${errorMessage(error)}`,
    error,
  );
}

/** A short reason for a page-level failure, for PAGE_FAILED warnings. */
export function pageFailureReason(error: unknown): string {
  return errorMessage(error).replace(/\s+/g, ' ').slice(0, 160);
}
