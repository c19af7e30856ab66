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
  /** An output, cache entry or report could not be written (disk full, read-only, no rights). */
  WRITE_FAILED: 'WRITE_FAILED',
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

/** Why a write failed, in words, by the system's error code; the code itself otherwise. */
const WRITE_REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  ENAMETOOLONG: 'the path is too long for the file system',
  EIO: 'the disk reported an input/output error',
};

/** A failed write of `target` as WRITE_FAILED, naming the path; the system's error is the cause. */
export function writeFailed(target: string, cause: unknown): FolioError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code && WRITE_REASONS[code]) ?? `the system said ${code ?? 'no'}`;
  return folioError('WRITE_FAILED', `${target} could not be written: ${reason}.`, cause);
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
