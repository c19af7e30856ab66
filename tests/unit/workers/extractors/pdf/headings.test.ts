// Headings from font size and weight relative to body text (issue 12), through the page layout:
// what becomes a heading, and the body text, table rows and numbers that must not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LayoutBlock } from '../../../../../src/workers/extractors/pdf/paragraphs';
import { placeItems, type PdfTextItem } from '../../../../../src/workers/extractors/pdf/text-items';
import { FontSizeStats, layoutPage } from '../../../../../src/workers/extractors/pdf/text-layout';
import { item, UPRIGHT } from '../../../../support/pdf-text-items';

const BOLD = 'bold-font';
const bold = (i: PdfTextItem): PdfTextItem => ({ ...i, fontName: BOLD });
/** A body line that fills the column (90 characters at 0.5 em, from x 72 to 522). */
const LINE =
  'Body text of the report runs on across the full measure of its column as prose does here.';
const body = (y: number, text = LINE): PdfTextItem => item(text, 72, y);

function layout(items: PdfTextItem[]): LayoutBlock[] {
  const groups = placeItems(items, UPRIGHT, (id) => id === BOLD);
  const stats = new FontSizeStats();
  stats.add(groups);
  return layoutPage(groups, { bodySize: stats.bodySize() });
}

const headings = (blocks: LayoutBlock[]): string[] =>
  blocks.filter((b) => b.type === 'heading').map((b) => b.text);

describe('headings by size and weight', () => {
  test('a page all in one size and weight has no headings, even its short lines', () => {
    const blocks = layout([
      item('Introduction', 72, 720),
      body(690),
      body(678),
      item('Short closing line.', 72, 666),
      item('Signed', 72, 630),
    ]);
    assert.deepEqual(headings(blocks), []);
  });

  test('clearly larger text above the body is a heading; a wrapped title is one heading', () => {
    const blocks = layout([
      item('Annual Review of the', 72, 740, 20),
      item('Northern Region', 72, 716, 20),
      body(680),
      body(668),
      body(656),
    ]);
    assert.deepEqual(headings(blocks), ['Annual Review of the Northern Region']);
    assert.equal(blocks.length, 2);
  });

  test('a short bold line at body size, standing alone, is a heading; its body is not', () => {
    const blocks = layout([
      ...[720, 708, 696].map((y) => body(y)),
      bold(item('Scope of Work', 72, 672)),
      ...[654, 642, 630].map((y) => body(y)),
    ]);
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['paragraph', 'heading', 'paragraph'],
    );
    assert.deepEqual(headings(blocks), ['Scope of Work']);
    const heading = blocks[1];
    assert.ok(heading.type === 'heading' && heading.style.bold);
  });

  test('a bold word inside a paragraph is no heading and does not break the paragraph', () => {
    const blocks = layout([
      body(720),
      item('The', 72, 708),
      bold(item('contractor', 92, 708)),
      item('shall deliver the goods within thirty days of the order date.', 145, 708),
      body(696),
    ]);
    assert.deepEqual(headings(blocks), []);
    assert.equal(blocks.length, 1);
  });

  test('a whole bold line in the middle of a paragraph goes back into it', () => {
    const blocks = layout([body(720), bold(item('Strong Words Here', 72, 708)), body(696)]);
    assert.deepEqual(headings(blocks), []);
    assert.equal(blocks.length, 1);
    assert.match(blocks[0].text, /Strong Words Here/);
  });

  test('a bold table header row is not a heading: its cells are separate runs', () => {
    const blocks = layout([
      body(720),
      body(708),
      bold(item('Item', 72, 680)),
      bold(item('Quantity', 220, 680)),
      bold(item('Amount', 380, 680)),
      item('Paper', 72, 668),
      item('12', 220, 668),
      item('30.00', 380, 668),
    ]);
    assert.deepEqual(headings(blocks), []);
  });

  test('a big number in a table is not a heading', () => {
    const blocks = layout([body(720), body(708), item('1,234,567', 300, 670, 24), body(630)]);
    assert.deepEqual(headings(blocks), []);
  });

  test('a bold label or a bold sentence is body text', () => {
    const blocks = layout([
      body(720),
      bold(item('Note:', 72, 690)),
      body(672),
      bold(item('Payment is due on receipt.', 72, 640)),
      body(622),
    ]);
    assert.deepEqual(headings(blocks), []);
  });

  test('a numbered section title is a heading, not a list item', () => {
    const blocks = layout([item('2.1 Delivery Terms', 72, 720, 13), body(696), body(684)]);
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['heading', 'paragraph'],
    );
    assert.equal(blocks[0].text, '2.1 Delivery Terms');
  });

  test('a section number set apart from its title by a wide gap still makes one heading', () => {
    const blocks = layout([item('3.2', 72, 720, 14), item('Warranty', 110, 720, 14), body(690)]);
    assert.deepEqual(headings(blocks), ['3.2 Warranty']);
  });
});
