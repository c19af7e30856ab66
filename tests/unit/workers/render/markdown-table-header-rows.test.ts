// A table with several header rows (PDF) renders them all in Markdown's one header row, joined per
// column, and none of them as a body row; the JSON keeps the rows apart.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { Block } from '../../../../src/shared/model';
import { renderJson } from '../../../../src/workers/render/json';
import { renderMarkdown } from '../../../../src/workers/render/markdown';
import { renderTable, stackedTitle } from '../../../../src/workers/render/markdown-table';
import { auditPdf } from '../../../support/render-documents';

interface MarkdownIt {
  render(src: string): string;
}
const MarkdownItCtor = createRequire(import.meta.url)('markdown-it') as new () => MarkdownIt;

const cell = (row: number, col: number, rowSpan = 1, colSpan = 1) => ({
  row,
  col,
  rowSpan,
  colSpan,
});

/** Region spans both header rows; Revenue spans two columns over 2023 and 2024. */
const twoHeaderRows: Extract<Block, { type: 'table' }> = {
  type: 'table',
  rows: [
    ['Region', 'Revenue', '', 'Staff'],
    ['', '2023', '2024', ''],
    ['North', '1,200', '1,350', '14'],
    ['South', '900', '980', '11'],
  ],
  header: true,
  headerRows: 2,
  cells: [
    cell(0, 0, 2),
    cell(0, 1, 1, 2),
    cell(0, 3, 2),
    ...[1, 2].map((c) => cell(1, c)),
    ...[2, 3].flatMap((r) => [0, 1, 2, 3].map((c) => cell(r, c))),
  ],
  prov: { page: 1 },
};

test('stacked header cells read as one title per column', () => {
  assert.equal(stackedTitle(['Revenue', '2023']), 'Revenue / 2023');
  assert.equal(stackedTitle(['Region', 'Region']), 'Region');
  assert.equal(stackedTitle(['', 'Staff', '']), 'Staff');
  assert.equal(stackedTitle(['', '']), '');
});

test('every header row is in the Markdown header, none in the body', () => {
  const doc = auditPdf();
  doc.blocks = [twoHeaderRows];
  const md = renderMarkdown(doc, { frontMatter: false });
  const lines = md
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('|'));
  assert.match(lines[0], /^\| Region +\| Revenue \/ 2023 \| Revenue \/ 2024 \| Staff +\|$/);
  assert.equal(lines.length, 4, 'header, delimiter and the two body rows');
  assert.match(lines[2], /^\| North /);
  const html = new MarkdownItCtor().render(md);
  assert.equal(html.match(/<th>/g)?.length, 4);
  assert.equal(html.match(/<tr>/g)?.length, 3);
});

test('the JSON keeps the header rows as rows', () => {
  const doc = auditPdf();
  doc.blocks = [twoHeaderRows];
  const json = JSON.parse(renderJson(doc)) as {
    blocks: Array<{ rows: string[][]; headerRows: number }>;
  };
  const table = json.blocks.find((b) => b.rows)!;
  assert.equal(table.headerRows, 2);
  assert.deepEqual(table.rows[1], ['', '2023', '2024', '']);
});

test('one header row and headerless tables render as before', () => {
  const rows = [
    ['Name', 'Amount'],
    ['Paper', '12'],
  ];
  const one = renderTable({ rows, header: true, headerRows: 1 });
  assert.equal(one, renderTable({ rows, header: true }));
  assert.match(one.split('\n')[2], /Paper/);
  // A declared count is ignored without a header, and never exceeds the rows there are.
  assert.equal(
    renderTable({ rows, header: false, headerRows: 2 }),
    renderTable({ rows, header: false }),
  );
  assert.equal(renderTable({ rows, header: true, headerRows: 5 }).split('\n').length, 2);
});
