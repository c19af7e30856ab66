// Every DOCX of the real corpus extracts; where Docling's Markdown exists, the words match.
// Docling's output is another tool's rendering, so the comparison is word recall (order- and
// layout-insensitive), with a floor per file where a known, reported difference lowers it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ExtractedDocument } from '../../src/shared/model';
import { defaultExtractOptions } from '../../src/shared/options';
import { extractFile } from '../../src/workers/extractors/extract-file';
import { blockTexts } from '../support/block-texts';
import { realCorpusDir, realCorpusSkip } from '../support/paths';
import { wordRecall } from '../support/text-compare';

const DEFAULT_FLOOR = 0.85;
/** Files below the default floor, each for a reason the output itself reports. */
const FLOORS: Record<string, { floor: number; why: string }> = {
  'docling__drawingml.docx': { floor: 0.2, why: 'GT holds chart data; charts are CONTENT_OMITTED' },
  'docling__equations.docx': { floor: 0.5, why: 'GT holds LaTeX of 27 equations; lossy warning' },
  'docling__table_with_equations.docx': { floor: 0.45, why: 'equations, as above' },
  'docling__unit_test_headers_numbered.docx': {
    floor: 0.7,
    why: "GT carries Word's computed heading numbers (1.2.1), which mammoth does not compute",
  },
  'docling__unit_test_formatting.docx': {
    floor: 0.75,
    why: 'GT writes link targets (https://github.com/…); Folio keeps the link text only',
  },
  'docling__word_tables.docx': {
    floor: 0.8,
    why: 'GT repeats merged-cell text in every covered cell; Folio writes it once',
  },
};

/** Body text plus the header/footer text the extractor keeps in the metadata. */
function documentText(doc: ExtractedDocument): string {
  const parts: string[] = [];
  for (const block of doc.blocks) {
    if ('text' in block) parts.push(block.text);
    else if (block.type === 'table') parts.push(block.rows.map((r) => r.join(' | ')).join('\n'));
  }
  parts.push(...(doc.metadata.runningHeaders ?? []), ...(doc.metadata.runningFooters ?? []));
  return parts.join('\n');
}

interface Row {
  file: string;
  groundTruth: string;
}

function docxRows(): Row[] {
  const manifest = readFileSync(path.join(realCorpusDir, 'manifest.tsv'), 'utf8');
  return manifest
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => cols[1] === 'docx')
    .map((cols) => ({ file: cols[0] as string, groundTruth: cols[7] ?? '' }));
}

test(
  'real DOCX corpus: every file extracts, text matches ground truth',
  { skip: realCorpusSkip },
  async () => {
    const rows = docxRows();
    assert.ok(rows.length >= 20, 'the manifest lists the corpus DOCX files');
    const report: string[] = [];
    for (const { file, groundTruth } of rows) {
      const doc = await extractFile(path.join(realCorpusDir, file), {
        options: defaultExtractOptions,
      });
      assert.equal(doc.source.kind, 'docx', file);
      const status = doc.warnings.some((w) => w.lossy) ? 'partial' : 'ok';
      const text = documentText(doc);
      const gtPath = path.join(realCorpusDir, groundTruth);
      if (groundTruth === '' || !existsSync(gtPath)) {
        report.push(`${file}\t${status}\t${doc.quality.textChars} chars\tno GT`);
        continue;
      }
      const recall = wordRecall(readFileSync(gtPath, 'utf8'), text);
      const floor = FLOORS[file]?.floor ?? DEFAULT_FLOOR;
      report.push(`${file}\t${status}\trecall ${recall.toFixed(3)} (floor ${floor})`);
      assert.ok(recall >= floor, `${file}: word recall ${recall.toFixed(3)} < ${floor}`);
    }
    console.log(report.join('\n'));
  },
);

test(
  'real DOCX corpus: specific content lands in the right blocks',
  { skip: realCorpusSkip },
  async () => {
    const load = (name: string) =>
      extractFile(path.join(realCorpusDir, name), { options: defaultExtractOptions });
    const tables = await load('mammoth__tables.docx');
    assert.deepEqual(
      tables.blocks.map((b) => b.type),
      ['paragraph', 'table', 'paragraph'],
    );
    const table = tables.blocks[1];
    assert.ok(table?.type === 'table');
    assert.deepEqual(table.rows, [
      ['Top left', 'Top right'],
      ['Bottom left', 'Bottom right'],
    ]);

    const lists = await load('docling__docx_lists.docx');
    const nested = lists.blocks.find((b) => b.type === 'listItem' && b.text === 'List item 1.1.1');
    assert.ok(nested?.type === 'listItem' && nested.depth === 2);

    const empty = await load('mammoth__empty.docx');
    assert.equal(empty.quality.textChars, 0);
    assert.equal(empty.warnings.filter((w) => w.lossy).length, 0);

    // Comments follow the paragraph they anchor to, with author, date and the anchored text.
    const comments = blockTexts((await load('docling__docx_comments.docx')).blocks);
    const first = comments.indexOf(
      'This is the first paragraph that has a comment attached to it.',
    );
    assert.equal(
      comments[first + 1],
      '[Comment by John Reviewer, 2026-01-04 on “This is the first paragraph that has a comment attached to it.”]: This is a sample reviewer comment on the first paragraph.',
    );
    assert.equal(comments.filter((t) => t.startsWith('[Comment')).length, 3);

    const margins = blockTexts(
      (await load('docling__docx_page_header_footer_first_page.docx')).blocks,
    );
    assert.deepEqual(margins.slice(0, 2), [
      '[Header, first page]: FIRST PAGE HEADER (page 1 only)',
      '[Header]: REGULAR HEADER (page 2 onward)',
    ]);
    assert.deepEqual(margins.slice(-2), [
      '[Footer, first page]: FIRST PAGE FOOTER (page 1 only)',
      '[Footer]: REGULAR FOOTER (page 2 onward)',
    ]);

    const boxes = blockTexts((await load('docling__textbox.docx')).blocks);
    assert.ok(boxes.includes('[Text box]: Student falls ill'), 'a text box is labelled in place');

    // A one-cell frame around a 3×3 table: the table keeps its rows, not its words in a line.
    const framed = (await load('docling__tablecell.docx')).blocks.filter((b) => b.type === 'table');
    assert.deepEqual(framed.length === 1 && framed[0]?.type === 'table' && framed[0].rows, [
      ['Tab1', 'Tab2', 'Tab3'],
      ['A', 'B', 'C'],
      ['D', 'E', 'F'],
    ]);

    const equations = await load('docling__equations.docx');
    assert.ok(equations.warnings.some((w) => w.lossy && /equations/.test(w.message)));
  },
);
