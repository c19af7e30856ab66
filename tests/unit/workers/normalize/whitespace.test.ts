// Whitespace runs, trimmed lines and blank lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapseWhitespace } from '../../../../src/workers/normalize/whitespace';

test('whitespace: runs collapse, lines are trimmed, one blank line at most', () => {
  assert.equal(
    collapseWhitespace('  Invoice   No.  42  \n\n\n\n Due:\t \t2024-01-31   \n  \n'),
    'Invoice No. 42\n\nDue:\t2024-01-31',
  );
});
