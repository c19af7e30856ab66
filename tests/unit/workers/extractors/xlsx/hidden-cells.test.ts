// The HIDDEN_CELLS warning: rows and columns in runs, columns by their letters, capped lists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hiddenCellsWarning, runs } from '../../../../../src/workers/extractors/xlsx/hidden-cells';

test('consecutive numbers are runs', () => {
  assert.deepEqual(runs([3, 4, 5, 9, 11, 12]), ['3–5', '9', '11–12']);
  assert.deepEqual(runs([]), []);
});

test('the warning names rows and column letters, or is absent when nothing hidden holds text', () => {
  assert.equal(hiddenCellsWarning('S', { rows: [], columns: [] }), undefined);
  const warning = hiddenCellsWarning('Ledger', { rows: [2, 3, 7], columns: [3, 27, 28] });
  assert.equal(warning?.code, 'HIDDEN_CELLS');
  assert.equal(warning?.lossy, false);
  assert.equal(
    warning?.message,
    'Sheet "Ledger" has hidden rows 2–3, 7 and columns C, AA–AB; their content is included and labelled hidden.',
  );
  assert.equal(
    hiddenCellsWarning('One', { rows: [], columns: [3] })?.message,
    'Sheet "One" has hidden column C; its content is included and labelled hidden.',
  );
  const many = hiddenCellsWarning('Big', {
    rows: Array.from({ length: 30 }, (_, i) => i * 2 + 1),
    columns: [],
  });
  assert.match(many?.message ?? '', /39 and 10 more;/);
});
