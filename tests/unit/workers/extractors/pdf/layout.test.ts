// Pure layout: items → reading-order text, without pdfjs. Items are built the way pdfjs reports
// them (text-space → user-space matrices, y up) and pushed through the page viewport transform.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  findGutter,
  readingFlows,
  type Box,
} from '../../../../../src/workers/extractors/pdf/columns';
import {
  blocksOfFlow,
  listMarker,
  type TextLine,
} from '../../../../../src/workers/extractors/pdf/paragraphs';
import {
  placeItems,
  quantizeAngle,
  type PdfTextItem,
} from '../../../../../src/workers/extractors/pdf/text-items';
import { FontSizeStats, layoutPage } from '../../../../../src/workers/extractors/pdf/text-layout';
import {
  groupLines,
  joinItems,
  repairArticle,
  splitFragments,
} from '../../../../../src/workers/extractors/pdf/text-lines';

/** pdfjs's viewport transform at scale 1 for a 612×792 page: flips y. */
const UPRIGHT = [1, 0, 0, -1, 0, 792];
/** The viewport of a page with /Rotate 90 (MediaBox 612×792 shown landscape). */
const ROTATE_90 = [0, 1, 1, 0, 0, 0];

/** A horizontal item: `width` defaults to 0.5 em per character. */
function item(str: string, x: number, y: number, size = 10, width?: number): PdfTextItem {
  return {
    str,
    transform: [size, 0, 0, size, x, y],
    width: width ?? str.length * size * 0.5,
    height: size,
    dir: 'ltr',
  };
}

function pageText(items: PdfTextItem[], viewport = UPRIGHT): string {
  const groups = placeItems(items, viewport);
  const stats = new FontSizeStats();
  stats.add(groups);
  return layoutPage(groups, { bodySize: stats.bodySize() })
    .map((b) => b.text)
    .join('\n\n');
}

describe('placing items', () => {
  test('angles snap to quarter turns', () => {
    assert.equal(quantizeAngle(1, 0), 0);
    assert.equal(quantizeAngle(0, 1), 90);
    assert.equal(quantizeAngle(-1, 0.1), 180);
    assert.equal(quantizeAngle(0.05, -1), 270);
  });

  test('whitespace-only items are dropped and y grows down the page', () => {
    const [group] = placeItems(
      [item('top', 72, 700), item(' ', 90, 700), item('low', 72, 100)],
      UPRIGHT,
    );
    assert.deepEqual(
      group.items.map((i) => i.text),
      ['top', 'low'],
    );
    assert.ok(group.items[0].y < group.items[1].y);
  });

  test('a page with /Rotate 90 reads in the same order as an upright one', () => {
    const items = [item('First line here', 72, 700), item('Second line here', 72, 686)];
    assert.equal(pageText(items, ROTATE_90), 'First line here\nSecond line here');
  });

  test('text drawn at 90° on an upright page (a landscape table) is turned upright', () => {
    // Text running up the page: baseline vector (0, 1) in PDF space; later lines further right.
    const up = (str: string, x: number, y: number): PdfTextItem => ({
      str,
      transform: [0, 10, -10, 0, x, y],
      width: str.length * 5,
      height: 10,
    });
    assert.equal(
      pageText([up('Row two', 100, 72), up('Row one', 86, 72), up('cell', 86, 200)]),
      'Row one cell\nRow two',
    );
  });
});

describe('joining items on a line', () => {
  test('a space goes in for a word gap, none where items abut', () => {
    const [line] = groupLines(
      placeItems([item('Hel', 72, 700), item('lo', 87, 700), item('world', 100, 700)], UPRIGHT)[0]
        .items,
    );
    // "Hel" ends at 87 (abuts "lo"); "lo" ends at 97, 3 pt (0.3 em) before "world".
    assert.equal(joinItems(line, false), 'Hello world');
  });

  test('a faked-bold duplicate run is read once', () => {
    const [line] = groupLines(
      placeItems([item('Bold', 72, 700), item('Bold', 72.4, 700)], UPRIGHT)[0].items,
    );
    const [fragment] = splitFragments(line);
    assert.equal(joinItems(fragment.items, false), 'Bold');
  });

  test('right-to-left runs are read from the right, with a space where the script changes', () => {
    const rtl = (str: string, x: number, width: number): PdfTextItem => ({
      ...item(str, x, 700, 12, width),
      dir: 'rtl',
    });
    // Visual order, left to right: "Python" then "و", abutting, in a right-to-left line.
    const items = [item('Python', 223.85, 700, 12, 41.24), rtl('و', 265.09, 6.12)];
    const [line] = groupLines(placeItems(items, UPRIGHT)[0].items);
    assert.equal(joinItems(line, true), 'و Python');
  });

  test('the reversed lam-alef of the Arabic article is repaired, real alef-lam is kept', () => {
    assert.equal(repairArticle('اإلنتاجية'), 'الإنتاجية');
    assert.equal(repairArticle('عالم'), 'عالم');
  });

  test('superscripts stay on their line; the next line starts a new one', () => {
    const lines = groupLines(
      placeItems(
        [item('E = mc', 72, 700), item('2', 102, 703.5, 6), item('Next', 72, 686)],
        UPRIGHT,
      )[0].items,
    );
    assert.equal(lines.length, 2);
    assert.equal(joinItems(lines[0], false), 'E = mc2');
  });
});

