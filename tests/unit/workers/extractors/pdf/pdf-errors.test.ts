// How pdfjs's open errors become Folio error codes with plain messages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FolioError } from '../../../../../src/shared/errors';
import {
  ENCRYPTED_MESSAGE,
  pdfOpenError,
} from '../../../../../src/workers/extractors/pdf/pdf-errors';

describe('errors', () => {
  const passwordError = (code: number) =>
    Object.assign(new Error('No password given'), { name: 'PasswordException', code });

  test('a password exception is ENCRYPTED without a password, WRONG_PASSWORD with one', () => {
    const none = pdfOpenError(passwordError(1), false);
    assert.ok(none instanceof FolioError);
    assert.equal(none.code, 'ENCRYPTED');
    assert.equal(none.message, ENCRYPTED_MESSAGE);
    assert.equal(pdfOpenError(passwordError(2), true).code, 'WRONG_PASSWORD');
  });

  test('anything else is CORRUPT with the reason in a plain sentence', () => {
    const err = pdfOpenError(
      Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' }),
      false,
    );
    assert.equal(err.code, 'CORRUPT');
    assert.match(
      err.message,
      /^The PDF is damaged or truncated and cannot be read: Invalid PDF structure\.$/,
    );
  });
});
