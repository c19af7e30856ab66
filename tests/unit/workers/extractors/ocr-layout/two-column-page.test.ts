// Two columns of prose on a scan are no table: tesseract's blocks (left column, then right)
// stay exactly as they were read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ocrPageBlocks } from '../../../../../src/workers/extractors/ocr-layout/ocr-page-blocks';
import { toOcrPageResult } from '../../../../../src/workers/ocr/ocr-result';
import { column, LETTER_PX_300, ocrTree } from '../../../../support/ocr-tree';

const LEFT = [
  'The engagement team met the finance',
  'director on the first day of fieldwork',
  'to agree the timetable and the list of',
  'schedules that the company prepares.',
  'Most schedules arrived on time; the',
  'fixed asset register came two days late.',
];
const RIGHT = [
  'Inventory was counted at the main',
  'warehouse and at two of the branch',
  'sites, and the results were traced to',
  'the final stock listing without any',
  'exception; the count sheets were kept',
  'on file for the partner review visit.',
];

test('a two-column page keeps its paragraphs, left column first', () => {
  const tree = ocrTree([column(LEFT, 72, 150, 16), column(RIGHT, 318, 150, 16)], 300, 0.01);
  const result = toOcrPageResult(tree, 1, LETTER_PX_300, 300);
  const blocks = ocrPageBlocks(result, 1, { width: 612, height: 792 });
  assert.deepEqual(blocks, result.blocks);
  assert.deepEqual(
    blocks.map((b) => ('text' in b ? b.text.split('\n')[0] : b.type)),
    [LEFT[0], RIGHT[0]],
  );
});
