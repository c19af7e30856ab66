// Problems-panel entries for failed files and warnings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { problemsFor } from '../../../src/extension/problems';
import {
  OFFICE_ENCRYPTED,
  PASSWORD_FILE_FORMAT,
  PDF_NEEDS_PASSWORD,
  PDF_WRONG_PASSWORD,
} from '../../../src/shared/password-advice';

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
  // The one password advice (password-advice.ts): the setting, the flag and the file's format.
  assert.equal(encrypted!.message, PDF_NEEDS_PASSWORD);
  assert.match(encrypted!.message, /folio\.passwordFile/);
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

test('problems: one password advice, as the CLI gives it; Office files are not told to add one', () => {
  const base = { path: 'x', ms: 1 } as const;
  const wrong = problemsFor({ ...base, kind: 'pdf', status: 'failed', code: 'WRONG_PASSWORD' });
  assert.equal(wrong[0]!.message, PDF_WRONG_PASSWORD);
  const office = problemsFor({ ...base, kind: 'xlsx', status: 'failed', code: 'ENCRYPTED' });
  assert.equal(office[0]!.message, OFFICE_ENCRYPTED);
  assert.ok(PDF_NEEDS_PASSWORD.includes(PASSWORD_FILE_FORMAT));
});

test("the folio.passwordFile setting's description shows the password file's format", () => {
  const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
  assert.ok(nls['folio.passwordFile.description']!.includes(PASSWORD_FILE_FORMAT));
  assert.ok(nls['folio.passwordFile.description']!.includes('--password-file'));
});