describe('columns', () => {
  /** Two justified columns (72–300 and 310–540, a 1 em gutter as LaTeX makes) under a title. */
  function twoColumnPage(): PdfTextItem[] {
    const items = [item('A Title Across Both Columns', 200, 740, 16, 210)];
    for (let i = 0; i < 12; i++) {
      items.push(item(`left line ${i} of the first column text`, 72, 700 - 12 * i, 10, 228));
      items.push(item(`right line ${i} of the second column text`, 310, 700 - 12 * i, 10, 230));
    }
    return items;
  }

  test('a 1 em gutter between prose columns is found', () => {
    const groups = placeItems(twoColumnPage(), UPRIGHT);
    const fragments = groupLines(groups[0].items).flatMap(splitFragments);
    const gutter = findGutter(fragments);
    assert.ok(gutter, 'gutter expected');
    assert.ok(gutter.x0 >= 299 && gutter.x1 <= 311, JSON.stringify(gutter));
  });

  test('two columns are read one after the other, the spanning title first', () => {
    const text = pageText(twoColumnPage());
    const title = text.indexOf('A Title');
    const leftEnd = text.indexOf('left line 11');
    const rightStart = text.indexOf('right line 0');
    assert.ok(title === 0, text.slice(0, 80));
    assert.ok(leftEnd > 0 && rightStart > leftEnd, 'left column must end before the right starts');
  });

  test('ragged columns with a page number in the gutter are still two columns', () => {
    const items: PdfTextItem[] = [];
    for (let i = 0; i < 16; i++) {
      // Left lines end anywhere from 230 to 293; the right column starts at 318.
      items.push(item(`left ragged ${i} words here`, 72, 700 - 14 * i, 11, 158 + ((i * 37) % 64)));
      items.push(
        item(`right ragged ${i} words here`, 318, 700 - 14 * i, 11, 150 + ((i * 23) % 70)),
      );
    }
    items.push(item('7', 302, 60, 11, 6));
    const text = pageText(items);
    assert.ok(text.indexOf('left ragged 15') < text.indexOf('right ragged 0'), text.slice(0, 200));
  });

  test('a table whose cells leave the columns mostly blank is read row by row', () => {
    const items: PdfTextItem[] = [];
    for (let i = 0; i < 10; i++) {
      items.push(item(`Item ${i}`, 72, 700 - 14 * i, 10, 35));
      items.push(item(`${100 + i}.00`, 400, 700 - 14 * i, 10, 30));
    }
    const text = pageText(items);
    assert.match(text, /Item 0 100\.00\nItem 1 101\.00/);
  });

  test('no gutter in plain single-column prose', () => {
    const boxes: Box[] = Array.from({ length: 20 }, (_, i) => ({
      x0: 72,
      x1: 540 - (i % 3) * 20,
      y: 100 + 12 * i,
      size: 10,
    }));
    assert.equal(findGutter(boxes), null);
    assert.equal(readingFlows(boxes).length, 1);
  });
});

describe('paragraphs, headings and lists', () => {
  const line = (text: string, y: number, size = 10, x0 = 72, x1 = 540): TextLine => ({
    text,
    x0,
    x1,
    y,
    size,
  });

  test('a gap larger than the line spacing starts a new paragraph; lines keep their breaks', () => {
    const blocks = blocksOfFlow(
      [line('one a', 100), line('one b', 112), line('two a', 136), line('two b', 148)],
      10,
    );
    assert.deepEqual(
      blocks.map((b) => [b.type, b.text]),
      [
        ['paragraph', 'one a\none b'],
        ['paragraph', 'two a\ntwo b'],
      ],
    );
  });

  test('an indented first line after a short line starts a paragraph without a gap', () => {
    const blocks = blocksOfFlow(
      [line('full line', 100), line('short end.', 112, 10, 72, 300), line('Indented', 124, 10, 87)],
      10,
    );
    assert.equal(blocks.length, 2);
  });

  test('markedly larger text is a heading, its level by size ratio', () => {
    const blocks = blocksOfFlow([line('Big Title', 60, 24), line('Body text.', 100)], 10);
    assert.deepEqual(blocks[0], { type: 'heading', level: 1, text: 'Big Title' });
    const sub = blocksOfFlow([line('Section', 60, 13), line('Body text.', 100)], 10);
    assert.deepEqual(sub[0], { type: 'heading', level: 4, text: 'Section' });
  });

  test('bullets and numbers make list items, keeping the marker; continuations join', () => {
    const blocks = blocksOfFlow(
      [
        line('• first point', 100, 10, 80),
        line('continues here', 112, 10, 90),
        line('3. numbered', 124, 10, 80),
        line('\uf0b7 symbol-font bullet', 136, 10, 80),
      ],
      10,
    );
    assert.deepEqual(
      blocks.map((b) => (b.type === 'listItem' ? [b.marker, b.ordered, b.text] : b.type)),
      [
        ['•', false, 'first point\ncontinues here'],
        ['3.', true, 'numbered'],
        ['\uf0b7', false, 'symbol-font bullet'],
      ],
    );
  });

  test('list markers are not found inside ordinary text', () => {
    assert.equal(listMarker('3.5 million people'), null);
    assert.equal(listMarker('J. Smith said'), null);
    assert.equal(listMarker('-5 degrees'), null);
    assert.deepEqual(listMarker('(a) first'), { marker: '(a)', ordered: true });
  });
});
