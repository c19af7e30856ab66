import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultExtractOptions } from '../../../src/shared/options';
import { jobIdFor, settingsFingerprint } from '../../../src/queue/job-id';

const base = {
  input: '/data/room',
  outDir: '/data/room.folio',
  cacheDir: '/data/room.folio/.folio-cache',
  batch: {
    format: 'md' as const,
    cache: true,
    fileTimeoutSeconds: 60,
    fileTotalCapSeconds: 600,
    memoryLimitMb: 1024,
  },
  extract: defaultExtractOptions,
};

test('the same file, bytes and settings always give the same id', () => {
  const fp = settingsFingerprint(base);
  assert.equal(fp, settingsFingerprint({ ...base, batch: { ...base.batch } }));
  // Key order does not matter.
  const reordered = {
    extract: base.extract,
    batch: base.batch,
    cacheDir: base.cacheDir,
    outDir: base.outDir,
    input: base.input,
  };
  assert.equal(settingsFingerprint(reordered), fp);
  assert.equal(jobIdFor('a/b.pdf', 'abc', fp), jobIdFor('a/b.pdf', 'abc', fp));
  assert.match(jobIdFor('a/b.pdf', 'abc', fp), /^f-[0-9a-f]{40}$/);
});

test('another path, other bytes or other settings give another id', () => {
  const fp = settingsFingerprint(base);
  const id = jobIdFor('a/b.pdf', 'abc', fp);
  assert.notEqual(jobIdFor('a/c.pdf', 'abc', fp), id);
  assert.notEqual(jobIdFor('a/b.pdf', 'abd', fp), id);
  const json = settingsFingerprint({ ...base, batch: { ...base.batch, format: 'json' } });
  assert.notEqual(jobIdFor('a/b.pdf', 'abc', json), id);
  const noOcr = settingsFingerprint({
    ...base,
    extract: { ...base.extract, ocr: { ...base.extract.ocr, enabled: false } },
  });
  assert.notEqual(noOcr, fp);
  assert.notEqual(settingsFingerprint({ ...base, outDir: '/elsewhere' }), fp);
});
