import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import type { Block } from '../../../../src/shared/model';
import { cleanText } from '../../../../src/workers/normalize/clean-text';
import { renderMarkdown } from '../../../../src/workers/render/markdown';
import { realCorpusDir, realCorpusSkip } from '../../../support/paths';
import { auditPdf, ledgerXlsx } from '../../../support/render-documents';
import { textForCompare } from '../../../support/text-compare';

// markdown-it is the parser behind VS Code's Markdown preview, with HTML enabled as there.
interface MarkdownIt {
  render(src: string): string;
}
const MarkdownItCtor = createRequire(import.meta.url)('markdown-it') as new (options: {
  html: boolean;
}) => MarkdownIt;
const preview = new MarkdownItCtor({ html: true });

const AUDIT_MARKDOWN = `# audit-2023.pdf

> PDF · 3 pages · OCR on 1 page, mean confidence 91%
>
> Title: Audit report 2023 · Author: J. Smith · Created: 2023-04-05
>
> Running headers (moved out of the text): “ACME Corp — Confidential”
>
> Running footers (moved out of the text): “Page # of 3”, “- # -” (page numbers)
>
> Warning (CONTENT_OMITTED): Comments are not included.

<!-- page 1 -->

## Findings

\\# of items: 12 * 3 = 36; see file_name_v2 and \\*draft\\* notes.

1. First finding
   - Sub point
2. Second finding

<!-- page 2 -->

_Table 1: Costs_

| Item                | Amount |
| ------------------- | ------ |
| Fees \\| legal       | 1,200  |
| Travel<br>and meals |        |

<!-- page 3 (OCR, confidence 91%) -->

1\\. This looks like a list but is a sentence.
`;

test('golden: a PDF with headings, lists, a table and an OCR page', () => {
  assert.equal(renderMarkdown(auditPdf()), AUDIT_MARKDOWN);
});

const LEDGER_MARKDOWN = `# ledger.xlsx

> XLSX · 2 sheets (1 hidden)
>
> Warning (HIDDEN_SHEET): Sheet "Raw" is hidden; its content is included.

## Sheet: Summary (A1:C3)

| Account | Q1  | Q2  |
| ------- | --- | --- |
| 4400    | 10  | 20  |
| 4410    | 5   |     |

## Sheet: Raw (B2:C3) (hidden)

| B   | C          |
| --- | ---------- |
| x   | 2024-01-31 |
| y   |            |
`;

test('golden: a workbook with a hidden sheet and a headerless range', () => {
  assert.equal(renderMarkdown(ledgerXlsx()), LEDGER_MARKDOWN);
});

