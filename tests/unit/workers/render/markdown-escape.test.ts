// Escaping text so Markdown shows it as written: inline syntax, line starts, table cells.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  escapeInline,
  escapeLineStart,
  escapeTableCell,
} from '../../../../src/workers/render/markdown-escape';

test('escaping leaves ordinary text alone', () => {
  for (const text of [
    'Revenue grew 5% to $1,200 (see note 3).',
    'snake_case_name and 5 * 3 = 15 and 2 ** 8',
    'pdfplumber__federal-register.pdf',
    'approx ~5 to ~10 days',
    'A lone * or a lone _ or one `tick',
    'The co-operate clause, 2019-2020.',
    'C:\\Users\\audit',
  ]) {
    assert.equal(escapeLineStart(escapeInline(text)), text);
  }
});

test('escaping neutralizes what would become formatting', () => {
  assert.equal(escapeInline('*draft* and **final**'), '\\*draft\\* and \\*\\*final\\*\\*');
  assert.equal(escapeInline('_todo_ `rm -rf` ~~old~~'), '\\_todo\\_ \\`rm -rf\\` \\~\\~old\\~\\~');
  assert.equal(escapeInline('a <script> &amp; [x](y)'), 'a \\<script> \\&amp; [x\\](y)');
  assert.equal(escapeInline('path C:\\*'), 'path C:\\\\*');
  assert.equal(escapeLineStart('# 5 items'), '\\# 5 items');
  assert.equal(escapeLineStart('> quoted'), '\\> quoted');
  assert.equal(escapeLineStart('- dash'), '\\- dash');
  assert.equal(escapeLineStart('12) twelve'), '12\\) twelve');
  assert.equal(escapeLineStart('- - - - x'), '\\- - - - x');
  assert.equal(escapeLineStart('***'), '\\***');
  assert.equal(escapeLineStart('[1]: http://x'), '\\[1]: http://x');
  assert.equal(escapeTableCell('a|b\nc'), 'a\\|b<br>c');
});
