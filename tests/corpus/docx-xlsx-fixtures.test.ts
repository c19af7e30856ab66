// The generated fixtures' DOCX and XLSX against their exact expected text (the generator's
// convention: one paragraph, list item or table row per line, cells tab-separated, a workbook as
// sheet name then rows). The committed sample always runs; the 100-file batch runs when it has
// been generated (`npm run fixtures`), and is not generated here.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Block } from '../../src/shared/model';
import { defaultExtractOptions } from '../../src/shared/options';
import { extractFile } from '../../src/workers/extractors/extract-file';
import { projectRoot, sampleDir } from '../support/paths';
import { characterErrorRate, wordRecall } from '../support/text-compare';

const ctx = { options: defaultExtractOptions };
/** Edit distance is quadratic; above this the comparison is by words (order-insensitive). */
const CER_MAX_CHARS = 60_000;

/** The labelled page headers and footers of a DOCX: page furniture, not in the expected body. */
const PAGE_MARGIN = /^\[(?:Header|Footer)(?:, [a-z ]+)?\]: /;

/** Text in the generator's convention; a header row repeated on continuation tables counts once. */
function officeText(blocks: Block[]): string {
  const lines: string[] = [];
  let sheet: string | undefined;
  let tablesInSheet = 0;
  for (const block of blocks) {
    if (block.type === 'sheet') {
      lines.push(block.name);
      sheet = block.name;
      tablesInSheet = 0;
    } else if (block.type === 'table') {
      const continuation = sheet !== undefined && tablesInSheet++ > 0 && block.header;
      lines.push(...(continuation ? block.rows.slice(1) : block.rows).map((r) => r.join('\t')));
    } else if ('text' in block && !(block.type === 'paragraph' && PAGE_MARGIN.test(block.text))) {
      lines.push(block.text);
    }
  }
  return lines.join('\n');
}

async function check(dir: string, expectedDir: string, names: string[]): Promise<string[]> {
  const report: string[] = [];
  for (const name of names) {
    const expected = readFileSync(path.join(expectedDir, `${name}.txt`), 'utf8');
    const doc = await extractFile(path.join(dir, name), ctx);
    const actual = officeText(doc.blocks);
    if (expected.length <= CER_MAX_CHARS) {
      const cer = characterErrorRate(expected, actual);
      report.push(`${name}\tCER ${(cer * 100).toFixed(2)}%`);
      assert.ok(cer < 0.01, `${name}: CER ${(cer * 100).toFixed(2)}%`);
    } else {
      const recall = wordRecall(expected, actual);
      const extra = wordRecall(actual, expected);
      report.push(
        `${name}\twords found ${(recall * 100).toFixed(2)}%, extra ${((1 - extra) * 100).toFixed(2)}%`,
      );
      assert.ok(recall > 0.999 && extra > 0.999, name);
    }
  }
  return report;
}

const officeNames = (dir: string) =>
  readdirSync(dir)
    .filter((n) => /^(?!bad-).*\.(docx|xlsx)$/.test(n))
    .sort();

test('committed sample: DOCX and XLSX match their expected text (CER < 1%)', async () => {
  const names = officeNames(sampleDir);
  assert.ok(names.length >= 2);
  const report = await check(
    sampleDir,
    path.join(projectRoot, 'fixtures', 'sample-expected'),
    names,
  );
  console.log(report.join('\n'));
});

const batchDir = path.join(projectRoot, 'fixtures', 'generated', 'batch');
const batchExpected = path.join(projectRoot, 'fixtures', 'generated', 'expected');
const batchSkip = existsSync(path.join(batchExpected, 'manifest.json'))
  ? false
  : 'generated batch absent (npm run fixtures): skipped';

/** The 50,000-row ledger takes most of a minute on a busy 2-core machine: the bench covers it. */
const MAX_ROWS_IN_UNIT_TEST = 10_000;

test('generated batch: DOCX and XLSX match their expected text', { skip: batchSkip }, async () => {
  const manifest = JSON.parse(readFileSync(path.join(batchExpected, 'manifest.json'), 'utf8')) as {
    files: Array<{ name: string; rows?: number }>;
  };
  const tooLong = new Set(
    manifest.files.filter((f) => (f.rows ?? 0) > MAX_ROWS_IN_UNIT_TEST).map((f) => f.name),
  );
  const names = officeNames(batchDir).filter((n) => !tooLong.has(n));
  assert.ok(names.length >= 29, `${names.length} files`);
  const report = await check(batchDir, batchExpected, names);
  console.log([...report, ...[...tooLong].map((n) => `${n}\tskipped here (bench)`)].join('\n'));
});
