import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { renderTable } from '../../../../src/workers/render/markdown-table';

interface MarkdownIt {
  render(src: string): string;
}
const MarkdownItCtor = createRequire(import.meta.url)('markdown-it') as new (options: {
  html: boolean;
}) => MarkdownIt;
const preview = new MarkdownItCtor({ html: true });

/** Small deterministic PRNG (mulberry32) so property tests are reproducible. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fragments real cells contain, including every character a table could trip over.
const FRAGMENTS = [
  'Fees',
  'legal | tax',
  '1,200.50',
  '*',
  '**bold?**',
  '_x_',
  'file_name',
  '`code`',
  'C:\\temp\\',
  '<b>',
  '&amp;',
  '[link](x)',
  '# 5',
  '- item',
  '2024-01-31',
  'Müller & Söhne',
  '東京',
  '',
  'line one\nline two',
  '~~old~~',
  '=SUM(A1:A9)',
];

function randomTable(rand: () => number): string[][] {
  const rows = 1 + Math.floor(rand() * 6);
  return Array.from({ length: rows }, () =>
    Array.from({ length: Math.floor(rand() * 5) }, () => {
      const parts = 1 + Math.floor(rand() * 2);
      return Array.from(
        { length: parts },
        () => FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]!,
      ).join(' ');
    }),
  );
}

/** Unescaped `|` count of a table line. */
const pipes = (line: string): number =>
  line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;

function decodeHtml(s: string): string {
  return s
    .replace(/<br>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

test('property: every line of a table has as many separators as the header', () => {
  const rand = prng(20261128);
  for (let i = 0; i < 300; i++) {
    const rows = randomTable(rand);
    const md = renderTable({ rows, header: rand() < 0.5 });
    if (md === '') {
      assert.ok(
        rows.every((r) => r.length === 0),
        'only a table without cells renders empty',
      );
      continue;
    }
    const lines = md.split('\n');
    const width = Math.max(...rows.map((r) => r.length));
    for (const line of lines) assert.equal(pipes(line), width + 1, `${line}\n---\n${md}`);
  }
});

test('property: the preview shows exactly the cells that went in', () => {
  const rand = prng(7);
  for (let i = 0; i < 200; i++) {
    const rows = randomTable(rand).filter((r) => r.length > 0);
    if (rows.length === 0) continue;
    const header = rand() < 0.5;
    const range = rand() < 0.3 ? 'B2' : undefined;
    const html = preview.render(renderTable({ rows, header, range }));
    const cells = [...html.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((m) => decodeHtml(m[1]!));
    const width = Math.max(...rows.map((r) => r.length));
    // Cells are shown trimmed, with their line breaks kept (as <br>).
    const shown = (c: string): string => c.trim().replace(/\s*\n\s*/g, '\n');
    const padded = rows.map((r) => [...r.map(shown), ...Array<string>(width - r.length).fill('')]);
    // Headerless spreadsheet ranges get column letters; other tables promote their first row.
    const letters = ['B', 'C', 'D', 'E', 'F'].slice(0, width);
    const expected = (header || !range ? padded : [letters, ...padded]).flat();
    assert.deepEqual(cells, expected, html);
  }
});

test('a headerless spreadsheet range is labelled with its column letters', () => {
  const md = renderTable({ rows: [['x', 'y', 'z']], header: false, range: 'Y7:AA7' });
  assert.equal(md.split('\n')[0], '| Y   | Z   | AA  |');
});

test('a headerless Word or PDF table promotes its first row to the header', () => {
  const md = renderTable({
    rows: [
      ['', 'Food'],
      ['Leaves', 'Ash, Elm'],
    ],
    header: false,
  });
  assert.equal(md, '|        | Food     |\n| ------ | -------- |\n| Leaves | Ash, Elm |');
});

test('column widths are capped so one long cell does not pad every row', () => {
  const long = 'A very long description of a ledger entry that goes on and on';
  const md = renderTable({
    rows: [
      ['Item', 'Note'],
      ['1', long],
      ['2', 'short'],
    ],
    header: true,
  });
  assert.equal(md.split('\n')[3], '| 2    | short                    |');
});

test('hidden spreadsheet rows and columns are labelled, not left out', () => {
  const md = renderTable({
    rows: [
      ['Name', 'Cost', 'Note'],
      ['a', '1', 'x'],
      ['', '2', 'y'],
      ['c', '3', 'z'],
    ],
    header: true,
    hiddenRows: [1, 2],
    hiddenColumns: [1],
  });
  const cells = md.split('\n').map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim()),
  );
  assert.deepEqual(cells[0], ['Name', 'Cost (hidden)', 'Note']);
  assert.deepEqual(cells.slice(2), [
    ['(hidden) a', '1', 'x'],
    ['(hidden)', '2', 'y'],
    ['c', '3', 'z'],
  ]);
  // Without a header, the column letter carries the label.
  const letters = renderTable({
    rows: [['a', 'b']],
    header: false,
    range: 'B2:C2',
    hiddenColumns: [0],
  });
  assert.match(letters.split('\n')[0] ?? '', /^\| B \(hidden\) \| C +\|$/);
});
