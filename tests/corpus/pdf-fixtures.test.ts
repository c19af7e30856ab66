// Born-digital PDFs of the generated fixtures against their exact expected text, through the
// extractor and normalization (which joins hyphenated words and lifts running headers and
// footers: the expected text has neither). Issue target: CER under 1%. The committed sample
// always runs; the 100-file batch runs when it has been generated (`npm run fixtures`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ExtractedDocument } from '../../src/shared/model';
import { defaultExtractOptions } from '../../src/shared/options';
import { extractFile } from '../../src/workers/extractors/extract-file';
import { normalizeDocument } from '../../src/workers/normalize/normalize-document';
import { projectRoot, sampleDir } from '../support/paths';
import { characterErrorRate, wordRecall } from '../support/text-compare';

interface Entry {
  name: string;
  kind: string;
  features: string[];
  expectedText?: string;
}

/** Edit distance is quadratic (a 64-page text takes seconds); above this, compare words. */
const CER_MAX_CHARS = 60_000;
const options = { ...defaultExtractOptions, ocr: { ...defaultExtractOptions.ocr, enabled: false } };

/** The generator's convention: one block per line, blank lines between blocks. */
function plainText(doc: ExtractedDocument): string {
  return doc.blocks
    .map((b) =>
      'text' in b ? b.text : b.type === 'table' ? b.rows.map((r) => r.join('\t')).join('\n') : '',
    )
    .filter((t) => t.length > 0)
    .join('\n\n');
}

function textPdfs(expectedDir: string): Entry[] {
  const manifest = JSON.parse(readFileSync(path.join(expectedDir, 'manifest.json'), 'utf8')) as {
    files: Entry[];
  };
  return manifest.files.filter((f) => f.kind === 'pdf-text' && f.expectedText);
}

async function check(dir: string, expectedDir: string): Promise<void> {
  const files = textPdfs(expectedDir);
  assert.ok(files.length > 0, `no born-digital PDFs listed in ${expectedDir}`);
  for (const file of files) {
    const expected = readFileSync(path.join(expectedDir, file.expectedText ?? ''), 'utf8');
    const raw = await extractFile(path.join(dir, file.name), { options });
    const normalized = plainText(normalizeDocument(raw));
    // Before normalization only hyphen breaks and running headers differ: words are all there.
    const recall = wordRecall(expected, plainText(raw));
    let figure: string;
    if (expected.length <= CER_MAX_CHARS) {
      const cer = characterErrorRate(expected, normalized);
      figure = `CER ${(cer * 100).toFixed(2)}%`;
      assert.ok(cer < 0.01, `${file.name}: CER ${(cer * 100).toFixed(2)}%`);
    } else {
      const found = wordRecall(expected, normalized);
      const extra = 1 - wordRecall(normalized, expected);
      figure = `words found ${(found * 100).toFixed(2)}%, extra ${(extra * 100).toFixed(2)}%`;
      assert.ok(found > 0.999 && extra < 0.001, `${file.name}: ${figure}`);
    }
    console.log(
      `[pdf fixture] ${file.name.padEnd(44)} ${figure}  raw recall ${(recall * 100).toFixed(1)}%  ${file.features.join(',')}`,
    );
    assert.ok(recall > 0.97, `${file.name}: raw recall ${(recall * 100).toFixed(1)}%`);
  }
}

test('committed sample PDFs (two columns, running header and footer) match their text', async () => {
  await check(sampleDir, path.join(projectRoot, 'fixtures', 'sample-expected'));
});

const batch = path.join(projectRoot, 'fixtures', 'generated');
test(
  'generated batch: every born-digital PDF matches its text',
  {
    skip: existsSync(path.join(batch, 'expected', 'manifest.json'))
      ? false
      : 'fixtures/generated not generated (npm run fixtures): batch check skipped',
  },
  async () => {
    await check(path.join(batch, 'batch'), path.join(batch, 'expected'));
  },
);
