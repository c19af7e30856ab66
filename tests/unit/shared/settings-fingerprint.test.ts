// The settings fingerprint: the same for the same output settings, different when one changes,
// and never touched by a password.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultExtractOptions } from '../../../src/shared/options';
import { settingsFingerprint } from '../../../src/shared/settings-fingerprint';

test('same settings, same fingerprint; 16 hex digits', () => {
  const a = settingsFingerprint(defaultExtractOptions, 'md');
  assert.match(a, /^[0-9a-f]{16}$/);
  assert.equal(settingsFingerprint({ ...defaultExtractOptions }, 'md'), a);
});

test('format, OCR languages and XLSX values change it; the language order and a password do not', () => {
  const base = settingsFingerprint(defaultExtractOptions, 'md');
  assert.notEqual(settingsFingerprint(defaultExtractOptions, 'json'), base);
  const ocr = (languages: string[]) => ({
    ...defaultExtractOptions,
    ocr: { ...defaultExtractOptions.ocr, languages },
  });
  assert.notEqual(settingsFingerprint(ocr(['eng', 'deu']), 'md'), base);
  assert.equal(
    settingsFingerprint(ocr(['deu', 'eng']), 'md'),
    settingsFingerprint(ocr(['eng', 'deu']), 'md'),
  );
  const raw = {
    ...defaultExtractOptions,
    excel: { ...defaultExtractOptions.excel, values: 'raw' as const },
  };
  assert.notEqual(settingsFingerprint(raw, 'md'), base);
  assert.equal(settingsFingerprint({ ...defaultExtractOptions, password: 'secret' }, 'md'), base);
});
