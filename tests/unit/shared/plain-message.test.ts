// Messages never show a library's own error text: it moves to the detail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRawLibraryText, plainMessage } from '../../../src/shared/plain-message';
import { fileReport } from '../../../src/shared/report-builder';

test('Folio sentence, then raw text: the sentence stays, the raw text is the detail', () => {
  assert.deepEqual(
    plainMessage(
      'The PDF is damaged or truncated and cannot be read: Illegal character: 41',
      'CORRUPT',
    ),
    {
      message: 'The PDF is damaged or truncated and cannot be read.',
      detail: 'Illegal character: 41',
    },
  );
});

test('an all-raw message gets the plain sentence of its code', () => {
  const raw = "Cannot read properties of undefined (reading 'anchors')";
  assert.deepEqual(plainMessage(raw, 'CORRUPT'), {
    message: 'The file is damaged or truncated and cannot be read.',
    detail: raw,
  });
  assert.match(plainMessage(raw, 'INTERNAL').message, /unexpected problem/);
  assert.match(
    plainMessage('TypeError: x is not a function', undefined).message,
    /detail is in the report/,
  );
});

test("Folio's own messages are left alone", () => {
  for (const own of [
    'The file is empty (0 bytes).',
    'Page 3 read at 41% confidence: its text may be wrong or missing',
    'The batch was cancelled before this file finished.',
  ]) {
    assert.equal(isRawLibraryText(own), false, own);
    assert.deepEqual(plainMessage(own, 'X'), { message: own });
  }
});

test('every report entry is cleaned: its message and its warnings', () => {
  const report = fileReport(
    'a.docx',
    {
      kind: 'docx',
      status: 'partial',
      code: 'CONVERSION_WARNING',
      message: "Cannot read properties of undefined (reading 'anchors')",
      warnings: [
        {
          code: 'PAGE_FAILED',
          message: 'Page 2 could not be read: Invalid PDF structure.',
          page: 2,
        },
      ],
    },
    { ms: 1 },
  );
  assert.doesNotMatch(report.message ?? '', /anchors/);
  assert.match(report.detail ?? '', /anchors/);
  assert.equal(report.warnings?.[0].message, 'Page 2 could not be read.');
  assert.equal(report.warnings?.[0].detail, 'Invalid PDF structure.');
});
