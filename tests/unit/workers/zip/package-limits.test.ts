// The limits checked on a package's central directory before anything is inflated.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPackageLimits } from '../../../../src/workers/zip/package-limits';

test('limits: declared total, degenerate ratio, entry count and zip encryption', () => {
  const entry = (name: string, compressedSize: number, uncompressedSize: number) => ({
    name,
    compressedSize,
    uncompressedSize,
    method: 8,
    encrypted: false,
  });
  const limits = { maxUnzippedBytes: 100 * 1024 * 1024 };
  assert.equal(checkPackageLimits([entry('a.xml', 10, 100)], limits, 'DOCX'), 100);
  const total = (() => {
    try {
      checkPackageLimits([entry('a.xml', 60e6, 60e6), entry('b.xml', 60e6, 60e6)], limits, 'XLSX');
    } catch (error) {
      return error as { code: string; message: string };
    }
    return undefined;
  })();
  assert.equal(total?.code, 'TOO_LARGE');
  assert.match(total?.message ?? '', /above the 100 MB limit/);
  assert.throws(
    () => checkPackageLimits([entry('s.xml', 20_000, 50 * 1024 * 1024)], limits, 'XLSX'),
    (e: { code: string; message: string }) => e.code === 'TOO_LARGE' && /zip bomb/.test(e.message),
  );
  const many = Array.from({ length: 50_001 }, (_, i) => entry(`p${i}`, 1, 1));
  assert.throws(
    () => checkPackageLimits(many, limits, 'DOCX'),
    (e: { code: string }) => e.code === 'TOO_LARGE',
  );
  assert.throws(
    () => checkPackageLimits([{ ...entry('a.xml', 1, 1), encrypted: true }], limits, 'DOCX'),
    (e: { code: string }) => e.code === 'ENCRYPTED',
  );
});
