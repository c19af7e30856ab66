// The words sidecar: written atomically beside the cache, read back per page, compact, and a
// missing or damaged file is "no words", never an error.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  readPageWords,
  wordsSidecarPath,
  writeWordsSidecar,
} from '../../../../src/workers/output/words-sidecar';

const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-words-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sha = 'ab'.padEnd(64, '0');
const invoice = { text: 'Invoice', confidence: 91, box: [0.1, 0.05, 0.3, 0.08] as const };
const faded = { text: 'tota1', confidence: 42, box: [0.5, 0.6, 0.62, 0.63] as const };

describe('words sidecar', () => {
  test('lives under <cache>/words by content hash', () => {
    assert.equal(wordsSidecarPath(dir, sha), path.join(dir, 'words', 'ab', `${sha}.words.json`));
  });

  test('pages written are read back word for word; other pages have none', async () => {
    const file = wordsSidecarPath(dir, sha);
    await writeWordsSidecar(file, [
      { page: 1, words: [{ ...invoice, box: [...invoice.box] }] },
      { page: 3, words: [{ ...faded, box: [...faded.box] }] },
    ]);
    assert.deepEqual(await readPageWords(file, 1), [{ ...invoice, box: [...invoice.box] }]);
    assert.deepEqual(await readPageWords(file, 3), [{ ...faded, box: [...faded.box] }]);
    assert.equal(await readPageWords(file, 2), undefined);
    // Compact: one array per word, no key names repeated.
    assert.match(readFileSync(file, 'utf8'), /"1":\[\["Invoice",91,0\.1,0\.05,0\.3,0\.08\]\]/);
    // Atomic: no temporary file left beside it.
    assert.deepEqual(readdirSync(path.dirname(file)), [path.basename(file)]);
  });

  test('a missing or damaged sidecar reads as no words', async () => {
    assert.equal(await readPageWords(path.join(dir, 'none.words.json'), 1), undefined);
    const damaged = path.join(dir, 'damaged.words.json');
    writeFileSync(damaged, '{"version":1,"pages":{"1":[["Inv');
    assert.equal(await readPageWords(damaged, 1), undefined);
  });
});
