// Settings onto the engine's batch and extract options.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  defaultSettings,
  NEAR_DUPLICATES_OFF,
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

test('folio.nearDuplicates.threshold: 0.8 by default, 0 or null off, a bad value the engine default', () => {
  const threshold = (value: number | null) =>
    toBatchOptions({ ...defaultSettings, nearDuplicateThreshold: value }, { outDir: '/o' })
      .nearDuplicateThreshold;
  assert.equal(toBatchOptions(defaultSettings, { outDir: '/o' }).nearDuplicateThreshold, 0.8);
  assert.equal(threshold(0.93), 0.93);
  assert.equal(threshold(1), 1);
  // Off, as the CLI's --near-duplicates off: above 1, which no similarity reaches.
  assert.equal(threshold(0), NEAR_DUPLICATES_OFF);
  assert.equal(threshold(null), NEAR_DUPLICATES_OFF);
  assert.ok(NEAR_DUPLICATES_OFF > 1);
  assert.equal(threshold(7), undefined);
  assert.equal(threshold(-1), undefined);
});

test('package.json declares folio.nearDuplicates.threshold with the default the options use', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default: unknown }> } };
  };
  const setting = manifest.contributes.configuration.properties['folio.nearDuplicates.threshold'];
  assert.equal(setting?.default, defaultSettings.nearDuplicateThreshold);
});
