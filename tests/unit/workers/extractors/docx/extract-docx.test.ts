import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Block, ExtractedDocument } from '../../../../../src/shared/model';
import { defaultExtractOptions } from '../../../../../src/shared/options';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import { htmlToBlocks } from '../../../../../src/workers/extractors/docx/html-to-blocks';
import { mammothWarnings } from '../../../../../src/workers/extractors/docx/mammoth-adapter';
import { parseCoreProperties } from '../../../../../src/workers/zip/core-properties';
import { realCorpusDir, realCorpusSkip } from '../../../../support/paths';
import { minimalDocxParts, writeZip } from '../../../../support/zip-builder';
import { codeOf, failure } from '../../../../support/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-docx-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { options: defaultExtractOptions };

const texts = (blocks: Block[]) =>
  blocks.map((b) =>
    'text' in b ? b.text : b.type === 'table' ? b.rows.map((r) => r.join('|')).join('/') : '',
  );

test('headings, paragraphs and nested lists keep their level and depth', () => {
  const { blocks } = htmlToBlocks(
    '<h1>Title</h1><p>One &amp; two<br />three</p><ul><li>a<ul><li>a.1</li></ul></li><li>b</li></ul><ol><li>first</li></ol><h3>Sub</h3>',
  );
  assert.deepEqual(blocks, [
    { type: 'heading', level: 1, text: 'Title', prov: { paragraph: 0 } },
    { type: 'paragraph', text: 'One & two\nthree', prov: { paragraph: 1 } },
    { type: 'listItem', text: 'a', ordered: false, depth: 0, prov: { paragraph: 2 } },
    { type: 'listItem', text: 'a.1', ordered: false, depth: 1, prov: { paragraph: 3 } },
    { type: 'listItem', text: 'b', ordered: false, depth: 0, prov: { paragraph: 4 } },
    { type: 'listItem', text: 'first', ordered: true, depth: 0, prov: { paragraph: 5 } },
    { type: 'heading', level: 3, text: 'Sub', prov: { paragraph: 6 } },
  ]);
});

test('tables: spans are laid on a grid with the text once; th or all-bold first rows are headers', () => {
  const spans = htmlToBlocks(
    '<table><tr><th>H1</th><th>H2</th><th>H3</th></tr><tr><td colspan="2"><p>wide</p></td><td rowspan="2">tall</td></tr><tr><td>x</td><td><p>y</p><p>z</p></td></tr></table>',
  ).blocks[0];
  assert.deepEqual(spans, {
    type: 'table',
    rows: [
      ['H1', 'H2', 'H3'],
      ['wide', '', 'tall'],
      ['x', 'y z', ''],
    ],
    header: true,
    prov: { paragraph: 0 },
  });
  const bold = htmlToBlocks(
    '<table><tr><td><p><strong>Name</strong></p></td><td><strong>Qty</strong></td></tr><tr><td>a</td><td>1</td></tr></table>',
  ).blocks[0];
  assert.equal(bold?.type === 'table' && bold.header, true);
  const plain = htmlToBlocks(
    '<table><tr><td>Name</td><td><strong>Qty</strong></td></tr><tr><td>a</td><td>1</td></tr></table>',
  ).blocks[0];
  assert.equal(plain?.type === 'table' && plain.header, false);
});

test('footnotes are labelled, back-links dropped, images counted but not written', () => {
  const result = htmlToBlocks(
    '<p>Claim<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> <img src="" alt="logo" /></p><ol><li id="footnote-1"><p>Source: annual report. <a href="#footnote-ref-1">↑</a></p></li><li id="endnote-2"><p>End.</p></li></ol>',
  );
  assert.deepEqual(texts(result.blocks), [
    'Claim[1]',
    'Footnote 1: Source: annual report.',
    'Endnote 2: End.',
  ]);
  assert.equal(result.images, 1);
  assert.equal(result.footnotes, 2);
});

test('mammoth style messages collapse into one readable warning', () => {
  const warnings = mammothWarnings([
    { message: "Unrecognised paragraph style: 'Title' (Style ID: Title)" },
    { message: "Unrecognised run style: 'Strong' (Style ID: Strong)" },
    { message: 'An unrecognised element was ignored: {http://x/math}oMath' },
    { message: 'Something else' },
  ]);
  assert.deepEqual(
    warnings.map((w) => [w.code, w.lossy]),
    [
      ['CONVERSION_WARNING', false],
      ['CONVERSION_WARNING', false],
      ['CONVERSION_WARNING', false],
    ],
  );
  assert.match(warnings[0]?.message ?? '', /Title, Strong/);
  assert.match(warnings[1]?.message ?? '', /oMath/);
});

const WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const XXE_DOCTYPE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>';

