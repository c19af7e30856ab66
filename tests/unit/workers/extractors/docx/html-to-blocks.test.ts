// mammoth's HTML into Folio blocks: headings, lists, tables with spans, footnotes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToBlocks } from '../../../../../src/workers/extractors/docx/html-to-blocks';
import { blockTexts } from '../../../../support/block-texts';

test('headings, paragraphs and nested lists keep their level and depth', () => {
  const { blocks } = htmlToBlocks(
    '<h1>Title</h1><p>One &amp; two<br />three</p><ul><li>a<ul><li>a.1</li></ul></li><li>b</li></ul><ol><li>first</li></ol><h3>Sub</h3>',
  );
  assert.deepEqual(blocks, [
    { type: 'heading', level: 1, text: 'Title', prov: { paragraph: 0 } },
    { type: 'paragraph', text: 'One & two\nthree', prov: { paragraph: 1 } },
    { type: 'listItem', text: 'a', ordered: false, depth: 0, prov: { paragraph: 2 } },
    { type: 'listItem', text: 'a.1', ordered: false, depth: 1, prov: { paragraph: 3 } },
    { type: 'listItem', text: 'b', ordered: false, depth: 0, prov: { paragraph: 4 } },
    { type: 'listItem', text: 'first', ordered: true, depth: 0, prov: { paragraph: 5 } },
    { type: 'heading', level: 3, text: 'Sub', prov: { paragraph: 6 } },
  ]);
});

test('tables: spans are laid on a grid with the text once; th or all-bold first rows are headers', () => {
  const spans = htmlToBlocks(
    '<table><tr><th>H1</th><th>H2</th><th>H3</th></tr><tr><td colspan="2"><p>wide</p></td><td rowspan="2">tall</td></tr><tr><td>x</td><td><p>y</p><p>z</p></td></tr></table>',
  ).blocks[0];
  const one = (row: number, col: number, rowSpan = 1, colSpan = 1) => ({
    row,
    col,
    rowSpan,
    colSpan,
  });
  assert.deepEqual(spans, {
    type: 'table',
    rows: [
      ['H1', 'H2', 'H3'],
      ['wide', '', 'tall'],
      ['x', 'y z', ''],
    ],
    header: true,
    headerRows: 1,
    // The renderer repeats a span's text from these; the text itself is in `rows` once.
    cells: [
      one(0, 0),
      one(0, 1),
      one(0, 2),
      one(1, 0, 1, 2),
      one(1, 2, 2, 1),
      one(2, 0),
      one(2, 1),
    ],
    prov: { paragraph: 0 },
  });
  const bold = htmlToBlocks(
    '<table><tr><td><p><strong>Name</strong></p></td><td><strong>Qty</strong></td></tr><tr><td>a</td><td>1</td></tr></table>',
  ).blocks[0];
  assert.equal(bold?.type === 'table' && bold.header, true);
  const plain = htmlToBlocks(
    '<table><tr><td>Name</td><td><strong>Qty</strong></td></tr><tr><td>a</td><td>1</td></tr></table>',
  ).blocks[0];
  assert.equal(plain?.type === 'table' && plain.header, false);
});

test('footnotes are labelled, back-links dropped, images counted but not written', () => {
  const result = htmlToBlocks(
    '<p>Claim<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> <img src="" alt="logo" /></p><ol><li id="footnote-1"><p>Source: annual report. <a href="#footnote-ref-1">↑</a></p></li><li id="endnote-2"><p>End.</p></li></ol>',
  );
  assert.deepEqual(blockTexts(result.blocks), [
    'Claim[1]',
    'Footnote 1: Source: annual report.',
    'Endnote 2: End.',
  ]);
  assert.equal(result.images, 1);
  assert.equal(result.footnotes, 2);
});

test('a note is numbered as its reference in the text, not by its id in the part', () => {
  // mammoth numbers references in order ([1], [2]) but ids the notes by the part's w:id.
  const result = htmlToBlocks(
    '<p>A<sup><a href="#footnote-7" id="footnote-ref-7">[1]</a></sup> B<sup><a href="#endnote-2" id="endnote-ref-2">[2]</a></sup> C<sup><a href="#footnote-3" id="footnote-ref-3">[3]</a></sup></p><ol><li id="footnote-7"><p>Seven. <a href="#footnote-ref-7">↑</a></p></li><li id="footnote-3"><p>Three.</p></li></ol><ol><li id="endnote-2"><p>Two.</p></li></ol>',
  );
  assert.deepEqual(blockTexts(result.blocks), [
    'A[1] B[2] C[3]',
    'Footnote 1: Seven.',
    'Footnote 3: Three.',
    'Endnote 2: Two.',
  ]);
});

test('a nested table stays in its cell row by row; a one-cell frame is read as blocks', () => {
  const nested = htmlToBlocks(
    '<table><tr><td>Item</td><td>Detail</td></tr><tr><td>Fees</td><td><p>Split:</p><table><tr><td>Q1</td><td>10</td></tr><tr><td>Q2</td><td>20</td></tr></table></td></tr></table>',
  ).blocks;
  assert.deepEqual(nested.length === 1 && nested[0]?.type === 'table' && nested[0].rows, [
    ['Item', 'Detail'],
    ['Fees', 'Split: Q1 | 10\nQ2 | 20'],
  ]);
  const framed = htmlToBlocks(
    '<table><tr><td><ul><li>one</li></ul><table><tr><td>A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table><p>after</p>',
  ).blocks;
  assert.deepEqual(
    framed.map((b) =>
      b.type === 'table'
        ? b.rows
        : b.type === 'listItem'
          ? `- ${b.text}`
          : b.type === 'paragraph'
            ? b.text
            : b.type,
    ),
    [
      '- one',
      [
        ['A', 'B'],
        ['1', '2'],
      ],
      'after',
    ],
  );
  // The frame is one table in Word's count: its content shares its number.
  assert.deepEqual(
    framed.map((b) => b.prov.paragraph),
    [0, 0, 1],
  );
});

test('a comment shown after its paragraph shares its number and shifts no later one', () => {
  const { blocks } = htmlToBlocks(
    '<p>Fee: $5,000</p><p>[Comment by Ann, 2024-03-05 on “Fee”]: Agreed?</p><p>Next</p>',
  );
  assert.deepEqual(
    blocks.map((b) => b.prov.paragraph),
    [0, 0, 1],
  );
});
