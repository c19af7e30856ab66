// The index end to end on written texts: words, fuzzy OCR errors, prefixes, phrases, amounts and
// references under other separators, filters, hits with page and line, and a round trip to JSON.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { SearchOptions } from '../../../../src/shared/search';
import { pageChunks } from '../../../../src/workers/text-search/page-chunks';
import {
  MAX_PHRASE_CANDIDATES,
  SearchIndex,
  type IndexedFile,
} from '../../../../src/workers/text-search/search-index';
import { tempFolder } from '../../../support/pool-harness';

const invoice = [
  '# invoice.pdf',
  '<!-- page 1 -->',
  'Invoice INV-2024-4788 issued to Bluestone Engineering.',
  '<!-- page 2 (OCR, confidence 71%) -->',
  'Total due: $41,228.23 by 15/03/2024.',
  'Trade recievables were confirmed.',
].join('\n');
const minutes = ['# minutes.docx', 'The board approved the trade receivables policy.'].join('\n');

async function indexOf(): Promise<{ index: SearchIndex; options: SearchOptions }> {
  const dir = tempFolder({});
  const index = new SearchIndex();
  for (const [name, text, kind] of [
    ['invoice.pdf', invoice, 'pdf'],
    ['minutes.docx', minutes, 'docx'],
  ] as const) {
    const textPath = path.join(dir, `${name}.md`);
    await writeFile(textPath, text);
    index.addFile(
      { input: '/in', path: name, kind, status: 'ok', textPath, cacheKey: name, sha256: name },
      pageChunks(text),
    );
  }
  return { index, options: { cacheDir: dir } };
}

const read = async (file: IndexedFile) => ({
  path: file.textPath,
  lines: (await readFile(file.textPath, 'utf8')).split('\n'),
});

async function paths(index: SearchIndex, query: string, options: SearchOptions) {
  const result = await index.search(query, options, read);
  return [...new Set(result.hits.map((h) => h.path))];
}

test('a hit names the file, the page, the line and the matched span', async () => {
  const { index, options } = await indexOf();
  const result = await index.search('bluestone', options, read);
  assert.equal(result.hits.length, 1);
  const [hit] = result.hits;
  assert.equal(hit.path, 'invoice.pdf');
  assert.equal(hit.page, 1);
  assert.equal(hit.line, 2);
  assert.equal(hit.context.slice(hit.ranges[0].start, hit.ranges[0].end), 'Bluestone');
});

test('amounts, dates and references match whatever their separators', async () => {
  const { index, options } = await indexOf();
  for (const query of ['41,228.23', '41228.23', '4122823', '41.228,23']) {
    assert.deepEqual(await paths(index, query, options), ['invoice.pdf'], query);
  }
  for (const query of [
    'INV-2024-4788',
    'INV 2024 4788',
    'inv20244788',
    'INV/2024/4788',
    '2024-4788',
  ]) {
    assert.deepEqual(await paths(index, query, options), ['invoice.pdf'], query);
  }
  assert.deepEqual(await paths(index, '15.03.2024', options), ['invoice.pdf']);
  assert.deepEqual(await paths(index, '41,228.24', options), [], 'amounts are never fuzzy');
});

test('fuzzy matching finds OCR errors; turned off it does not', async () => {
  const { index, options } = await indexOf();
  // The text has "recievables" (an OCR error): "receivables" finds both files.
  assert.deepEqual((await paths(index, 'receivables', options)).sort(), [
    'invoice.pdf',
    'minutes.docx',
  ]);
  assert.deepEqual(await paths(index, 'receivables', { ...options, fuzzy: false }), [
    'minutes.docx',
  ]);
});

test('a prefix matches longer words; all words must match', async () => {
  const { index, options } = await indexOf();
  assert.deepEqual(await paths(index, 'engin*', options), ['invoice.pdf']);
  assert.deepEqual(await paths(index, 'board bluestone', options), []);
});

test('a phrase must appear in order', async () => {
  const { index, options } = await indexOf();
  assert.deepEqual(await paths(index, '"trade receivables policy"', options), ['minutes.docx']);
  assert.deepEqual(await paths(index, '"policy receivables"', options), []);
});

test('filters by kind, status and input', async () => {
  const { index, options } = await indexOf();
  assert.deepEqual(await paths(index, 'trade', { ...options, kinds: ['docx'] }), ['minutes.docx']);
  assert.deepEqual(await paths(index, 'trade', { ...options, statuses: ['partial'] }), []);
  assert.deepEqual(await paths(index, 'trade', { ...options, inputs: ['/elsewhere'] }), []);
});

test('limit cuts the hits and says so', async () => {
  const { index, options } = await indexOf();
  const result = await index.search('trade', { ...options, limit: 1 }, read);
  assert.equal(result.hits.length, 1);
  assert.equal(result.truncated, true);
});

test('a file indexed again replaces its chunks; a removed file is gone', async () => {
  const { index, options } = await indexOf();
  const before = index.size.chunks;
  const file = index.file('/in', 'minutes.docx')!;
  index.addFile({ ...file, cacheKey: 'v2' }, pageChunks(minutes));
  assert.equal(index.size.chunks, before);
  index.removeFile('/in', 'minutes.docx');
  assert.deepEqual(await paths(index, 'board', options), []);
});

test('the index survives a round trip through JSON', async () => {
  const { index, options } = await indexOf();
  const copy = SearchIndex.fromJSON(JSON.parse(JSON.stringify(index)));
  assert.deepEqual(copy.size, index.size);
  assert.deepEqual(await paths(copy, 'INV 2024 4788', options), ['invoice.pdf']);
  assert.throws(() => SearchIndex.fromJSON({ ...index.toJSON(), version: 9 as 1 }), /version/);
});

test('a text file that is gone gives no hits, not an error', async () => {
  const { index, options } = await indexOf();
  const result = await index.search('bluestone', options, async () => undefined);
  assert.equal(result.hits.length, 0);
  assert.equal(result.matchedChunks, 1);
});

test('a phrase checks at most MAX_PHRASE_CANDIDATES chunks and says the result is cut', async () => {
  const dir = tempFolder({});
  const index = new SearchIndex();
  const text = '<!-- page 1 -->\nalpha beta gamma';
  const textPath = path.join(dir, 'many.md');
  await writeFile(textPath, text);
  const chunks = Array.from({ length: MAX_PHRASE_CANDIDATES + 5 }, (_, i) => ({
    page: i + 1,
    startLine: 0,
    endLine: 2,
    text: 'alpha beta gamma',
  }));
  index.addFile(
    {
      input: '/in',
      path: 'many.pdf',
      kind: 'pdf',
      status: 'ok',
      textPath,
      cacheKey: 'k',
      sha256: 's',
    },
    chunks,
  );
  let reads = 0;
  const counting = async (file: IndexedFile) => {
    reads++;
    return read(file);
  };
  // The phrase is there in no order that matches: every candidate is checked, up to the budget.
  const result = await index.search('"gamma alpha"', { cacheDir: dir }, counting);
  assert.equal(result.hits.length, 0);
  assert.equal(result.truncated, true);
  assert.equal(reads, 1, 'one read per file and query');
});