test('a DOCX with header, footer, comments and tracked changes says what is not in the body', async () => {
  const file = writeZip(
    path.join(dir, 'side.docx'),
    minimalDocxParts(
      [
        'Body text',
        '<w:p><w:r><w:t xml:space="preserve">More </w:t></w:r><w:ins w:id="1"><w:r><w:t>inserted</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>',
      ],
      [
        {
          name: 'word/header1.xml',
          content: `<w:hdr ${WNS}><w:p><w:r><w:t>ACME Confidential</w:t></w:r></w:p></w:hdr>`,
        },
        {
          name: 'word/footer1.xml',
          content: `<w:ftr ${WNS}><w:p><w:r><w:t>Page footer</w:t></w:r></w:p></w:ftr>`,
        },
        {
          name: 'word/comments.xml',
          content: `<w:comments ${WNS}><w:comment w:id="0"><w:p/></w:comment><w:comment w:id="1"/></w:comments>`,
        },
        {
          name: 'docProps/core.xml',
          content: `<?xml version="1.0"?>${XXE_DOCTYPE}<cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>Q3 &amp; Q4 &xxe;</dc:title><dc:creator>Ann</dc:creator><dcterms:created>2024-01-02T03:04:05Z</dcterms:created></cp:coreProperties>`,
        },
      ],
    ),
  );
  const doc = await extractFile(file, ctx);
  assert.equal(doc.source.kind, 'docx');
  // mammoth accepts the tracked changes: insertions in, deletions out.
  assert.deepEqual(texts(doc.blocks), ['Body text', 'More inserted']);
  assert.deepEqual(doc.metadata.runningHeaders, ['ACME Confidential']);
  assert.deepEqual(doc.metadata.runningFooters, ['Page footer']);
  // The external entity stays as written: nothing was fetched or read from disk.
  assert.equal(doc.metadata.title, 'Q3 & Q4 &xxe;');
  assert.equal(doc.metadata.author, 'Ann');
  const omitted = doc.warnings.filter((w) => w.code === 'CONTENT_OMITTED');
  assert.deepEqual(
    omitted.map((w) => [
      /headers and footers|2 reviewer comments|tracked changes/.exec(w.message)?.[0],
      w.lossy,
    ]),
    [
      ['headers and footers', false],
      ['2 reviewer comments', false],
      ['tracked changes', false],
    ],
  );
});

test('an external entity in document.xml is never resolved', async () => {
  const secret = path.join(dir, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET-VALUE');
  const parts = minimalDocxParts(['before']).map((p) =>
    p.name === 'word/document.xml'
      ? {
          name: p.name,
          content: `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY s SYSTEM "file://${secret}">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>A &s; B</w:t></w:r></w:p></w:body></w:document>`,
        }
      : p,
  );
  const file = writeZip(path.join(dir, 'xxe.docx'), parts);
  // mammoth's XML parser (xmldom) has no DTD support: the reference stays unresolved and the
  // part is refused as damaged. Either way the file's content must never appear.
  let outcome = '';
  try {
    outcome = JSON.stringify(await extractFile(file, ctx));
  } catch (error) {
    assert.equal((error as { code?: string }).code, 'CORRUPT');
    outcome = String((error as Error).message);
  }
  assert.ok(!outcome.includes('TOP-SECRET-VALUE'));
});

test('parseCoreProperties reads Dublin Core fields and decodes only predefined entities', () => {
  assert.deepEqual(
    parseCoreProperties(
      '<cp:coreProperties><dc:title>A &lt;b&gt; &#233;</dc:title><dc:creator>Bo</dc:creator><dcterms:modified xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>',
    ),
    { title: 'A <b> é', author: 'Bo', modified: '2020-01-01T00:00:00Z' },
  );
});

test('a valid DOCX with no text is ok with 0 characters', async () => {
  const doc = await extractFile(writeZip(path.join(dir, 'empty.docx'), minimalDocxParts([])), ctx);
  assert.equal(doc.quality.textChars, 0);
  assert.deepEqual(doc.blocks, []);
});

test('a DOCX named .xlsx is extracted as a DOCX', async () => {
  const file = writeZip(path.join(dir, 'report.xlsx'), minimalDocxParts(['Actually a letter']));
  const doc = await extractFile(file, ctx);
  assert.equal(doc.source.kind, 'docx');
  assert.deepEqual(texts(doc.blocks), ['Actually a letter']);
});

test('random bytes named .docx are UNSUPPORTED_TYPE', async () => {
  const file = path.join(dir, 'random.docx');
  writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
  assert.equal(await codeOf(extractFile(file, ctx)), 'UNSUPPORTED_TYPE');
});

test('a DOCX truncated at several offsets is CORRUPT with a plain message', async () => {
  const whole = readFileSync(
    writeZip(path.join(dir, 'whole.docx'), minimalDocxParts(['Some text '.repeat(200)])),
  );
  for (const fraction of [0.1, 0.5, 0.9, 0.99]) {
    const file = path.join(dir, `cut-${fraction}.docx`);
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * fraction)));
    const error = await failure(extractFile(file, ctx));
    assert.equal(error.code, 'CORRUPT', `cut at ${fraction}`);
    assert.match(error.message ?? '', /The DOCX is damaged or truncated/);
  }
});

test(
  'real DOCX files from the corpus: truncated copies are CORRUPT',
  { skip: realCorpusSkip },
  async () => {
    const source = path.join(realCorpusDir, 'docling__word_sample.docx');
    const whole = readFileSync(source);
    for (const offset of [1000, Math.floor(whole.length / 2), whole.length - 100]) {
      const file = path.join(dir, `real-cut-${offset}.docx`);
      writeFileSync(file, whole.subarray(0, offset));
      assert.equal(await codeOf(extractFile(file, ctx)), 'CORRUPT', `cut at ${offset}`);
    }
    // And the untouched copy still reads.
    copyFileSync(source, path.join(dir, 'copy.docx'));
    const doc: ExtractedDocument = await extractFile(path.join(dir, 'copy.docx'), ctx);
    assert.ok(
      doc.blocks.some((b) => b.type === 'table' && b.rows.some((r) => r.includes('Leaves'))),
    );
  },
);
