// Settings onto the engine's batch and extract options.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultSettings,
  toBatchOptions,
  toExtractOptions,
} from '../../../src/extension/requestOptions';

test('settings map onto the engine options; null workers means the engine default', () => {
  const batch = toBatchOptions(defaultSettings, { outDir: '/store/out' });
  assert.equal(batch.workers, undefined);
  assert.equal(batch.outDir, '/store/out');
  assert.equal(batch.fileTimeoutSeconds, 60);
  const custom = toBatchOptions(
    { ...defaultSettings, workers: 3, memoryLimitMb: 512 },
    { outDir: '/o' },
  );
  assert.equal(custom.workers, 3);
  assert.equal(custom.memoryLimitMb, 512);
  const extract = toExtractOptions({
    ...defaultSettings,
    ocrEnabled: false,
    ocrMinConfidence: 150,
  });
  assert.equal(extract.ocr.enabled, false);
  assert.equal(extract.ocr.minConfidence, 100);
});

test('folio.excel.values: displayed by default, raw when set, displayed for anything else', () => {
  assert.equal(toExtractOptions(defaultSettings).excel.values, 'displayed');
  assert.equal(toExtractOptions({ ...defaultSettings, excelValues: 'raw' }).excel.values, 'raw');
  assert.equal(
    toExtractOptions({ ...defaultSettings, excelValues: 'bogus' }).excel.values,
    'displayed',
  );
});

test('folio.docx.reviewMarks: shown by default, off when the setting is off', () => {
  assert.equal(toExtractOptions(defaultSettings).docx.reviewMarks, true);
  assert.equal(
    toExtractOptions({ ...defaultSettings, docxReviewMarks: false }).docx.reviewMarks,
    false,
  );
});
