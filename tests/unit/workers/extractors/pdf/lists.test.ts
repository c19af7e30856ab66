// Numbered and bulleted lines as list items (issue 12): markers, wrapped items, depth.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  blocksOfFlow,
  listMarker,
  type TextLine,
} from '../../../../../src/workers/extractors/pdf/paragraphs';

const line = (text: string, y: number, x0 = 72, x1 = 540, size = 10): TextLine => ({
  text,
  x0,
  x1,
  y,
  size,
});

describe('lists', () => {
  test('numbered, lettered, roman, multi-level and bulleted markers', () => {
    const cases: Array<[string, string, boolean]> = [
      ['1. First', '1.', true],
      ['12) Twelfth', '12)', true],
      ['(a) lettered', '(a)', true],
      ['iv. roman', 'iv.', true],
      ['1.2 Second level', '1.2', true],
      ['3.1.4. Third level', '3.1.4.', true],
      ['• bullet', '•', false],
      ['– dash', '–', false],
      ['▪ square', '▪', false],
      ['- hyphen', '-', false],
    ];
    for (const [text, marker, ordered] of cases) {
      assert.deepEqual(listMarker(text), { marker, ordered }, text);
    }
  });

  test('decimals and amounts are not markers', () => {
    assert.equal(listMarker('3.5 million people'), null);
    assert.equal(listMarker('2.50 per unit'), null);
    assert.equal(listMarker('1.2.2020 was a Monday'), null);
  });

  test('a wrapped item keeps its continuation lines; the next marker starts the next item', () => {
    const blocks = blocksOfFlow(
      [
        line('1. The supplier delivers the goods to the site named in the', 100, 72),
        line('order, at its own risk and cost.', 112, 86, 300),
        line('2. The buyer inspects them within five days.', 124, 72, 400),
        line('(a) Defects are reported in writing,', 136, 86, 400),
        line('with photographs.', 148, 100, 250),
      ],
      10,
    );
    assert.deepEqual(
      blocks.map((b) => (b.type === 'listItem' ? [b.marker, b.depth, b.text] : b.type)),
      [
        [
          '1.',
          0,
          'The supplier delivers the goods to the site named in the\norder, at its own risk and cost.',
        ],
        ['2.', 0, 'The buyer inspects them within five days.'],
        ['(a)', 1, 'Defects are reported in writing,\nwith photographs.'],
      ],
    );
  });

  test('an item ends where a line starts left of its marker', () => {
    const blocks = blocksOfFlow(
      [line('• indented point', 100, 90, 300), line('Back at the margin.', 112, 72, 300)],
      10,
    );
    assert.deepEqual(
      blocks.map((b) => b.type),
      ['listItem', 'paragraph'],
    );
  });

  test('a numbered heading to the left does not deepen the list items beside it', () => {
    const blocks = blocksOfFlow(
      [
        line('3.3 Verifying Group Membership', 100, 40, 300, 14),
        line('1. There are user profiles for MGR and JANE.', 130, 72, 400),
        line('2. JANE has the group profile MGR.', 142, 72, 400),
      ],
      10,
    );
    assert.deepEqual(
      blocks.map((b) => (b.type === 'listItem' ? b.depth : b.type)),
      ['heading', 0, 0],
    );
  });
});
