// Problems-panel entries for failed files and warnings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { problemsFor } from '../../../src/extension/problems';

test('problems: failures are errors with their code and a reviewer sentence', () => {
  const [encrypted] = problemsFor({
    path: 'a.pdf',
    kind: 'pdf',
    status: 'failed',
    code: 'ENCRYPTED',
    message: 'The PDF is encrypted',
    ms: 1,
  });
  assert.equal(encrypted!.severity, 'error');
  assert.equal(encrypted!.code, 'ENCRYPTED');
  // The extension's remedy (a setting), not the engine's CLI flag.
  assert.match(
    encrypted!.message,
    /^Password-protected PDF: supply the password .*folio\.passwordFile/,
  );
  const [damaged] = problemsFor({
    path: 'c.pdf',
    kind: 'pdf',
    status: 'failed',
    code: 'CORRUPT',
    message: 'The PDF is damaged or truncated and cannot be read.',
    ms: 1,
  });
  assert.equal(damaged!.message, 'The PDF is damaged or truncated and cannot be read.');
  const [corrupt] = problemsFor({
    path: 'b.docx',
    kind: 'docx',
    status: 'failed',
    code: 'CORRUPT',
    ms: 1,
  });
  assert.equal(corrupt!.message, 'Damaged Word document: the file could not be read');
});

test('problems: warnings name the page; cancelled files are not problems', () => {
  const problems = problemsFor({
    path: 's.pdf',
    kind: 'pdf',
    status: 'partial',
    ms: 1,
    warnings: [
      { code: 'OCR_LOW_CONFIDENCE', message: 'OCR confidence 62%', page: 4 },
      { code: 'PAGE_FAILED', message: 'Page 7 could not be read', page: 7 },
    ],
  });
  assert.deepEqual(problems, [
    {
      severity: 'warning',
      code: 'OCR_LOW_CONFIDENCE',
      message: 'Page 4: OCR confidence 62%',
      page: 4,
    },
    { severity: 'warning', code: 'PAGE_FAILED', message: 'Page 7 could not be read', page: 7 },
  ]);
  assert.deepEqual(
    problemsFor({ path: 'x', kind: 'pdf', status: 'skipped', code: 'CANCELLED', ms: 0 }),
    [],
  );
  assert.deepEqual(problemsFor({ path: 'x', kind: 'pdf', status: 'ok', ms: 3 }), []);
});

test('problems (issue 12): a page read below the floor and an empty output read as plain sentences', () => {
  const problems = problemsFor({
    path: 'scan.pdf',
    kind: 'pdf',
    status: 'partial',
    code: 'OCR_LOW_CONFIDENCE',
    ms: 1,
    warnings: [
      {
        code: 'OCR_LOW_CONFIDENCE',
        message:
          'Page 3 read at 41% confidence: its text may be wrong or missing; check it against the original.',
        page: 3,
      },
      {
        code: 'EMPTY_OUTPUT',
        message:
          'The document has 3 pages but only 12 characters of text could be extracted: its content may be pictures, drawings or text that could not be read; check the original.',
      },
    ],
  });
  // The page is named once (the message already starts with it), and the empty output is not
  // tied to a page.
  assert.deepEqual(
    problems.map((p) => [p.severity, p.code, p.message.slice(0, 40)]),
    [
      ['warning', 'OCR_LOW_CONFIDENCE', 'Page 3 read at 41% confidence: its text '],
      ['warning', 'EMPTY_OUTPUT', 'The document has 3 pages but only 12 cha'],
    ],
  );
});
