// Lines into blocks: paragraphs, headings by size, list items by marker.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  blocksOfFlow,
  listMarker,
  type TextLine,
} from '../../../../../src/workers/extractors/pdf/paragraphs';

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
    assert.deepEqual(blocks[0], {
      type: 'heading',
      level: 1,
      text: 'Big Title',
      style: { size: 24, bold: false },
    });
    const sub = blocksOfFlow([line('Section', 60, 13), line('Body text.', 100)], 10);
    assert.deepEqual(sub[0], {
      type: 'heading',
      level: 4,
      text: 'Section',
      style: { size: 13, bold: false },
    });
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
