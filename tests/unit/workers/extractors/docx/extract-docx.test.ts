import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { ExtractedDocument } from '../../../../../src/shared/model';
import { defaultExtractOptions } from '../../../../../src/shared/options';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import { blockTexts } from '../../../../support/block-texts';
import { realCorpusDir, realCorpusSkip } from '../../../../support/paths';
import { minimalDocxParts, writeZip } from '../../../../support/zip-builder';
import { codeOf, failure } from '../../../../support/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-docx-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { options: defaultExtractOptions };

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
  assert.deepEqual(blockTexts(doc.blocks), ['Body text', 'More inserted']);
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

test('a valid DOCX with no text is ok with 0 characters', async () => {
  const doc = await extractFile(writeZip(path.join(dir, 'empty.docx'), minimalDocxParts([])), ctx);
  assert.equal(doc.quality.textChars, 0);
  assert.deepEqual(doc.blocks, []);
});

test('a DOCX named .xlsx is extracted as a DOCX', async () => {
  const file = writeZip(path.join(dir, 'report.xlsx'), minimalDocxParts(['Actually a letter']));
  const doc = await extractFile(file, ctx);
  assert.equal(doc.source.kind, 'docx');
  assert.deepEqual(blockTexts(doc.blocks), ['Actually a letter']);
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
