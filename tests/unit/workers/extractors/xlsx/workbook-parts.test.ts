// Facts read from a workbook's raw XML parts without a full parse.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declaredRows } from '../../../../../src/workers/extractors/xlsx/workbook-parts';

test('declared dimensions', () => {
  assert.equal(declaredRows('<worksheet><dimension ref="A1:XFD1048576"/><sheetData>'), 1048576);
  assert.equal(declaredRows('<x:dimension ref="B2"/>'), 2);
  assert.equal(declaredRows('<worksheet><sheetData>'), undefined);
});
