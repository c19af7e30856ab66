import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { defaultExtractOptions } from '../../../../src/shared/options';
import { ENGINE_VERSION } from '../../../../src/shared/version';
import {
  cacheKey,
  isCacheable,
  OutputCache,
  outputSettings,
} from '../../../../src/workers/output/cache';
import { writeFileAtomic } from '../../../../src/shared/atomic-file';

const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-cache-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the key changes with the file, the engine settings and the password, not with the folder', () => {
  const base = outputSettings(defaultExtractOptions, 'md', undefined);
  assert.match(base, new RegExp(ENGINE_VERSION.replace(/\./g, '\\.')));
  const key = cacheKey('a'.repeat(64), base);
  assert.equal(
    key,
    cacheKey('a'.repeat(64), outputSettings(defaultExtractOptions, 'md', undefined)),
  );
  assert.notEqual(key, cacheKey('b'.repeat(64), base));
  assert.notEqual(
    key,
    cacheKey('a'.repeat(64), outputSettings(defaultExtractOptions, 'json', undefined)),
  );
  const noOcr = { ...defaultExtractOptions, ocr: { ...defaultExtractOptions.ocr, enabled: false } };
  assert.notEqual(key, cacheKey('a'.repeat(64), outputSettings(noOcr, 'md', undefined)));
  // Review marks shown or not changes a DOCX's text.
  const noMarks = { ...defaultExtractOptions, docx: { reviewMarks: false } };
  assert.notEqual(key, cacheKey('a'.repeat(64), outputSettings(noMarks, 'md', undefined)));
  // Displayed or raw cell values changes an XLSX's text.
  const raw = {
    ...defaultExtractOptions,
    excel: { ...defaultExtractOptions.excel, values: 'raw' as const },
  };
  assert.notEqual(key, cacheKey('a'.repeat(64), outputSettings(raw, 'md', undefined)));
  const withPassword = outputSettings(defaultExtractOptions, 'md', 'secret');
  assert.notEqual(key, cacheKey('a'.repeat(64), withPassword));
  assert.notEqual(withPassword, outputSettings(defaultExtractOptions, 'md', 'other'));
  assert.ok(!withPassword.includes('secret'), 'the password itself is never stored');
  // Throughput knobs do not change output.
  const streaming = { ...defaultExtractOptions, pdf: { streamingPageThreshold: 5 } };
  assert.equal(base, outputSettings(streaming, 'md', undefined));
});

test('only outcomes that depend on the bytes are cacheable', () => {
  assert.ok(isCacheable({ kind: 'pdf', status: 'ok' }));
  assert.ok(isCacheable({ kind: 'pdf', status: 'partial', code: 'OCR_LOW_CONFIDENCE' }));
  assert.ok(isCacheable({ kind: 'pdf', status: 'failed', code: 'ENCRYPTED' }));
  for (const code of [
    'TIMEOUT',
    'WORKER_CRASH',
    'OUT_OF_MEMORY',
    'INTERNAL',
    'UNREADABLE',
  ] as const) {
    assert.ok(!isCacheable({ kind: 'pdf', status: 'failed', code }), code);
  }
  assert.ok(!isCacheable({ kind: 'pdf', status: 'skipped', code: 'CANCELLED' }));
});

test('an entry counts only once its meta is written, and needs its content', async () => {
  const cache = new OutputCache(dir);
  const key = cacheKey('c'.repeat(64), 'settings');
  assert.equal(await cache.lookup(key, 'md'), undefined);
  await writeFileAtomic(cache.contentPath(key, 'md'), '# hello\n');
  assert.equal(await cache.lookup(key, 'md'), undefined, 'content without meta is not an entry');
  await cache.remember(key, { kind: 'docx', status: 'ok', chars: 5 });
  const hit = await cache.lookup(key, 'md');
  assert.equal(hit?.outcome.chars, 5);
  assert.equal(hit?.contentPath, cache.contentPath(key, 'md'));
  assert.equal(await cache.lookup(key, 'json'), undefined, 'other format: no content, no hit');
  const failedKey = cacheKey('d'.repeat(64), 'settings');
  await cache.remember(failedKey, {
    kind: 'pdf',
    status: 'failed',
    code: 'CORRUPT',
    message: 'bad',
  });
  assert.equal((await cache.lookup(failedKey, 'md'))?.outcome.code, 'CORRUPT');
  const transientKey = cacheKey('e'.repeat(64), 'settings');
  await cache.remember(transientKey, { kind: 'pdf', status: 'failed', code: 'TIMEOUT' });
  assert.equal(await cache.lookup(transientKey, 'md'), undefined);
});
