// A tiny error factory with stable codes: every failure a person sees carries one of these codes
// and a plain message. Codes are part of the public contract (report JSON, Problems panel).

export const ErrorCodes = {
  EMPTY_FILE: 'EMPTY_FILE',
  UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  ENCRYPTED: 'ENCRYPTED',
  WRONG_PASSWORD: 'WRONG_PASSWORD',
  CORRUPT: 'CORRUPT',
  TOO_LARGE: 'TOO_LARGE',
  UNREADABLE: 'UNREADABLE',
  OCR_LANGUAGE_MISSING: 'OCR_LANGUAGE_MISSING',
  OCR_FAILED: 'OCR_FAILED',
  TIMEOUT: 'TIMEOUT',
  WORKER_CRASH: 'WORKER_CRASH',
  CHILD_CRASH: 'CHILD_CRASH',
  /** A queue worker died (kill -9, machine gone) holding this file, twice: see src/queue. */
  WORKER_LOST: 'WORKER_LOST',
  CANCELLED: 'CANCELLED',
  OUT_OF_MEMORY: 'OUT_OF_MEMORY',
  SYMLINK_OUTSIDE: 'SYMLINK_OUTSIDE',
  SYMLINK_LOOP: 'SYMLINK_LOOP',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export class FolioError extends Error {
  override readonly name = 'FolioError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function folioError(code: ErrorCode, message: string, cause?: unknown): FolioError {
  return new FolioError(code, message, cause === undefined ? undefined : { cause });
}

/** True for a FolioError, including one that lost its prototype crossing a thread boundary. */
export function hasFolioCode(value: unknown): value is { code: ErrorCode; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (value as { code: string }).code in ErrorCodes
  );
}

/** Turns anything thrown into a FolioError, keeping codes that are already stable. */
export function toFolioError(value: unknown, fallback: ErrorCode = 'INTERNAL'): FolioError {
  if (value instanceof FolioError) return value;
  if (hasFolioCode(value)) return folioError(value.code, value.message);
  const message = value instanceof Error ? value.message : String(value);
  return folioError(fallback, message, value);
}
