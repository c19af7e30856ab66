// Which OCR languages are installed, how they are resolved, and one langPath for tesseract.js.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  fastLanguages,
  installedLanguages,
  osdModelPath,
  resolveLanguages,
  singleLanguageDir,
  vendoredDataRoot,
} from '../../../../src/workers/ocr/language-data';
import { createOcrService } from '../../../../src/workers/ocr/ocr-service';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

test('English and the orientation model are packaged; osd is not a recognition language', () => {
  const codes = installedLanguages().map((l) => l.code);
  assert.ok(codes.includes('eng'));
  assert.ok(!codes.includes('osd'));
  assert.ok(osdModelPath()?.endsWith('osd.traineddata.gz'));
  assert.equal(resolveLanguages(['eng'])[0].code, 'eng');
});

test('a language that is not installed is OCR_LANGUAGE_MISSING, listing what is', () => {
  assert.equal(
    codeOf(() => createOcrService({ languages: ['eng', 'klingon'] })),
    'OCR_LANGUAGE_MISSING',
  );
  assert.throws(
    () => resolveLanguages(['heb']),
    (error: Error) =>
      /not installed: heb\. Installed: deu, eng, fra, ita, spa\..*@tesseract\.js-data\/heb/.test(
        error.message,
      ),
  );
});

test('languages from different packages are gathered into one langPath for tesseract.js', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-langs-'));
  try {
    for (const code of ['eng', 'deu']) {
      mkdirSync(path.join(root, code), { recursive: true });
      writeFileSync(path.join(root, code, `${code}.traineddata.gz`), code);
    }
    const found = installedLanguages(path.join(root, 'none'), [
      path.join(root, 'eng'),
      path.join(root, 'deu'),
    ]);
    assert.deepEqual(
      found.map((l) => l.code),
      ['deu', 'eng'],
    );
    const single = singleLanguageDir(resolveLanguages(['eng', 'deu'], found));
    assert.equal(readFileSync(path.join(single, 'eng.traineddata.gz'), 'utf8'), 'eng');
    assert.equal(readFileSync(path.join(single, 'deu.traineddata.gz'), 'utf8'), 'deu');
    rmSync(single, { recursive: true, force: true });
    // One package: its own folder is used as is, nothing is linked.
    assert.equal(singleLanguageDir(resolveLanguages(['eng'], found)), path.join(root, 'eng'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the vendored tessdata_fast English model is found, and is the recorded Debian file', () => {
  const fast = fastLanguages(resolveLanguages(['eng']));
  assert.ok(fast, 'media/tessdata/eng-fast/eng.traineddata.gz is in the repository');
  assert.equal(fast[0].code, 'eng');
  const model = gunzipSync(readFileSync(path.join(fast[0].dir, 'eng.traineddata.gz')));
  assert.equal(
    createHash('sha256').update(model).digest('hex'),
    '7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2',
  );
  assert.notEqual(fast[0].dir, resolveLanguages(['eng'])[0].dir);
});

test('languages without a fast model keep their packaged ones: no fast set at all', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-fast-'));
  try {
    mkdirSync(path.join(root, 'eng-fast'));
    writeFileSync(path.join(root, 'eng-fast', 'eng.traineddata.gz'), 'eng');
    const eng = { code: 'eng', dir: '/packaged/eng' };
    const deu = { code: 'deu', dir: '/packaged/deu' };
    assert.deepEqual(fastLanguages([eng], root), [
      { code: 'eng', dir: path.join(root, 'eng-fast') },
    ]);
    assert.equal(fastLanguages([eng, deu], root), undefined);
    assert.equal(fastLanguages([deu], root), undefined);
    assert.equal(fastLanguages([eng], path.join(root, 'missing')), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the vendored models are found from a bundle chunk under dist/ as from the sources', () => {
  const project = mkdtempSync(path.join(os.tmpdir(), 'folio-root-'));
  try {
    writeFileSync(path.join(project, 'package.json'), '{}');
    mkdirSync(path.join(project, 'dist', 'chunks'), { recursive: true });
    assert.equal(
      vendoredDataRoot(path.join(project, 'dist', 'chunks')),
      path.join(project, 'media', 'tessdata'),
    );
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
