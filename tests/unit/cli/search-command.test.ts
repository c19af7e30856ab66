// `folio search`: where the index is found, what a bad command says, how hits are printed.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { UsageError } from '../../../src/cli/args';
import { markedContext, parseSearch, searchLines } from '../../../src/cli/search-command';
import type { SearchHit, SearchResult } from '../../../src/shared/search';
import { tempFolder } from '../../support/pool-harness';

function extracted(): { input: string; out: string } {
  const root = tempFolder({ 'evidence/a.pdf': 'x' });
  const input = path.join(root, 'evidence');
  const out = `${input}.folio`;
  mkdirSync(path.join(out, '.folio-cache', 'search'), { recursive: true });
  writeFileSync(path.join(out, '.folio-cache', 'search', 'index.json'), '{}');
  return { input, out };
}

test('the index is found from the output folder or from the input folder', () => {
  const { input, out } = extracted();
  const fromOut = parseSearch(['search', out, 'ledger']);
  assert.deepEqual(fromOut, {
    query: 'ledger',
    limit: 50,
    json: false,
    cacheDir: path.join(out, '.folio-cache'),
  });
  const fromInput = parseSearch(['search', input, 'ledger', '--limit', '5', '--json']);
  assert.deepEqual(fromInput, {
    query: 'ledger',
    limit: 5,
    json: true,
    cacheDir: path.join(out, '.folio-cache'),
    input,
  });
});

test('bad commands are usage errors with a clear sentence', () => {
  const { out } = extracted();
  const cases: [string[], RegExp][] = [
    [['search'], /missing <folder-or-out>/],
    [['search', out], /missing "<query>"/],
    [['search', out, '  '], /missing "<query>"/],
    [['search', out, 'two', 'words'], /unexpected argument "words" \(quote a query/],
    [['search', out, 'x', '--limit', '0'], /--limit needs a whole number from 1 to 1000, got "0"/],
    [['search', out, 'x', '--limit', 'lots'], /--limit needs a whole number/],
    [['search', '/no/such/folder', 'x'], /folder not found/],
    [['search', tempFolder({}), 'x'], /no search index for .*: extract it first/],
    [['search', out, 'x', '--cache-dir', tempFolder({})], /no search index in/],
    [['search', out, 'x', '--bogus'], /Unknown option '--bogus'/],
  ];
  for (const [argv, message] of cases) {
    assert.throws(
      () => parseSearch(argv),
      (e: unknown) => e instanceof UsageError && message.test(e.message),
      argv.join(' '),
    );
  }
  assert.equal(parseSearch(['search', '--help']), 'help');
});

const hit = (over: Partial<SearchHit>): SearchHit => ({
  input: '/in',
  path: 'a.pdf',
  kind: 'pdf',
  textPath: '/out/a.pdf.md',
  line: 9,
  context: 'Total 41,228.23 due',
  contextStart: 0,
  ranges: [{ start: 6, end: 15 }],
  score: 1,
  ...over,
});

test('matches are marked in the context, which is escaped', () => {
  assert.equal(markedContext(hit({})), 'Total [41,228.23] due');
  assert.equal(
    markedContext(hit({ context: 'ab\u001b[2Jcd', ranges: [{ start: 0, end: 2 }] })),
    '[ab]\\x1b[2Jcd',
  );
  // A windowed context: ranges are columns of the line.
  assert.equal(
    markedContext(
      hit({ context: 'due now', contextStart: 100, ranges: [{ start: 100, end: 103 }] }),
    ),
    '[due] now',
  );
});

test('hits are printed by file, with page and line', () => {
  const result: SearchResult = {
    query: 'total',
    hits: [
      hit({ page: 2 }),
      hit({ path: 'b.xlsx', kind: 'xlsx', sheet: 'Ledger', line: 0 }),
      hit({ page: 3, line: 20 }),
    ],
    matchedChunks: 3,
    filesMatched: 2,
    truncated: true,
    indexed: { files: 7, chunks: 20 },
    ms: 3.2,
  };
  assert.deepEqual(searchLines(result), [
    'a.pdf  (2 hits)',
    '  p. 2, line 10: Total [41,228.23] due',
    '  p. 3, line 21: Total [41,228.23] due',
    'b.xlsx  (1 hit)',
    '  sheet Ledger, line 1: Total [41,228.23] due',
    '3 hits in 2 files (more: raise --limit); 7 files indexed; 3.2 ms',
  ]);
});
