import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Block } from '../../../../src/shared/model';
import {
  displayText,
  extractRunningText,
  runningTextKey,
} from '../../../../src/workers/normalize/running-headers';
import { realCorpusDir, realCorpusSkip } from '../../../support/paths';

const para = (page: number, text: string): Block => ({ type: 'paragraph', text, prov: { page } });
const brk = (page: number): Block => ({ type: 'pageBreak', page, prov: { page } });

/** A report of `pages` pages with a header, a page-number footer and two body paragraphs each. */
function report(pages: number): Block[] {
  const blocks: Block[] = [];
  for (let p = 1; p <= pages; p++) {
    blocks.push(
      brk(p),
      para(p, 'ACME Corp — Confidential'),
      // Templated body text whose numbers do not follow the page: content, not a header.
      para(p, `Account ${4400 + p * p} findings on the audit of ledger ${p * 7}.`),
      para(p, `The reviewer noted ${(p * 5) % 7} exceptions in the sample.`),
      para(p, `Page ${p} of ${pages}`),
    );
  }
  return blocks;
}

test('the key ignores case, spacing and page numbers', () => {
  assert.equal(runningTextKey('Page 3 of 10'), runningTextKey('page 4 of  10'));
  assert.equal(
    runningTextKey('47699Federal Register / Vol. 85'),
    runningTextKey('47700 Federal Register / Vol. 85'),
  );
  assert.equal(runningTextKey('© IBM Corp. 2014. iii'), runningTextKey('© IBM Corp. 2014. xi'));
});

test('display text keeps the numbers common to every occurrence', () => {
  assert.equal(displayText(['Page 3 of 10', 'Page 4 of 10', 'Page 5 of 10']), 'Page # of 10');
  assert.equal(displayText(['Draft v2', 'Draft v2']), 'Draft v2');
});

test('headers and footers repeated on every page move to metadata, body stays', () => {
  const { blocks, headers, footers } = extractRunningText(report(5));
  assert.deepEqual(headers, ['ACME Corp — Confidential']);
  assert.deepEqual(footers, ['Page # of 5']);
  const texts = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  assert.equal(texts.length, 10);
  assert.ok(texts.every((t) => !t.startsWith('ACME') && !t.startsWith('Page ')));
  assert.equal(blocks.filter((b) => b.type === 'pageBreak').length, 5, 'page breaks are kept');
});

test('fewer than 3 pages: nothing is treated as running text', () => {
  const { blocks, headers, footers } = extractRunningText(report(2));
  assert.equal(blocks.length, report(2).length);
  assert.deepEqual([headers, footers], [[], []]);
});

test('text repeated on fewer than half of the pages stays in the body', () => {
  const blocks = report(8).filter(
    (b) => !(b.type === 'paragraph' && b.text.startsWith('ACME') && (b.prov.page ?? 0) > 3),
  );
  assert.deepEqual(extractRunningText(blocks).headers, []);
});

test('pages that repeat all their text (the same scan on every page) keep it in the body', () => {
  const blocks: Block[] = [];
  for (let p = 1; p <= 4; p++) {
    blocks.push(brk(p), para(p, 'Invoice 2291 received'), para(p, 'Total due 1,250.00 EUR'));
  }
  const result = extractRunningText(blocks);
  assert.deepEqual([result.headers, result.footers], [[], []]);
  assert.equal(result.blocks.length, blocks.length);
});

test('a header on odd pages only (left/right alternation) is still found', () => {
  const blocks = report(9).filter(
    (b) => !(b.type === 'paragraph' && b.text.startsWith('ACME') && (b.prov.page ?? 0) % 2 === 1),
  );
  assert.deepEqual(extractRunningText(blocks).headers, ['ACME Corp — Confidential']);
});

test('a column of dates at the top of each page is content, not a header', () => {
  const blocks: Block[] = [];
  const staff = [66, 113, 65, 39, 202, 18];
  for (let p = 1; p <= 6; p++) {
    blocks.push(para(p, `0${p}/17/2015`), para(p, `Boeing Company Long Beach ${staff[p - 1]}`));
  }
  assert.equal(extractRunningText(blocks).blocks.length, 12);
});

test('book headers carrying the page number and the section name are found', () => {
  const sections = ['1.2. METRISCHE RÄUME', '1.3. STETIGKEIT'];
  const blocks: Block[] = [];
  for (let p = 10; p <= 15; p++) {
    blocks.push(para(p, `${p - 3} ${sections[p < 12 ? 0 : 1]}`), para(p, `Satz ${p * p}: Text.`));
  }
  blocks.push(para(16, '1 Topologische Grundbegriffe'), para(16, 'Definition 1'));
  const { headers, blocks: body } = extractRunningText(blocks);
  assert.deepEqual(headers, ['# 1.2. METRISCHE RÄUME', '# 1.3. STETIGKEIT']);
  assert.ok(body.some((b) => b.type === 'paragraph' && b.text === '1 Topologische Grundbegriffe'));
});

/** One paragraph block per text line of each page, straight from pdfjs. */
async function linesAsBlocks(file: string, maxPages = Infinity): Promise<Block[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(readFileSync(file));
  const doc = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  const blocks: Block[] = [];
  try {
    for (let p = 1; p <= Math.min(doc.numPages, maxPages); p++) {
      const page = await doc.getPage(p);
      blocks.push(brk(p));
      let line = '';
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL && line.trim()) blocks.push(para(p, line.trim()));
        if (item.hasEOL) line = '';
      }
      if (line.trim()) blocks.push(para(p, line.trim()));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return blocks;
}

test(
  'real PDF: the Federal Register masthead and the print-office footer are found',
  { skip: realCorpusSkip },
  async () => {
    const file = path.join(realCorpusDir, 'pdfplumber__federal-register-2020-17221.pdf');
    const blocks = await linesAsBlocks(file);
    const result = extractRunningText(blocks);
    assert.deepEqual(result.headers, [
      '#Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020 / Proposed Rules',
    ]);
    assert.deepEqual(result.footers, ['jbell on DSKJLSW7X2PROD with PROPOSALS']);
    // 14 mastheads (page 1 has none) + 15 footers, and nothing else.
    assert.equal(blocks.length - result.blocks.length, 29);
    const body = result.blocks.map((b) => (b.type === 'paragraph' ? b.text : '')).join('\n');
    assert.match(body, /This section of the FEDERAL REGISTER/);
    assert.doesNotMatch(body, /Federal Register \/ Vol\. 85/);
  },
);

test(
  'real PDF: a German script (first 40 of 117 pages) loses its section running heads, keeps its headings',
  { skip: realCorpusSkip },
  async () => {
    const file = path.join(realCorpusDir, 'pypdf-samples__GeoTopo-komprimiert.pdf');
    const blocks = await linesAsBlocks(file, 40);
    const result = extractRunningText(blocks);
    assert.ok(result.headers.includes('# 1.2. METRISCHE RÄUME'), result.headers.join(' | '));
    const body = result.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    assert.ok(!body.includes('7 1.2. METRISCHE RÄUME'));
    assert.ok(body.includes('1 Topologische Grundbegriffe'), 'the chapter heading stays');
  },
);