test('the preview shows what the golden Markdown means: no accidental formatting', () => {
  const html = preview.render(AUDIT_MARKDOWN);
  assert.equal(html.match(/<h1>/g)?.length, 1, 'the file name is the only level-1 heading');
  assert.match(html, /<h2>Findings<\/h2>/);
  assert.match(html, /<p># of items: 12 \* 3 = 36; see file_name_v2 and \*draft\* notes.<\/p>/);
  assert.match(html, /<p>1. This looks like a list but is a sentence.<\/p>/);
  assert.match(html, /<td>Fees \| legal<\/td>/);
  assert.match(html, /<ol>\s*<li>First finding\s*<ul>\s*<li>Sub point<\/li>/);
  assert.doesNotMatch(html, /<em>draft/);
});

test('page markers come from page numbers when the extractor emits no page breaks', () => {
  const doc = auditPdf();
  doc.blocks = doc.blocks.filter((b) => b.type !== 'pageBreak');
  const md = renderMarkdown(doc, { frontMatter: false });
  const markers = md.match(/<!-- page [^>]*-->/g);
  assert.deepEqual(markers, [
    '<!-- page 1 -->',
    '<!-- page 2 -->',
    '<!-- page 3 (OCR, confidence 91%) -->',
  ]);
  assert.ok(md.startsWith('<!-- page 1 -->'), 'frontMatter: false renders the body only');
});

test('blank pages still get their marker', () => {
  const doc = auditPdf();
  doc.blocks = [
    ...doc.blocks.slice(0, 6),
    { type: 'pageBreak', page: 2, prov: { page: 2 } },
    { type: 'pageBreak', page: 3, prov: { page: 3 } },
    { type: 'pageBreak', page: 4, prov: { page: 4 } },
    { type: 'paragraph', text: 'Back to text.', prov: { page: 4 } },
  ];
  const md = renderMarkdown(doc, { frontMatter: false });
  assert.match(md, /<!-- page 2 -->\n\n<!-- page 3 \(OCR, confidence 91%\) -->\n\n<!-- page 4 -->/);
});

test('deep and ordered lists nest at the content column of their parent', () => {
  const item = (text: string, depth: number, ordered: boolean): Block => ({
    type: 'listItem',
    text,
    depth,
    ordered,
    prov: {},
  });
  const doc = auditPdf();
  doc.blocks = [
    item('Scope', 0, true),
    item('Entities', 1, true),
    item('ACME Ltd', 2, false),
    item('ACME GmbH', 2, false),
    item('Period', 1, true),
    item('Method', 0, true),
    { type: 'paragraph', text: 'After the list.', prov: {} },
    item('A new list', 0, true),
  ];
  const md = renderMarkdown(doc, { frontMatter: false });
  assert.equal(
    md,
    '1. Scope\n   1. Entities\n      - ACME Ltd\n      - ACME GmbH\n   2. Period\n2. Method\n\nAfter the list.\n\n1. A new list\n',
  );
  const html = preview.render(md);
  assert.equal(html.match(/<ol>/g)?.length, 3);
  assert.equal(html.match(/<ul>/g)?.length, 1);
});

test("the source's own list markers are kept", () => {
  const doc = auditPdf();
  const item = (text: string, marker: string, ordered: boolean, depth = 0): Block => ({
    type: 'listItem',
    text,
    marker,
    depth,
    ordered,
    prov: {},
  });
  doc.blocks = [
    item('Third clause', '3.', true),
    item('Sub-clause', '(a)', true, 1),
    item('Bullet', '•', false, 1),
    item('Fourth clause', '4)', true),
  ];
  const md = renderMarkdown(doc, { frontMatter: false });
  assert.equal(md, '3. Third clause\n   - (a) Sub-clause\n   - Bullet\n4) Fourth clause\n');
});

test('a file name with line breaks or Markdown syntax stays one plain title line', () => {
  const doc = ledgerXlsx();
  doc.source.path = '/in/- draft\nv2 *final*.xlsx';
  assert.equal(renderMarkdown(doc).split('\n')[0], '# \\- draft v2 \\*final\\*.xlsx');
});

test(
  'real transcript: every line survives rendering as plain text in the preview',
  { skip: realCorpusSkip },
  () => {
    // The Supreme Court transcript is full of line starts Markdown would misread:
    // "- - - - x" rules, "v." and numbered lines.
    const gt = readFileSync(
      path.join(realCorpusDir, 'groundtruth', 'pdfplumber__scotus-transcript-p1.pdf.gt.txt'),
      'utf8',
    );
    const lines = gt
      .split('\n')
      .map((l) => cleanText(l.replace(/^\s*\d+\s+/, '')))
      .filter((l) => l.length > 0);
    assert.ok(lines.some((l) => l.startsWith('- - -')));
    const doc = auditPdf();
    doc.blocks = lines.map((text) => ({ type: 'paragraph', text, prov: { page: 1 } }));
    const md = renderMarkdown(doc, { frontMatter: false });
    const html = preview.render(md);
    assert.doesNotMatch(html, /<(ul|ol|h\d|hr|em|strong|code|del|blockquote)\b/);
    const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) =>
      m[1]!
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    );
    assert.deepEqual(paragraphs, lines);
    // The comparison helper other tests use reads the escaped Markdown back to the same words.
    assert.equal(textForCompare(md), lines.join(' '));
  },
);
