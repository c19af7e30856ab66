// Bench (not a test): CER and word recall of Folio's Markdown on the standard batch's 25 scans
// and images (in process, defaults, English), and the tables it found: the no-regression check
// of issue 12 on worn scans. Needs the batch (`npm run fixtures`).
//   node --import tsx scripts/score-batch-scans.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FixtureManifest } from './fixtures/manifest';
import { defaultExtractOptions } from '../src/shared/options';
import { extractFile } from '../src/workers/extractors/extract-file';
import { normalizeDocument } from '../src/workers/normalize/normalize-document';
import { createOcrService } from '../src/workers/ocr/ocr-service';
import { renderMarkdown } from '../src/workers/render/markdown';
import { characterErrorRate, wordRecall } from '../tests/support/text-compare';

const generated = path.resolve(import.meta.dirname, '..', 'fixtures', 'generated');
const pct = (v: number): string => (v * 100).toFixed(2).padStart(6);

async function main(): Promise<void> {
  const manifest = JSON.parse(
    readFileSync(path.join(generated, 'expected', 'manifest.json'), 'utf8'),
  ) as FixtureManifest;
  const ocr = createOcrService({ languages: ['eng'] });
  let cer = 0;
  let recall = 0;
  let tables = 0;
  const files = manifest.files.filter((f) => f.kind === 'pdf-scanned' || f.kind === 'image');
  try {
    for (const f of files) {
      const expected = readFileSync(path.join(generated, 'expected', f.expectedText ?? ''), 'utf8');
      const doc = normalizeDocument(
        await extractFile(path.join(generated, 'batch', f.name), {
          options: defaultExtractOptions,
          ocr,
        }),
      );
      const markdown = renderMarkdown(doc);
      const found = doc.blocks.filter((b) => b.type === 'table').length;
      const c = characterErrorRate(expected, markdown);
      const r = wordRecall(expected, markdown);
      cer += c;
      recall += r;
      tables += found;
      console.log(`${f.name.padEnd(44)} CER ${pct(c)}%  recall ${pct(r)}%  tables ${found}`);
    }
  } finally {
    await ocr.terminate();
  }
  const n = Math.max(1, files.length);
  console.log(
    JSON.stringify({ files: files.length, meanCer: cer / n, meanRecall: recall / n, tables }),
  );
}

void main();
